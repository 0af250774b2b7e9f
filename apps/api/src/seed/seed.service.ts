import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password';
import { anyOrganizationExists, newOrganizationIn } from '../database/tenancy';
import { Organization } from '../database/entities/organization.entity';
import { FIRST_ORGANIZATION_LOCK } from '../organizations/organizations.service';
import { ProgramTemplatesService } from '../program-templates/program-templates.service';
import { User } from '../database/entities/user.entity';
import { DEMO_ORGANIZATION_NAME, DEMO_ORGANIZATION_PROFILE, DEMO_TEMPLATE_ID, DEMO_USERS } from './demo-organization.seed';
import { demoWanted } from './demo-setting';

@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly templates: ProgramTemplatesService,
  ) {}

  /**
   * On an empty database only, and when the demo is wanted (see demoWanted): creates the demo organization,
   * whose accounts must choose new passwords at their first sign-in. Returns whether it did.
   */
  async seedIfEmpty(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
    if (!demoWanted(env)) return false;
    return this.db.transaction(async (manager) => {
      // Two processes starting at once on one empty database seed it once.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [FIRST_ORGANIZATION_LOCK]);
      if (await anyOrganizationExists(manager)) return false;
      const demo = await this.seedOrganization(
        manager,
        DEMO_ORGANIZATION_NAME,
        DEMO_USERS.map((user) => ({ ...user, mustChangePassword: true })),
      );
      await manager.update(Organization, { id: demo.id }, DEMO_ORGANIZATION_PROFILE);
      this.logger.log(`Created the demo organization ${DEMO_ORGANIZATION_NAME}`);
      return true;
    });
  }

  /**
   * An organization with its users, started from a program template: by default the demo's (the plan's four
   * programs, their yearly targets and question banks); `template: null` starts it with no programs.
   */
  async seedOrganization(
    manager: EntityManager,
    name: string,
    users: { email: string; password: string; displayName: string; role: User['role']; mustChangePassword?: boolean }[],
    options: { template?: string | null } = {},
  ): Promise<Organization> {
    const organization = manager.create(Organization, { id: await newOrganizationIn(manager), name });
    await manager.insert(Organization, organization);
    for (const user of users) {
      await manager.insert(User, {
        organizationId: organization.id,
        email: user.email.toLowerCase(),
        displayName: user.displayName,
        role: user.role,
        passwordHash: await hashPassword(user.password),
        mustChangePassword: user.mustChangePassword ?? false,
      });
    }
    const template = options.template === undefined ? DEMO_TEMPLATE_ID : options.template;
    if (template !== null) await this.templates.applyTemplate(manager, organization.id, template);
    return organization;
  }
}

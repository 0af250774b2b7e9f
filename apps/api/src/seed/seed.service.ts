import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password';
import { Organization } from '../organizations/organization.entity';
import { ProgramYear } from '../programs/program-year.entity';
import { Program } from '../programs/program.entity';
import { Question } from '../questions/question.entity';
import { storedQuestion } from '../questions/question.mapper';
import { User } from '../users/user.entity';
import {
  DEFAULT_INDICATOR_SETTINGS,
  DEMO_ORGANIZATION_NAME,
  DEMO_ORGANIZATION_PROFILE,
  DEMO_USERS,
  PLAN_FISCAL_YEARS,
  PLAN_PROGRAMS,
} from './demo-organization.seed';
import { demoWanted } from './demo-setting';
import { defaultQuestionBank } from './question-bank.seed';

@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * On an empty database only, and when the demo is wanted (see demoWanted): creates the demo organization,
   * whose accounts must choose new passwords at their first sign-in. Returns whether it did.
   */
  async seedIfEmpty(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
    if (!demoWanted(env)) return false;
    return this.db.transaction(async (manager) => {
      // Two processes starting at once on one empty database seed it once.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['sujarit:seed']);
      if ((await manager.count(Organization)) > 0) return false;
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

  /** An organization with the plan's four programs, their yearly targets, question banks and users. */
  async seedOrganization(
    manager: EntityManager,
    name: string,
    users: { email: string; password: string; displayName: string; role: User['role']; mustChangePassword?: boolean }[],
  ): Promise<Organization> {
    const organization = await manager.save(Organization, { name });
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
    for (const seed of PLAN_PROGRAMS) {
      const program = await manager.save(Program, {
        organizationId: organization.id,
        code: seed.code,
        name: seed.name,
        audience: seed.audience,
        ownerUnit: seed.ownerUnit,
      });
      await manager.insert(
        ProgramYear,
        PLAN_FISCAL_YEARS.map((fiscalYear) => ({
          organizationId: organization.id,
          programId: program.id,
          fiscalYear,
          targetHeadcount: seed.targetHeadcount,
          sessionsRequired: seed.sessionsRequired,
          budgetBaht: seed.budgetBaht,
          ownerUnit: seed.ownerUnit,
          ...DEFAULT_INDICATOR_SETTINGS,
        })),
      );
      await manager.insert(
        Question,
        defaultQuestionBank(seed.code).map((q, position) => ({
          organizationId: organization.id,
          programId: program.id,
          version: 1,
          position,
          ...storedQuestion(q),
        })),
      );
    }
    return organization;
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SetupRequest, SetupStatus } from '@sujarit/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthService, toAuthenticatedUser } from '../auth/auth.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { hashPassword } from '../auth/password';
import { assertAcceptablePassword } from '../auth/password-policy';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain.error';
import { anyOrganizationExists } from '../database/tenancy';
import { FIRST_ORGANIZATION_LOCK, OrganizationsService } from '../organizations/organizations.service';
import { ProgramTemplatesService } from '../program-templates/program-templates.service';
import { User } from '../database/entities/user.entity';

const alreadyDone = () =>
  new DomainError('SETUP_ALREADY_DONE', 'ระบบนี้ตั้งค่าหน่วยงานแรกไปแล้ว กรุณาเข้าสู่ระบบ', HttpStatus.GONE);

/**
 * First run on an empty database (no demo): the first organization and its first admin, once. After that
 * the set-up is gone; more organizations come from the operator's command, more users from the admins.
 */
@Injectable()
export class SetupService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly templates: ProgramTemplatesService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async status(): Promise<SetupStatus> {
    const needed = !(await anyOrganizationExists(this.db.manager));
    return { needed, templates: needed ? this.templates.list() : [] };
  }

  /** Creates the organization and its admin, who is signed in here; a second set-up changes nothing. */
  async setup(request: SetupRequest): Promise<{ user: AuthenticatedUser; token: string; expiresAt: Date }> {
    assertAcceptablePassword(request.admin.password, request.admin.email);
    const passwordHash = await hashPassword(request.admin.password);
    return this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [FIRST_ORGANIZATION_LOCK]);
      if (await anyOrganizationExists(manager)) throw alreadyDone();
      const { organization, programsCreated } = await this.organizations.createOrganization(
        manager,
        request.organization,
        request.templateId,
      );
      const admin = await manager.save(
        User,
        manager.create(User, {
          organizationId: organization.id,
          email: request.admin.email,
          displayName: request.admin.displayName,
          role: 'admin',
          unit: null,
          passwordHash,
          mustChangePassword: false,
          passwordChangedAt: this.clock.now(),
          deactivatedAt: null,
        }),
      );
      const actor = { organizationId: organization.id, userId: admin.id, name: `${admin.displayName} (${admin.email})` };
      await this.audit.record(manager, actor, {
        action: 'organization.created',
        subject: { id: organization.id, label: organization.shortName },
        details: { how: 'setup', admin: admin.email, programs: programsCreated.join(', ') || null },
      });
      const session = await this.auth.startSession(admin.id, manager);
      return { ...session, user: toAuthenticatedUser({ ...admin, organization }, session.sessionId) };
    });
  }
}

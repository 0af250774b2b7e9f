import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountLink, CreateUserRequest, UpdateUserRequest, User as UserView, UserList, UserWithLink } from '@sujarit/contracts';
import { DataSource, EntityManager, IsNull, Not, QueryFailedError } from 'typeorm';
import { actorOf, AuditService, changedFields } from '../audit/audit.service';
import { AuthService, loginThrottleKeys } from '../auth/auth.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { conflict, DomainError, notFound } from '../common/domain.error';
import { MailService } from '../mail/mail.service';
import { Organization } from '../database/entities/organization.entity';
import { ThrottleService } from '../throttle/throttle.service';
import { accountLinkUrl } from './account-link-url';
import { AccountLinksService, type IssuedAccountLink } from './account-links.service';
import { accountLinkMail } from './account-mail';
import { User } from '../database/entities/user.entity';

const collator = new Intl.Collator('th');

/** invited until the user sets a password through their link; deactivated wins over both. */
export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    unit: user.unit,
    status: user.deactivatedAt ? 'deactivated' : user.passwordHash ? 'active' : 'invited',
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt.toISOString(),
    passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
  };
}

/** An admin who can sign in now: not deactivated and with a password (an invited admin may never come). */
const isActiveAdmin = (user: User) => user.role === 'admin' && !user.deactivatedAt && user.passwordHash !== null;

/** A staff account as the audit log names it: by its email. */
const userSubject = (user: User) => ({ id: user.id, label: user.email });

const userNotFound = () => notFound('USER_NOT_FOUND', 'ไม่พบผู้ใช้นี้ในองค์กร');

/** An organization's accounts, managed by its admins. Every query is scoped by the admin's organization. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: AccountLinksService,
    private readonly auth: AuthService,
    private readonly mail: MailService,
    private readonly throttle: ThrottleService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(organizationId: string): Promise<UserList> {
    const users = await this.db.getRepository(User).findBy({ organizationId });
    users.sort((a, b) => collator.compare(a.displayName, b.displayName) || a.email.localeCompare(b.email));
    return { users: users.map(toUserView) };
  }

  /** Creates the account and its invitation link, shown once to the admin and mailed when SMTP is set. */
  async create(admin: AuthenticatedUser, request: CreateUserRequest, mailBase: string): Promise<UserWithLink> {
    const { user, link } = await this.db.transaction(async (manager) => {
      const invited = await this.invite(manager, admin.organizationId, request, admin.id);
      await this.audit.record(manager, actorOf(admin), {
        action: 'user.invited',
        subject: userSubject(invited.user),
        details: { role: invited.user.role, unit: invited.user.unit },
      });
      return invited;
    });
    return { user: toUserView(user), link: await this.deliverLink(user, link, mailBase) };
  }

  /**
   * A new user of the organization without a password, and their invitation link (7 days, one use). Runs in the
   * caller's transaction so the first-run set-up and the operator's command can create an organization with it;
   * mailing is left to the caller, after commit.
   */
  async invite(
    manager: EntityManager,
    organizationId: string,
    request: CreateUserRequest,
    invitedBy: string | null,
  ): Promise<{ user: User; link: IssuedAccountLink }> {
    const email = request.email.trim().toLowerCase();
    if (await manager.existsBy(User, { email })) throw emailTaken();
    let user: User;
    try {
      user = await manager.save(
        manager.create(User, {
          organizationId,
          email,
          displayName: request.displayName,
          role: request.role,
          unit: request.unit || null,
          passwordHash: null,
          mustChangePassword: false,
          passwordChangedAt: null,
          deactivatedAt: null,
        }),
      );
    } catch (error) {
      // Two admins adding one email at once: the unique index decides.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw emailTaken();
      throw error;
    }
    return { user, link: await this.links.issue(manager, user, 'invite', invitedBy) };
  }

  /** Name, unit and role. An active admin cannot be made a non-admin when no other active admin would remain. */
  async update(admin: AuthenticatedUser, userId: string, request: UpdateUserRequest): Promise<UserView> {
    return this.db.transaction(async (manager) => {
      await this.lockAdmins(manager, admin.organizationId);
      const user = await this.find(manager, admin.organizationId, userId);
      if (request.role && request.role !== 'admin' && isActiveAdmin(user)) await this.assertAnotherActiveAdmin(manager, user);
      const before = { displayName: user.displayName, unit: user.unit, role: user.role };
      if (request.displayName !== undefined) user.displayName = request.displayName;
      if (request.unit !== undefined) user.unit = request.unit || null;
      if (request.role !== undefined) user.role = request.role;
      const saved = await manager.save(user);
      const changes = changedFields(before, { displayName: saved.displayName, unit: saved.unit, role: saved.role }, ['displayName', 'unit', 'role']);
      if (Object.keys(changes).length > 0) {
        await this.audit.record(manager, actorOf(admin), {
          action: changes.role ? 'user.role_changed' : 'user.updated',
          subject: userSubject(saved),
          changes,
        });
      }
      return toUserView(saved);
    });
  }

  /**
   * The user can no longer sign in: their sessions end at once and their open links stop working. Not oneself,
   * and not the last active admin. Reactivation gives the account back with its old password.
   */
  async deactivate(admin: AuthenticatedUser, userId: string): Promise<UserView> {
    if (userId === admin.id) {
      throw conflict('CANNOT_DEACTIVATE_SELF', 'ปิดใช้งานบัญชีของตัวเองไม่ได้ ให้ผู้ดูแลระบบคนอื่นเป็นผู้ปิด');
    }
    return this.db.transaction(async (manager) => {
      await this.lockAdmins(manager, admin.organizationId);
      const user = await this.find(manager, admin.organizationId, userId);
      if (user.deactivatedAt) return toUserView(user);
      if (isActiveAdmin(user)) await this.assertAnotherActiveAdmin(manager, user);
      user.deactivatedAt = this.clock.now();
      await manager.save(user);
      await this.auth.endSessions(user.id, { manager });
      await this.links.revokeOpen(manager, user.id);
      await this.audit.record(manager, actorOf(admin), { action: 'user.deactivated', subject: userSubject(user) });
      return toUserView(user);
    });
  }

  async reactivate(admin: AuthenticatedUser, userId: string): Promise<UserView> {
    return this.db.transaction(async (manager) => {
      const user = await this.find(manager, admin.organizationId, userId);
      if (!user.deactivatedAt) return toUserView(user);
      user.deactivatedAt = null;
      await this.audit.record(manager, actorOf(admin), { action: 'user.reactivated', subject: userSubject(user) });
      return toUserView(await manager.save(user));
    });
  }

  /**
   * A new one-time link for the user: a reset (1 hour) when they have a password, else a new invitation (7 days).
   * Earlier open links stop working, and the sign-in limit on their email is lifted.
   */
  async issuePasswordLink(admin: AuthenticatedUser, userId: string, mailBase: string): Promise<UserWithLink> {
    const { user, link } = await this.db.transaction(async (manager) => {
      const found = await this.find(manager, admin.organizationId, userId);
      if (found.deactivatedAt) {
        throw conflict('USER_DEACTIVATED', 'บัญชีนี้ถูกปิดใช้งานอยู่ กรุณาเปิดใช้งานก่อนออกลิงก์ตั้งรหัสผ่าน');
      }
      const purpose = found.passwordHash ? 'reset' : 'invite';
      const issued = await this.links.issue(manager, found, purpose, admin.id);
      await this.audit.record(manager, actorOf(admin), {
        action: 'user.password_reset_issued',
        subject: userSubject(found),
        details: { purpose },
      });
      return { user: found, link: issued };
    });
    await this.throttle.reset(loginThrottleKeys(user.email));
    return { user: toUserView(user), link: await this.deliverLink(user, link, mailBase) };
  }

  /**
   * Mails the link when SMTP is set (call after the link's transaction has committed) and returns what the admin
   * is shown, this once, either way. `mailBase` is where a mailed link points when PUBLIC_URL is unset.
   */
  async deliverLink(user: User, link: IssuedAccountLink, mailBase: string): Promise<AccountLink> {
    let mailed = false;
    if (this.mail.enabled) {
      const organization = await this.db.getRepository(Organization).findOneBy({ id: user.organizationId });
      mailed = await this.mail.send(
        accountLinkMail({
          purpose: link.purpose,
          to: user.email,
          displayName: user.displayName,
          role: user.role,
          organizationName: organization?.name ?? '',
          url: accountLinkUrl(link.token, mailBase),
          expiresAt: link.expiresAt,
        }),
      );
    }
    return { purpose: link.purpose, url: link.url, expiresAt: link.expiresAt.toISOString(), mailed };
  }

  private async find(manager: EntityManager, organizationId: string, userId: string): Promise<User> {
    const user = await manager.findOneBy(User, { id: userId, organizationId });
    if (!user) throw userNotFound();
    return user;
  }

  /** Changes to who is an admin take turns per organization, so two admins cannot demote each other at once. */
  private async lockAdmins(manager: EntityManager, organizationId: string): Promise<void> {
    await manager.query(`SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId]);
  }

  private async assertAnotherActiveAdmin(manager: EntityManager, user: User): Promise<void> {
    const others = await manager.countBy(User, {
      organizationId: user.organizationId,
      role: 'admin',
      deactivatedAt: IsNull(),
      passwordHash: Not(IsNull()),
      id: Not(user.id),
    });
    if (others === 0) {
      throw new DomainError(
        'LAST_ADMIN',
        'ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งคน กรุณาเพิ่มผู้ดูแลระบบคนอื่นและให้ตั้งรหัสผ่านก่อน',
        HttpStatus.CONFLICT,
      );
    }
  }
}

const emailTaken = () => conflict('EMAIL_TAKEN', 'อีเมลนี้มีบัญชีในระบบอยู่แล้ว');

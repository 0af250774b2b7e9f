import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountLinkInfo, AccountLinkPurpose } from '@sujarit/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuthService, loginThrottleKeys } from '../auth/auth.service';
import { sha256 } from '../common/sha256';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { toAuthenticatedUser } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { assertAcceptablePassword } from '../auth/password-policy';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain.error';
import { ThrottleService } from '../throttle/throttle.service';
import { accountLinkUrl } from './account-link-url';
import { enterOrganizationOf } from '../database/tenancy';
import { AccountToken } from '../database/entities/account-token.entity';
import { User } from '../database/entities/user.entity';

/** How long a link lasts: an invitation waits a week for a new colleague, a reset only an hour. */
export const ACCOUNT_LINK_TTL_MS: Record<AccountLinkPurpose, number> = {
  invite: 7 * 24 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
};

/** A link just made. Its token exists only here: the database keeps the hash. */
export interface IssuedAccountLink {
  purpose: AccountLinkPurpose;
  token: string;
  /** Absolute on PUBLIC_URL when set, else the path the web app completes. */
  url: string;
  expiresAt: Date;
}

const linkInvalid = () =>
  new DomainError(
    'ACCOUNT_LINK_INVALID',
    'ลิงก์นี้ใช้ไม่ได้ อาจคัดลอกมาไม่ครบ หรือผู้ดูแลระบบออกลิงก์ใหม่แทนแล้ว กรุณาขอลิงก์ใหม่จากผู้ดูแลระบบ',
    HttpStatus.NOT_FOUND,
  );
const linkUsed = () =>
  new DomainError(
    'ACCOUNT_LINK_USED',
    'ลิงก์นี้ถูกใช้ไปแล้ว (ใช้ได้ครั้งเดียว) ถ้าตั้งรหัสผ่านแล้ว กรุณาเข้าสู่ระบบ หรือขอลิงก์ใหม่จากผู้ดูแลระบบ',
    HttpStatus.GONE,
  );
const linkExpired = () =>
  new DomainError('ACCOUNT_LINK_EXPIRED', 'ลิงก์นี้หมดอายุแล้ว กรุณาขอลิงก์ใหม่จากผู้ดูแลระบบ', HttpStatus.GONE);

/** One-time links: an invitation sets a new user's first password, a reset a forgotten one. */
@Injectable()
export class AccountLinksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthService,
    private readonly throttle: ThrottleService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A new link for the user, 256 random bits; any earlier link of theirs that is still open stops working. */
  async issue(
    manager: EntityManager,
    user: Pick<User, 'id' | 'organizationId'>,
    purpose: AccountLinkPurpose,
    createdBy: string | null,
  ): Promise<IssuedAccountLink> {
    const now = this.clock.now();
    await this.revokeOpen(manager, user.id);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + ACCOUNT_LINK_TTL_MS[purpose]);
    await manager.insert(AccountToken, {
      organizationId: user.organizationId,
      userId: user.id,
      purpose,
      tokenHash: sha256(token),
      expiresAt,
      createdBy,
    });
    return { purpose, token, url: accountLinkUrl(token), expiresAt };
  }

  async revokeOpen(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(AccountToken, { userId, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Who the link is for, so the page can greet them; nothing changes. */
  async inspect(token: string): Promise<AccountLinkInfo> {
    const { link, user } = await this.usable(token);
    return {
      purpose: link.purpose,
      email: user.email,
      displayName: user.displayName,
      organizationName: user.organization?.name ?? '',
      expiresAt: link.expiresAt.toISOString(),
    };
  }

  /**
   * Sets the password through the link and signs the user in here. The link is used once: two uses at the
   * same moment race on one conditional update of its row, and only the first finds it open. Every browser the
   * user was signed in on is signed out, and their sign-in tries are forgotten.
   */
  async redeem(
    token: string,
    password: string,
    clientAddress: string,
  ): Promise<{ user: AuthenticatedUser; token: string; expiresAt: Date }> {
    const { link, user } = await this.usable(token);
    // Checked before the link is spent, so a refused password leaves it usable.
    assertAcceptablePassword(password, user.email);
    const passwordHash = await hashPassword(password);
    const session = await this.db.transaction(async (manager) => {
      const now = this.clock.now();
      const claimed = await manager
        .createQueryBuilder()
        .update(AccountToken)
        .set({ usedAt: now })
        .where('id = :id AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now', { id: link.id, now })
        .execute();
      if (!claimed.affected) throw linkUsed();
      const updated = await manager
        .createQueryBuilder()
        .update(User)
        .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now })
        .where('id = :id AND organization_id = :organizationId AND deactivated_at IS NULL', {
          id: user.id,
          organizationId: link.organizationId,
        })
        .execute();
      if (!updated.affected) throw linkInvalid();
      await this.auth.endSessions(user.id, { manager });
      await this.audit.record(
        manager,
        { organizationId: link.organizationId, userId: user.id, name: user.displayName ? `${user.displayName} (${user.email})` : user.email },
        { action: 'user.password_changed', subject: { id: user.id, label: user.email }, details: { how: link.purpose } },
      );
      return this.auth.startSession(user.id, manager);
    });
    await this.throttle.reset(loginThrottleKeys(user.email, clientAddress));
    const signedIn = toAuthenticatedUser({ ...user, passwordHash, mustChangePassword: false }, session.sessionId);
    return { user: signedIn, token: session.token, expiresAt: session.expiresAt };
  }

  private async usable(token: string): Promise<{ link: AccountToken; user: User }> {
    const tokenHash = sha256(token);
    if (!(await enterOrganizationOf(this.db.manager, 'accountTokenHash', tokenHash))) throw linkInvalid();
    const link = await this.db.getRepository(AccountToken).findOneBy({ tokenHash });
    if (!link || link.revokedAt) throw linkInvalid();
    if (link.usedAt) throw linkUsed();
    if (link.expiresAt <= this.clock.now()) throw linkExpired();
    const user = await this.db
      .getRepository(User)
      .findOne({ where: { id: link.userId, organizationId: link.organizationId }, relations: { organization: true } });
    if (!user || user.deactivatedAt) throw linkInvalid();
    return { link, user };
  }
}

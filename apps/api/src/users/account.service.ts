import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { ChangePasswordRequest } from '@sujarit/contracts';
import { DataSource, Repository } from 'typeorm';
import { actorOf, AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain.error';
import { ThrottleService } from '../throttle/throttle.service';
import { User } from '../database/entities/user.entity';
import { AuthService, LOGIN_TRY_LIMIT, LOGIN_TRY_WINDOW_MS, loginThrottleKeys } from '../auth/auth.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { hashPassword, verifyPassword } from '../auth/password';
import { assertAcceptablePassword } from '../auth/password-policy';

/** The signed-in user's own account: their password and their signed-in browsers. */
@Injectable()
export class AccountService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthService,
    private readonly throttle: ThrottleService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Changes the password when the current one is right. The current password is a guess like a sign-in's,
   * so it takes a try from the same allowance. Every other browser of the user is signed out; this one stays.
   */
  async changePassword(user: AuthenticatedUser, request: ChangePasswordRequest, clientAddress: string): Promise<void> {
    assertAcceptablePassword(request.newPassword, user.email);
    const keys = loginThrottleKeys(user.email, clientAddress);
    const decision = await this.throttle.take(keys.map((key) => ({ key, limit: LOGIN_TRY_LIMIT, windowMs: LOGIN_TRY_WINDOW_MS })));
    if (!decision.allowed) {
      throw new DomainError(
        'TOO_MANY_LOGIN_ATTEMPTS',
        'กรอกรหัสผ่านผิดหลายครั้งเกินไป กรุณารอ 15 นาทีแล้วลองใหม่',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const account = await this.users.findOneByOrFail({ id: user.id });
    if (!account.passwordHash || !(await verifyPassword(account.passwordHash, request.currentPassword))) {
      throw new DomainError('CURRENT_PASSWORD_INCORRECT', 'รหัสผ่านปัจจุบันไม่ถูกต้อง', HttpStatus.BAD_REQUEST);
    }
    await this.throttle.reset(keys);
    if (request.newPassword === request.currentPassword) {
      throw new DomainError('PASSWORD_UNCHANGED', 'รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม', HttpStatus.BAD_REQUEST);
    }
    const passwordHash = await hashPassword(request.newPassword);
    await this.db.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { passwordHash, mustChangePassword: false, passwordChangedAt: this.clock.now() });
      await this.auth.endSessions(user.id, { except: user.sessionId, manager });
      await this.audit.record(manager, actorOf(user), {
        action: 'user.password_changed',
        subject: { id: user.id, label: user.email },
        details: { how: 'own' },
      });
    });
  }

  /** Signs the user out of every browser, this one included. */
  async signOutEverywhere(user: AuthenticatedUser): Promise<void> {
    await this.db.transaction(async (manager) => {
      await this.auth.endSessions(user.id, { manager });
      await this.audit.record(manager, actorOf(user), { action: 'user.signed_out_everywhere', subject: { id: user.id, label: user.email } });
    });
  }
}

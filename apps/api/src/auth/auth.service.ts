import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser as CurrentUserView, LoginRequest } from '@sujarit/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { LessThan, MoreThan, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain.error';
import { User } from '../users/user.entity';
import { AuthSession } from './auth-session.entity';
import { LoginFailure } from './login-failure.entity';
import type { AuthenticatedUser } from './authenticated-user';
import { hashPassword, verifyPassword } from './password';

export const AUTH_COOKIE = 'sj_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** Failed sign-ins allowed per email and address within the window before the next ones are refused unchecked. */
export const LOGIN_FAILURE_LIMIT = 5;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

export function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
  private readonly decoyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>,
    @InjectRepository(LoginFailure) private readonly failures: Repository<LoginFailure>,
    private readonly clock: Clock,
  ) {}

  /**
   * Signs in. After five wrong passwords for one email from one address within 15 minutes, further tries from
   * there are refused without checking the password until the oldest failure is 15 minutes old.
   */
  async login(request: LoginRequest, clientAddress: string): Promise<{ token: string; expiresAt: Date; user: AuthenticatedUser }> {
    const now = this.clock.now();
    const attemptKey = sha256(`${request.email.toLowerCase()}\n${clientAddress}`);
    const since = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS);
    if ((await this.failures.count({ where: { attemptKey, failedAt: MoreThan(since) } })) >= LOGIN_FAILURE_LIMIT) {
      throw new DomainError(
        'TOO_MANY_LOGIN_ATTEMPTS',
        'เข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป กรุณารอ 15 นาทีแล้วลองใหม่ หรือติดต่อผู้ดูแลระบบ',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const user = await this.users.findOne({ where: { email: request.email }, relations: { organization: true } });
    const valid = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), request.password);
    if (!user || !valid) {
      await this.failures.insert({ attemptKey, failedAt: now });
      await this.failures.delete({ failedAt: LessThan(since) });
      throw new DomainError('INVALID_CREDENTIALS', 'อีเมลหรือรหัสผ่านไม่ถูกต้อง', HttpStatus.UNAUTHORIZED);
    }
    await this.failures.delete({ attemptKey });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await this.sessions.insert({ userId: user.id, tokenHash: sha256(token), expiresAt });
    return { token, expiresAt, user: toAuthenticatedUser(user) };
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.sessions.delete({ tokenHash: sha256(token) });
  }

  async userForToken(token: string): Promise<AuthenticatedUser | null> {
    const session = await this.sessions.findOne({
      where: { tokenHash: sha256(token), expiresAt: MoreThan(new Date()) },
      relations: { user: { organization: true } },
    });
    return session?.user ? toAuthenticatedUser(session.user) : null;
  }
}

function toAuthenticatedUser(user: User): AuthenticatedUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organizationId: user.organizationId,
    organizationName: user.organization?.name ?? '',
  };
}

export function toCurrentUserView(user: AuthenticatedUser): CurrentUserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organization: { id: user.organizationId, name: user.organizationName },
  };
}

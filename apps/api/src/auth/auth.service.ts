import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser as CurrentUserView, LoginRequest } from '@sujarit/contracts';
import { randomBytes } from 'node:crypto';
import { EntityManager, MoreThan, Not, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { sha256 } from '../common/sha256';
import { DomainError } from '../common/domain.error';
import { ThrottleService } from '../throttle/throttle.service';
import { User } from '../database/entities/user.entity';
import { AuthSession } from '../database/entities/auth-session.entity';
import { enterOrganizationOf } from '../database/tenancy';
import type { AuthenticatedUser } from './authenticated-user';
import { hashPassword, verifyPassword } from './password';

export { AUTH_COOKIE } from './auth-cookie';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/**
 * Passwords checked per email within the window, from one address and from all addresses together; further
 * tries are refused unchecked until the window, which starts at the first try, has passed.
 */
export const LOGIN_TRY_LIMIT = 5;
export const LOGIN_TRY_WINDOW_MS = 15 * 60 * 1000;

/** What sign-in tries are counted by: the email from this address, and the email from anywhere. */
export const loginThrottleKeys = (email: string, clientAddress?: string) => {
  const normalized = email.trim().toLowerCase();
  return clientAddress === undefined ? [`login\n${normalized}`] : [`login\n${normalized}\n${clientAddress}`, `login\n${normalized}`];
};


@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
  private readonly decoyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>,
    private readonly throttle: ThrottleService,
    private readonly clock: Clock,
  ) {}

  /**
   * Signs in. Each password check first takes a try, atomically, from the email's allowance from this address
   * and from all addresses (five per 15 minutes each); without one the password is not checked at all, so
   * however many guesses arrive at once, at most five are checked. A successful sign-in forgets the tries.
   */
  async login(
    request: LoginRequest,
    clientAddress: string,
  ): Promise<{ token: string; expiresAt: Date; sessionId: string; user: AuthenticatedUser }> {
    const keys = loginThrottleKeys(request.email, clientAddress);
    const decision = await this.throttle.take(keys.map((key) => ({ key, limit: LOGIN_TRY_LIMIT, windowMs: LOGIN_TRY_WINDOW_MS })));
    if (!decision.allowed) {
      throw new DomainError(
        'TOO_MANY_LOGIN_ATTEMPTS',
        'เข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป กรุณารอ 15 นาทีแล้วลองใหม่ หรือติดต่อผู้ดูแลระบบ',
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    await enterOrganizationOf(this.users.manager, 'userEmail', request.email);
    const user = await this.users.findOne({ where: { email: request.email }, relations: { organization: true } });
    // An invited user without a password yet is checked against the decoy too, and never matches.
    const valid = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), request.password);
    if (!user || !user.passwordHash || !valid) {
      throw new DomainError('INVALID_CREDENTIALS', 'อีเมลหรือรหัสผ่านไม่ถูกต้อง', HttpStatus.UNAUTHORIZED);
    }
    if (user.deactivatedAt) {
      throw new DomainError('ACCOUNT_DEACTIVATED', 'บัญชีนี้ถูกปิดใช้งานแล้ว กรุณาติดต่อผู้ดูแลระบบขององค์กร', HttpStatus.FORBIDDEN);
    }
    await this.throttle.reset(keys);
    const session = await this.startSession(user.id);
    return { ...session, user: toAuthenticatedUser(user, session.sessionId) };
  }

  /** A new signed-in browser for the user: the cookie's token, of which only the hash is kept. */
  async startSession(userId: string, manager?: EntityManager): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + SESSION_TTL_MS);
    const sessions = manager ? manager.getRepository(AuthSession) : this.sessions;
    const inserted = await sessions.insert({ userId, tokenHash: sha256(token), expiresAt });
    return { token, expiresAt, sessionId: (inserted.identifiers[0] as { id: string }).id };
  }

  /** Ends the user's auth sessions at once, all of them or all but one (the browser that asked). */
  async endSessions(userId: string, options: { except?: string | null; manager?: EntityManager } = {}): Promise<void> {
    const sessions = options.manager ? options.manager.getRepository(AuthSession) : this.sessions;
    await sessions.delete(options.except ? { userId, id: Not(options.except) } : { userId });
  }

  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    const tokenHash = sha256(token);
    if (await enterOrganizationOf(this.sessions.manager, 'authSessionTokenHash', tokenHash)) await this.sessions.delete({ tokenHash });
  }

  /** The signed-in user of the cookie's token, whose organization the rest of the request then works in. */
  async userForToken(token: string): Promise<AuthenticatedUser | null> {
    const tokenHash = sha256(token);
    if (!(await enterOrganizationOf(this.sessions.manager, 'authSessionTokenHash', tokenHash))) return null;
    const session = await this.sessions.findOne({
      where: { tokenHash, expiresAt: MoreThan(this.clock.now()) },
      relations: { user: { organization: true } },
    });
    // Deactivation ends sessions at once; a deactivated user's session found between the two steps is refused too.
    if (!session?.user || session.user.deactivatedAt) return null;
    return toAuthenticatedUser(session.user, session.id);
  }
}

export function toAuthenticatedUser(user: User, sessionId: string | null): AuthenticatedUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organizationId: user.organizationId,
    organizationName: user.organization?.name ?? '',
    mustChangePassword: user.mustChangePassword,
    sessionId,
  };
}

export function toCurrentUserView(user: AuthenticatedUser): CurrentUserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organization: { id: user.organizationId, name: user.organizationName },
    mustChangePassword: user.mustChangePassword,
  };
}

import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser as CurrentUserView, LoginRequest } from '@sujarit/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { MoreThan, Repository } from 'typeorm';
import { DomainError } from '../common/domain.error';
import { User } from '../users/user.entity';
import { AuthSession } from './auth-session.entity';
import type { AuthenticatedUser } from './authenticated-user';
import { hashPassword, verifyPassword } from './password';

export const AUTH_COOKIE = 'sj_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

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
  ) {}

  async login(request: LoginRequest): Promise<{ token: string; expiresAt: Date; user: AuthenticatedUser }> {
    const user = await this.users.findOne({ where: { email: request.email }, relations: { organization: true } });
    const valid = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), request.password);
    if (!user || !valid) {
      throw new DomainError('INVALID_CREDENTIALS', 'อีเมลหรือรหัสผ่านไม่ถูกต้อง', HttpStatus.UNAUTHORIZED);
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
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

import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@sujarit/contracts';
import { DomainError } from '../common/domain.error';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, IS_PUBLIC, RequestWithUser, ROLES } from './auth.decorators';
import { AUTH_COOKIE, AuthService } from './auth.service';

/** Global guard: fails closed. A route must say @Public() or @Roles(...) to be reachable at all. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (!roles || roles.length === 0) {
      throw new DomainError('FORBIDDEN', 'เส้นทางนี้ไม่ได้กำหนดสิทธิ์การเข้าถึง', HttpStatus.FORBIDDEN);
    }
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const token: unknown = request.cookies?.[AUTH_COOKIE];
    const user = typeof token === 'string' ? await this.auth.userForToken(token) : null;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'กรุณาเข้าสู่ระบบก่อน', HttpStatus.UNAUTHORIZED);
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets)) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', 'กรุณาตั้งรหัสผ่านใหม่ก่อนใช้งานระบบ', HttpStatus.FORBIDDEN);
    }
    if (!roles.includes(user.role)) {
      throw new DomainError('FORBIDDEN', 'บัญชีนี้ไม่มีสิทธิ์ทำรายการนี้', HttpStatus.FORBIDDEN);
    }
    request.user = user;
    return true;
  }
}

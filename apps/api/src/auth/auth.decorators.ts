import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@sujarit/contracts';
import type { Request } from 'express';
import type { AuthenticatedUser } from './authenticated-user';

export const IS_PUBLIC = 'sujarit:public';
export const ROLES = 'sujarit:roles';
export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'sujarit:allowed-before-password-change';

/** A route anyone may call without logging in (trainee pages, login). Nothing is public by default. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** A route for logged-in users with one of these roles. A route with neither this nor @Public() is refused. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiCookieAuth('sj_session'),
    ApiUnauthorizedResponse({ description: 'Not logged in (UNAUTHENTICATED)' }),
    ApiForbiddenResponse({ description: `Role must be one of: ${roles.join(', ')} (FORBIDDEN)` }),
  );

/**
 * One of the few routes a user who must choose a new password may call (who am I, change the password,
 * sign out everywhere); every other route answers PASSWORD_CHANGE_REQUIRED until then.
 */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

export type RequestWithUser = Request & { user?: AuthenticatedUser };

/** The logged-in user, with the organization every query is scoped by. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  const user = ctx.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new Error('CurrentUser used on a route without @Roles()');
  return user;
});

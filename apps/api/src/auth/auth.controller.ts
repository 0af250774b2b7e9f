import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ROLES as ALL_ROLES } from '@sujarit/contracts';
import type { Request, Response } from 'express';
import { ZodResponse } from '../common/zod-response';
import { AUTH_COOKIE, clearAuthCookie, setAuthCookie } from './auth-cookie';
import { AllowedBeforePasswordChange, CurrentUser, Public, Roles } from './auth.decorators';
import { CurrentUserDto, LoginRequestDto } from './auth.dto';
import { AuthService, toCurrentUserView } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @ZodResponse({ status: 200, type: CurrentUserDto })
  async login(@Body() body: LoginRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { token, expiresAt, user } = await this.auth.login(body, req.ip ?? '');
    setAuthCookie(res, token, expiresAt);
    return toCurrentUserView(user);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token: unknown = req.cookies?.[AUTH_COOKIE];
    await this.auth.logout(typeof token === 'string' ? token : undefined);
    clearAuthCookie(res);
  }

  @Roles(...ALL_ROLES)
  @AllowedBeforePasswordChange()
  @Get('me')
  @ZodResponse({ type: CurrentUserDto })
  me(@CurrentUser() user: AuthenticatedUser) {
    return toCurrentUserView(user);
  }
}

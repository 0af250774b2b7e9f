import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ROLES as ALL_ROLES } from '@sujarit/contracts';
import type { Request, Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, Public, Roles } from './auth.decorators';
import { CurrentUserDto, LoginRequestDto } from './auth.dto';
import { AUTH_COOKIE, AuthService, toCurrentUserView } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';

const cookieOptions = () => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: process.env.COOKIE_SECURE === 'true',
  path: '/',
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @ZodResponse({ status: 200, type: CurrentUserDto })
  async login(@Body() body: LoginRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { token, expiresAt, user } = await this.auth.login(body, req.ip ?? '');
    res.cookie(AUTH_COOKIE, token, { ...cookieOptions(), expires: expiresAt });
    return toCurrentUserView(user);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token: unknown = req.cookies?.[AUTH_COOKIE];
    await this.auth.logout(typeof token === 'string' ? token : undefined);
    res.clearCookie(AUTH_COOKIE, cookieOptions());
  }

  @Roles(...ALL_ROLES)
  @Get('me')
  @ZodResponse({ type: CurrentUserDto })
  me(@CurrentUser() user: AuthenticatedUser) {
    return toCurrentUserView(user);
  }
}

import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ROLES as ALL_ROLES } from '@sujarit/contracts';
import type { Request, Response } from 'express';
import { AccountService } from './account.service';
import { clearAuthCookie } from '../auth/auth-cookie';
import { AllowedBeforePasswordChange, CurrentUser, Roles } from '../auth/auth.decorators';
import { ChangePasswordRequestDto } from '../auth/auth.dto';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/** Every signed-in user's own account, whatever their role. */
@ApiTags('account')
@Controller('account')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Roles(...ALL_ROLES)
  @AllowedBeforePasswordChange()
  @Post('password')
  @HttpCode(204)
  changePassword(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordRequestDto, @Req() req: Request): Promise<void> {
    return this.account.changePassword(user, body, req.ip ?? '');
  }

  @Roles(...ALL_ROLES)
  @AllowedBeforePasswordChange()
  @Post('sign-out-everywhere')
  @HttpCode(204)
  async signOutEverywhere(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.account.signOutEverywhere(user);
    clearAuthCookie(res);
  }
}

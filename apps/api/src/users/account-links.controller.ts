import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodResponse } from '../common/zod-response';
import { setAuthCookie } from '../auth/auth-cookie';
import { Public } from '../auth/auth.decorators';
import { CurrentUserDto } from '../auth/auth.dto';
import { toCurrentUserView } from '../auth/auth.service';
import { AccountLinksService } from './account-links.service';
import { AccountLinkInfoDto, InspectAccountLinkRequestDto, RedeemAccountLinkRequestDto } from './users.dto';

/**
 * One-time invitation and reset links, opened by someone not signed in. The link's secret is sent in the
 * body (from the page's URL fragment), so it never shows in a server's or a proxy's access log.
 */
@ApiTags('account')
@Controller('account-links')
export class AccountLinksController {
  constructor(private readonly links: AccountLinksService) {}

  @Public()
  @Post('inspect')
  @HttpCode(200)
  @ZodResponse({ type: AccountLinkInfoDto })
  inspect(@Body() body: InspectAccountLinkRequestDto) {
    return this.links.inspect(body.token);
  }

  @Public()
  @Post('redeem')
  @HttpCode(200)
  @ZodResponse({ type: CurrentUserDto })
  async redeem(@Body() body: RedeemAccountLinkRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { user, token, expiresAt } = await this.links.redeem(body.token, body.password, req.ip ?? '');
    setAuthCookie(res, token, expiresAt);
    return toCurrentUserView(user);
  }
}

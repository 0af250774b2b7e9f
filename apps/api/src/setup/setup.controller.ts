import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiGoneResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from '../common/zod-response';
import { setAuthCookie } from '../auth/auth-cookie';
import { Public } from '../auth/auth.decorators';
import { toCurrentUserView } from '../auth/auth.service';
import { SetupRequestDto, SetupResultDto, SetupStatusDto } from './setup.dto';
import { SetupService } from './setup.service';

/** The first-run set-up: public, because nobody can sign in yet; it works once, on an empty database. */
@ApiTags('setup')
@Public()
@Controller('setup')
export class SetupController {
  constructor(private readonly setupService: SetupService) {}

  @Get()
  @ZodResponse({ type: SetupStatusDto })
  status() {
    return this.setupService.status();
  }

  @Post()
  @HttpCode(201)
  @ApiGoneResponse({ description: 'The first organization exists already (SETUP_ALREADY_DONE)' })
  @ZodResponse({ status: 201, type: SetupResultDto })
  async setup(@Body() body: SetupRequestDto, @Res({ passthrough: true }) res: Response) {
    const { token, expiresAt, user } = await this.setupService.setup(body);
    setAuthCookie(res, token, expiresAt);
    return toCurrentUserView(user);
  }
}

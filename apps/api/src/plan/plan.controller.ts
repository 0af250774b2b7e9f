import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from '../common/zod-response';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CopyYearRequestDto, CopyYearResultDto, PlanDto, PlanQueryDto } from './plan.dto';
import { PlanService } from './plan.service';

@ApiTags('plan')
@Controller('plan')
export class PlanController {
  constructor(private readonly plan: PlanService) {}

  @Roles('organizer', 'manager', 'admin')
  @Get()
  @ZodResponse({ type: PlanDto })
  get(@CurrentUser() user: AuthenticatedUser, @Query() query: PlanQueryDto) {
    return this.plan.plan(user.organizationId, query);
  }

  @Roles('organizer', 'admin')
  @Post('copy-year')
  @HttpCode(200)
  @ZodResponse({ type: CopyYearResultDto })
  copyYear(@CurrentUser() user: AuthenticatedUser, @Body() body: CopyYearRequestDto) {
    return this.plan.copyYear(user, body);
  }
}

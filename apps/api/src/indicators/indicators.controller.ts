import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { FiscalYearQueryDto } from '../common/fiscal-year-query.dto';
import { IndicatorListDto } from './indicators.dto';
import { IndicatorsService } from './indicators.service';

@ApiTags('indicators')
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Roles('manager', 'organizer', 'admin')
  @Get()
  @ZodResponse({ type: IndicatorListDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: FiscalYearQueryDto) {
    return this.indicators.list(user.organizationId, query.fiscalYear);
  }
}

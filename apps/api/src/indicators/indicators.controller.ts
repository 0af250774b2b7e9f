import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from '../common/zod-response';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { FiscalYearQueryDto } from '../common/fiscal-year-query.dto';
import {
  IndicatorListDto,
  IndicatorTrendDto,
  IndicatorTrendQueryDto,
  PersonAttemptsDto,
  PersonAttemptsParamDto,
  ProgramYearResultsDto,
  ProgramYearResultsParamDto,
} from './indicators.dto';
import { IndicatorsService } from './indicators.service';
import { ProgramYearResultsService } from './program-year-results.service';

@ApiTags('indicators')
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly results: ProgramYearResultsService,
  ) {}

  @Roles('manager', 'organizer', 'admin')
  @Get()
  @ZodResponse({ type: IndicatorListDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: FiscalYearQueryDto) {
    return this.indicators.list(user.organizationId, query.fiscalYear);
  }

  @Roles('manager', 'organizer', 'admin')
  @Get('trend')
  @ZodResponse({ type: IndicatorTrendDto })
  trend(@CurrentUser() user: AuthenticatedUser, @Query() query: IndicatorTrendQueryDto) {
    return this.results.trend(user.organizationId, query.from, query.to);
  }

  @Roles('manager', 'organizer', 'admin')
  @Get('programs/:programId/years/:fiscalYear')
  @ZodResponse({ type: ProgramYearResultsDto })
  programYear(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramYearResultsParamDto) {
    return this.results.resultsOfProgramYear(user.organizationId, params.programId, params.fiscalYear);
  }

  @Roles('manager', 'organizer', 'admin')
  @Get('programs/:programId/years/:fiscalYear/people/:personId/attempts')
  @ZodResponse({ type: PersonAttemptsDto })
  personAttempts(@CurrentUser() user: AuthenticatedUser, @Param() params: PersonAttemptsParamDto) {
    return this.results.attemptsOfPerson(user.organizationId, params.programId, params.fiscalYear, params.personId);
  }
}

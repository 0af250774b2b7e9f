import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { fiscalYearOf } from '@sujarit/domain';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { FiscalYearQueryDto } from '../common/fiscal-year-query.dto';
import { ProgramListDto, ProgramYearDto, ProgramYearParamDto, UpdateProgramYearRequestDto } from './programs.dto';
import { ProgramsService } from './programs.service';

@ApiTags('programs')
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Roles('organizer', 'manager', 'admin')
  @Get()
  @ZodResponse({ type: ProgramListDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: FiscalYearQueryDto) {
    return this.programs.list(user.organizationId, query.fiscalYear ?? fiscalYearOf(new Date()));
  }

  @Roles('organizer', 'admin')
  @Put(':programId/years/:fiscalYear')
  @ZodResponse({ type: ProgramYearDto })
  updateYear(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramYearParamDto, @Body() body: UpdateProgramYearRequestDto) {
    return this.programs.updateYear(user.organizationId, params.programId, params.fiscalYear, body);
  }
}

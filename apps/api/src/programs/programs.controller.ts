import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { fiscalYearOf } from '@sujarit/domain';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { FiscalYearQueryDto } from '../common/fiscal-year-query.dto';
import { ProgramListDto } from './programs.dto';
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
}

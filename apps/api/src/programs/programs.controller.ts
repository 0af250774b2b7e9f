import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from '../common/zod-response';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  CreateProgramRequestDto,
  ProgramDetailsDto,
  ProgramDetailsRequestDto,
  ProgramListDto,
  ProgramListQueryDto,
  ProgramParamDto,
  ProgramYearDto,
  ProgramYearParamDto,
  UpdateProgramYearRequestDto,
} from './programs.dto';
import { ProgramsService } from './programs.service';

/** Organizers and admins keep the programs; managers read them. */
@ApiTags('programs')
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Roles('organizer', 'manager', 'admin')
  @Get()
  @ZodResponse({ type: ProgramListDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ProgramListQueryDto) {
    return this.programs.list(user.organizationId, query.fiscalYear, query.includeArchived === 'true');
  }

  @Roles('organizer', 'admin')
  @Post()
  @ApiConflictResponse({ description: 'The code is used by another program of the organization (PROGRAM_CODE_TAKEN)' })
  @ZodResponse({ status: 201, type: ProgramDetailsDto })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateProgramRequestDto) {
    return this.programs.create(user, body);
  }

  @Roles('organizer', 'manager', 'admin')
  @Get(':programId')
  @ZodResponse({ type: ProgramDetailsDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramParamDto) {
    return this.programs.get(user.organizationId, params.programId);
  }

  @Roles('organizer', 'admin')
  @Put(':programId')
  @ApiConflictResponse({ description: 'The code is used by another program of the organization (PROGRAM_CODE_TAKEN)' })
  @ZodResponse({ type: ProgramDetailsDto })
  update(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramParamDto, @Body() body: ProgramDetailsRequestDto) {
    return this.programs.updateDetails(user, params.programId, body);
  }

  @Roles('organizer', 'admin')
  @Post(':programId/archive')
  @HttpCode(200)
  @ZodResponse({ type: ProgramDetailsDto })
  archive(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramParamDto) {
    return this.programs.archive(user, params.programId);
  }

  @Roles('organizer', 'admin')
  @Post(':programId/unarchive')
  @HttpCode(200)
  @ZodResponse({ type: ProgramDetailsDto })
  unarchive(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramParamDto) {
    return this.programs.unarchive(user, params.programId);
  }

  @Roles('organizer', 'admin')
  @Delete(':programId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted with its years and question bank' })
  @ApiConflictResponse({ description: 'The program has sessions: archive it instead (PROGRAM_HAS_SESSIONS)' })
  remove(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramParamDto) {
    return this.programs.remove(user, params.programId);
  }

  @Roles('organizer', 'admin')
  @Put(':programId/years/:fiscalYear')
  @ZodResponse({ type: ProgramYearDto })
  updateYear(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramYearParamDto, @Body() body: UpdateProgramYearRequestDto) {
    return this.programs.updateYear(user, params.programId, params.fiscalYear, body);
  }
}

import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ExportAssessmentParamDto, ExportFormatQueryDto, ExportProgramYearQueryDto, ExportSessionsQueryDto, ExportYearQueryDto } from './exports.dto';
import { ExportsService } from './exports.service';
import { sendFile } from '../common/file-download';

const PRODUCES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'];
const NOT_FOUND = { description: 'Not in the caller’s organization' };

/** Spreadsheets of what managers see: `?format=xlsx` or `?format=csv` (UTF-8 with BOM). */
@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Roles('manager', 'organizer', 'admin')
  @Get('sessions')
  @ApiProduces(...PRODUCES)
  @ApiOkResponse({ description: 'The sessions of a fiscal year (of one program when asked)' })
  async sessions(@CurrentUser() user: AuthenticatedUser, @Query() query: ExportSessionsQueryDto, @Res() response: Response): Promise<void> {
    sendFile(response, await this.exports.sessionsOfYear(user.organizationId, query.format, query.fiscalYear, query.programId));
  }

  @Roles('manager', 'organizer', 'admin')
  @Get('attendees')
  @ApiProduces(...PRODUCES)
  @ApiOkResponse({ description: "A program-year's attendees (names only) with their counting scores, gain and pass, and the figures they add up to" })
  @ApiNotFoundResponse(NOT_FOUND)
  async attendees(@CurrentUser() user: AuthenticatedUser, @Query() query: ExportProgramYearQueryDto, @Res() response: Response): Promise<void> {
    sendFile(response, await this.exports.attendeesOfProgramYear(user.organizationId, query.format, query.programId, query.fiscalYear));
  }

  @Roles('manager', 'organizer', 'admin')
  @Get('indicators')
  @ApiProduces(...PRODUCES)
  @ApiOkResponse({ description: 'Every figure of the indicator cards of a fiscal year, with a definitions sheet' })
  async indicators(@CurrentUser() user: AuthenticatedUser, @Query() query: ExportYearQueryDto, @Res() response: Response): Promise<void> {
    sendFile(response, await this.exports.indicatorsOfYear(user.organizationId, query.format, query.fiscalYear));
  }

  @Roles('manager', 'organizer', 'admin')
  @Get('assessments/:id/item-analysis')
  @ApiProduces(...PRODUCES)
  @ApiOkResponse({ description: "A test's item analysis" })
  @ApiNotFoundResponse(NOT_FOUND)
  async itemAnalysis(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: ExportAssessmentParamDto,
    @Query() query: ExportFormatQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    sendFile(response, await this.exports.itemAnalysis(user.organizationId, query.format, params.id));
  }

  @Roles('manager', 'organizer', 'admin')
  @Get('assessments/:id/survey-results')
  @ApiProduces(...PRODUCES)
  @ApiOkResponse({ description: "A session survey's results item by item, and its follow-up outcomes" })
  @ApiNotFoundResponse(NOT_FOUND)
  async surveyResults(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: ExportAssessmentParamDto,
    @Query() query: ExportFormatQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    sendFile(response, await this.exports.surveyResults(user.organizationId, query.format, params.id));
  }

  @Roles('manager', 'organizer', 'admin')
  @Get('survey-results')
  @ApiProduces(...PRODUCES)
  @ApiOkResponse({ description: "A program-year's surveys pooled, and its follow-up outcomes" })
  @ApiNotFoundResponse(NOT_FOUND)
  async programYearSurveyResults(@CurrentUser() user: AuthenticatedUser, @Query() query: ExportProgramYearQueryDto, @Res() response: Response): Promise<void> {
    sendFile(response, await this.exports.programYearSurveyResults(user.organizationId, query.format, query.programId, query.fiscalYear));
  }
}

import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { PlanReportQueryDto, ProgramReportParamDto } from './reports.dto';
import { ReportsService } from './reports.service';
import { sendFile } from '../common/file-download';

const PDF = { 'application/pdf': { schema: { type: 'string', format: 'binary' } } };
const UNAVAILABLE = { description: 'The server has no working Chromium (PDF_UNAVAILABLE)' };

/** Reports in Thai as A4 PDFs, for managers to attach to the plan's reports upward. Files, not JSON. */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Roles('manager', 'organizer', 'admin')
  @Get('programs/:programId/years/:fiscalYear.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: "A program's report for one fiscal year: objectives, outputs against targets, outcomes (knowledge indicator, paired means and gains, surveys), budget, signatory",
    content: PDF,
  })
  @ApiNotFoundResponse({ description: 'No such program in your organization (PROGRAM_NOT_FOUND), or no settings for that year (PROGRAM_YEAR_NOT_FOUND)' })
  @ApiServiceUnavailableResponse(UNAVAILABLE)
  async program(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramReportParamDto, @Res() response: Response): Promise<void> {
    sendFile(response, { contentType: 'application/pdf', ...(await this.reports.programReport(user.organizationId, params.programId, params.fiscalYear)) });
  }

  @Roles('manager', 'organizer', 'admin')
  @Get('plan.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The whole plan: per program and fiscal year, people, sessions, pass rate and money against targets', content: PDF })
  @ApiServiceUnavailableResponse(UNAVAILABLE)
  async plan(@CurrentUser() user: AuthenticatedUser, @Query() query: PlanReportQueryDto, @Res() response: Response): Promise<void> {
    sendFile(response, { contentType: 'application/pdf', ...(await this.reports.planReport(user.organizationId, query)) });
  }
}

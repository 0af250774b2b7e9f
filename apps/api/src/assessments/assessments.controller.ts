import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from '../common/zod-response';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { FiscalYearQueryDto } from '../common/fiscal-year-query.dto';
import {
  AssessmentDetailDto,
  AssessmentIdParamDto,
  AssessmentSettingsDto,
  CreateSurveyRequestDto,
  ItemAnalysisDto,
  ProgramSurveyParamDto,
  ProgramYearSurveyResultsDto,
  SessionAssessmentsParamDto,
  SurveyResultsDto,
} from './assessments.dto';
import { AssessmentsService } from './assessments.service';

/** A session's tests and surveys: settings, opening and closing. */
@ApiTags('assessments')
@Controller()
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Roles('organizer', 'manager', 'admin')
  @Get('assessments/:id')
  @ZodResponse({ type: AssessmentDetailDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param() params: AssessmentIdParamDto) {
    return this.assessments.detail(user.organizationId, params.id);
  }

  @Roles('organizer', 'manager', 'admin')
  @Get('assessments/:id/survey-results')
  @ZodResponse({ type: SurveyResultsDto })
  surveyResults(@CurrentUser() user: AuthenticatedUser, @Param() params: AssessmentIdParamDto) {
    return this.assessments.surveyResults(user.organizationId, params.id);
  }

  @Roles('organizer', 'manager', 'admin')
  @Get('programs/:programId/survey-results')
  @ZodResponse({ type: ProgramYearSurveyResultsDto })
  programYearSurveyResults(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramSurveyParamDto, @Query() query: FiscalYearQueryDto) {
    return this.assessments.programYearSurveyResults(user.organizationId, params.programId, query.fiscalYear);
  }

  @Roles('organizer', 'manager', 'admin')
  @Get('assessments/:id/item-analysis')
  @ZodResponse({ type: ItemAnalysisDto })
  itemAnalysis(@CurrentUser() user: AuthenticatedUser, @Param() params: AssessmentIdParamDto) {
    return this.assessments.itemAnalysis(user.organizationId, params.id);
  }

  @Roles('organizer', 'admin')
  @Put('assessments/:id')
  @ZodResponse({ type: AssessmentDetailDto })
  update(@CurrentUser() user: AuthenticatedUser, @Param() params: AssessmentIdParamDto, @Body() body: AssessmentSettingsDto) {
    return this.assessments.update(user, params.id, body);
  }

  @Roles('organizer', 'admin')
  @Delete('assessments/:id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param() params: AssessmentIdParamDto): Promise<void> {
    await this.assessments.remove(user, params.id);
  }

  @Roles('organizer', 'admin')
  @Post('assessments/:id/open')
  @HttpCode(204)
  async open(@CurrentUser() user: AuthenticatedUser, @Param() params: AssessmentIdParamDto): Promise<void> {
    await this.assessments.open(user, params.id);
  }

  @Roles('organizer', 'admin')
  @Post('assessments/:id/close')
  @HttpCode(204)
  async close(@CurrentUser() user: AuthenticatedUser, @Param() params: AssessmentIdParamDto): Promise<void> {
    await this.assessments.close(user, params.id);
  }

  @Roles('organizer', 'admin')
  @Post('sessions/:id/assessments')
  @ZodResponse({ status: 201, type: AssessmentDetailDto })
  createSurvey(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: SessionAssessmentsParamDto,
    @Body() body: CreateSurveyRequestDto,
  ) {
    return this.assessments.createSurvey(user, params.id, body);
  }
}

import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  BankQuestionDto,
  BankQuestionListDto,
  ProgramParamDto,
  QuestionInputDto,
  QuestionListQueryDto,
  QuestionParamDto,
  RemoveQuestionResultDto,
} from './questions.dto';
import { QuestionsService } from './questions.service';

@ApiTags('questions')
@Controller()
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @Roles('organizer', 'admin')
  @Get('programs/:programId/questions')
  @ZodResponse({ type: BankQuestionListDto })
  async list(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramParamDto, @Query() query: QuestionListQueryDto) {
    return { questions: await this.questions.list(user.organizationId, params.programId, query.includeArchived === 'true') };
  }

  @Roles('organizer', 'admin')
  @Post('programs/:programId/questions')
  @ZodResponse({ status: 201, type: BankQuestionDto })
  create(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramParamDto, @Body() body: QuestionInputDto) {
    return this.questions.create(user.organizationId, params.programId, body);
  }

  @Roles('organizer', 'admin')
  @Put('questions/:id')
  @ZodResponse({ type: BankQuestionDto })
  update(@CurrentUser() user: AuthenticatedUser, @Param() params: QuestionParamDto, @Body() body: QuestionInputDto) {
    return this.questions.update(user.organizationId, params.id, body);
  }

  @Roles('organizer', 'admin')
  @Delete('questions/:id')
  @ZodResponse({ type: RemoveQuestionResultDto })
  remove(@CurrentUser() user: AuthenticatedUser, @Param() params: QuestionParamDto) {
    return this.questions.remove(user.organizationId, params.id);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainError } from '../common/domain.error';
import { previewGift } from './gift-import';
import {
  BankQuestionDto,
  GiftImportPreviewDto,
  ImportQuestionsRequestDto,
  ImportQuestionsResultDto,
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

  @Roles('organizer', 'admin')
  @Post('programs/:programId/questions/import/gift/preview')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 2 * 1024 * 1024, files: 1 } }))
  @ZodResponse({ type: GiftImportPreviewDto })
  previewGift(@Param() _params: ProgramParamDto, @UploadedFile() file: Express.Multer.File | undefined) {
    if (!file) throw new DomainError('IMPORT_FILE_INVALID', 'กรุณาเลือกไฟล์ GIFT (.gift หรือ .txt)');
    return previewGift(file);
  }

  @Roles('organizer', 'admin')
  @Post('programs/:programId/questions/import')
  @HttpCode(200)
  @ZodResponse({ type: ImportQuestionsResultDto })
  importQuestions(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramParamDto, @Body() body: ImportQuestionsRequestDto) {
    return this.questions.createMany(user.organizationId, params.programId, body.questions);
  }
}

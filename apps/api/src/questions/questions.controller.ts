import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ImportFormat } from '@sujarit/contracts';
import type { Response } from 'express';
import { ZodResponse } from '../common/zod-response';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UPLOAD_PART_LIMITS } from '../common/safe-input';
import { MAX_QUESTION_FILE_BYTES, questionCsvTemplateText } from './question-files';
import {
  BankQuestionDto,
  BankQuestionListDto,
  ExportQuestionsQueryDto,
  ImportQuestionsRequestDto,
  ImportQuestionsResultDto,
  ProgramParamDto,
  QuestionImportPreviewDto,
  QuestionInputDto,
  QuestionListQueryDto,
  QuestionParamDto,
  RemoveQuestionResultDto,
} from './questions.dto';
import { QuestionsService } from './questions.service';
import { sendFile } from '../common/file-download';

const FILE_BODY: Parameters<typeof ApiBody>[0] = {
  schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
};
const FILE_LIMITS = { limits: { ...UPLOAD_PART_LIMITS, fileSize: MAX_QUESTION_FILE_BYTES } };
const NOT_FOUND = { description: 'No such program in your organization (PROGRAM_NOT_FOUND)' };

/**
 * A program's question bank. Imports are read and checked first (preview, nothing saved), then the organizer
 * sends the questions to add to `import`; GIFT, Moodle XML and CSV previews all answer in one shape.
 */
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
    return this.questions.create(user, params.programId, body);
  }

  @Roles('organizer', 'admin')
  @Put('questions/:id')
  @ZodResponse({ type: BankQuestionDto })
  update(@CurrentUser() user: AuthenticatedUser, @Param() params: QuestionParamDto, @Body() body: QuestionInputDto) {
    return this.questions.update(user, params.id, body);
  }

  @Roles('organizer', 'admin')
  @Delete('questions/:id')
  @ZodResponse({ type: RemoveQuestionResultDto })
  remove(@CurrentUser() user: AuthenticatedUser, @Param() params: QuestionParamDto) {
    return this.questions.remove(user, params.id);
  }

  @Roles('organizer', 'admin')
  @Post('programs/:programId/questions/import/gift/preview')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @UseInterceptors(FileInterceptor('file', FILE_LIMITS))
  @ZodResponse({ type: QuestionImportPreviewDto })
  previewGift(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramParamDto, @UploadedFile() file: Express.Multer.File | undefined) {
    return this.preview(user, params, 'gift', file);
  }

  @Roles('organizer', 'admin')
  @Post('programs/:programId/questions/import/xml/preview')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @UseInterceptors(FileInterceptor('file', FILE_LIMITS))
  @ZodResponse({ type: QuestionImportPreviewDto })
  previewMoodleXml(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramParamDto, @UploadedFile() file: Express.Multer.File | undefined) {
    return this.preview(user, params, 'moodle_xml', file);
  }

  @Roles('organizer', 'admin')
  @Post('programs/:programId/questions/import/csv/preview')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @UseInterceptors(FileInterceptor('file', FILE_LIMITS))
  @ZodResponse({ type: QuestionImportPreviewDto })
  previewCsv(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramParamDto, @UploadedFile() file: Express.Multer.File | undefined) {
    return this.preview(user, params, 'csv', file);
  }

  @Roles('organizer', 'admin')
  @Post('programs/:programId/questions/import')
  @HttpCode(200)
  @ZodResponse({ type: ImportQuestionsResultDto })
  importQuestions(@CurrentUser() user: AuthenticatedUser, @Param() params: ProgramParamDto, @Body() body: ImportQuestionsRequestDto) {
    return this.questions.createMany(user, params.programId, body.questions);
  }

  @Roles('organizer', 'admin')
  @Get('questions/import-template.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="sujarit-questions-template.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV template (UTF-8 with BOM): the columns, notes in Thai (rows starting with #) and one example of each type' })
  template(): string {
    return questionCsvTemplateText();
  }

  @Roles('organizer', 'admin')
  @Get('programs/:programId/questions/export')
  @ApiProduces('text/plain', 'text/csv')
  @ApiOkResponse({ description: "The program's active questions as a GIFT file (no Likert items, no points) or a CSV file in the template's columns" })
  @ApiNotFoundResponse(NOT_FOUND)
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: ProgramParamDto,
    @Query() query: ExportQuestionsQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    sendFile(response, await this.questions.exportBank(user.organizationId, params.programId, query.format));
  }

  private preview(user: AuthenticatedUser, params: ProgramParamDto, format: ImportFormat, file: Express.Multer.File | undefined) {
    return this.questions.previewImport(user.organizationId, params.programId, format, file);
  }
}

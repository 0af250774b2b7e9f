import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from '../common/zod-response';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainError } from '../common/domain.error';
import { UPLOAD_PART_LIMITS } from '../common/safe-input';
import {
  ChangeEnrolmentStatusRequestDto,
  EnrolmentListDto,
  EnrolmentParamDto,
  EnrolPersonRequestDto,
  ImportConfirmRequestDto,
  ImportPreviewDto,
  ImportResultDto,
  SessionParamDto,
} from './enrolments.dto';
import { EnrolmentsService } from './enrolments.service';
import { importTemplateCsv, MAX_IMPORT_BYTES, readImportFile } from './import-file';

@ApiTags('enrolments')
@Controller()
export class EnrolmentsController {
  constructor(private readonly enrolments: EnrolmentsService) {}

  @Roles('organizer', 'admin')
  @Get('sessions/:id/enrolments')
  @ZodResponse({ type: EnrolmentListDto })
  list(@CurrentUser() user: AuthenticatedUser, @Param() params: SessionParamDto) {
    return this.enrolments.list(user.organizationId, params.id);
  }

  @Roles('organizer', 'admin')
  @Post('sessions/:id/enrolments')
  @ZodResponse({ status: 201, type: EnrolmentListDto })
  enrol(@CurrentUser() user: AuthenticatedUser, @Param() params: SessionParamDto, @Body() body: EnrolPersonRequestDto) {
    return this.enrolments.enrol(user, params.id, body.personId);
  }

  @Roles('organizer', 'admin')
  @Patch('enrolments/:enrolmentId')
  @ZodResponse({ type: EnrolmentListDto })
  changeStatus(@CurrentUser() user: AuthenticatedUser, @Param() params: EnrolmentParamDto, @Body() body: ChangeEnrolmentStatusRequestDto) {
    return this.enrolments.changeStatus(user, params.enrolmentId, body.status);
  }

  /** ย้ายไปเครื่องใหม่: the phone holding this check-in loses it; the next phone that checks in by this name takes it. */
  @Roles('organizer', 'admin')
  @Post('enrolments/:enrolmentId/release-phone')
  @HttpCode(200)
  @ZodResponse({ type: EnrolmentListDto })
  releasePhone(@CurrentUser() user: AuthenticatedUser, @Param() params: EnrolmentParamDto) {
    return this.enrolments.releasePhone(user, params.enrolmentId);
  }

  @Roles('organizer', 'admin')
  @Post('sessions/:id/enrolments/import/preview')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @UseInterceptors(FileInterceptor('file', { limits: { ...UPLOAD_PART_LIMITS, fileSize: MAX_IMPORT_BYTES } }))
  @ZodResponse({ type: ImportPreviewDto })
  async preview(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: SessionParamDto,
    @UploadedFile() file: Express.Multer.File | undefined,
  ) {
    if (!file) throw new DomainError('IMPORT_FILE_INVALID', 'กรุณาเลือกไฟล์ .csv หรือ .xlsx');
    return this.enrolments.preview(user.organizationId, params.id, await readImportFile(file));
  }

  @Roles('organizer', 'admin')
  @Post('sessions/:id/enrolments/import/confirm')
  @HttpCode(200)
  @ZodResponse({ type: ImportResultDto })
  confirm(@CurrentUser() user: AuthenticatedUser, @Param() params: SessionParamDto, @Body() body: ImportConfirmRequestDto) {
    return this.enrolments.confirm(user, params.id, body.rows);
  }

  @Roles('organizer', 'admin')
  @Get('enrolments/import-template.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="sujarit-import-template.csv"')
  @ApiOkResponse({ description: 'CSV template (UTF-8 with BOM) with the import columns and one example row' })
  template(): string {
    return importTemplateCsv();
  }
}

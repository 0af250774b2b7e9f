import {
  BankQuestionListSchema,
  BankQuestionSchema,
  ExportQuestionsQuerySchema,
  ImportQuestionsRequestSchema,
  ImportQuestionsResultSchema,
  QuestionImportPreviewSchema,
  QuestionInputSchema,
  RemoveQuestionResultSchema,
} from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class QuestionInputDto extends createZodDto(QuestionInputSchema) {}
export class BankQuestionDto extends createZodDto(BankQuestionSchema) {}
export class BankQuestionListDto extends createZodDto(BankQuestionListSchema) {}
export class RemoveQuestionResultDto extends createZodDto(RemoveQuestionResultSchema) {}
export class ProgramParamDto extends createZodDto(z.strictObject({ programId: z.uuid({ message: 'รหัสโครงการไม่ถูกต้อง' }) })) {}
export class QuestionParamDto extends createZodDto(z.strictObject({ id: z.uuid({ message: 'รหัสคำถามไม่ถูกต้อง' }) })) {}
export class QuestionListQueryDto extends createZodDto(
  z.strictObject({ includeArchived: z.enum(['true', 'false']).optional() }),
) {}
export class QuestionImportPreviewDto extends createZodDto(QuestionImportPreviewSchema) {}
export class ImportQuestionsRequestDto extends createZodDto(ImportQuestionsRequestSchema) {}
export class ImportQuestionsResultDto extends createZodDto(ImportQuestionsResultSchema) {}
export class ExportQuestionsQueryDto extends createZodDto(ExportQuestionsQuerySchema) {}

import {
  AssessmentDetailSchema,
  AssessmentSettingsSchema,
  CreateSurveyRequestSchema,
  ItemAnalysisSchema,
  ProgramYearSurveyResultsSchema,
  SurveyResultsSchema,
} from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class AssessmentDetailDto extends createZodDto(AssessmentDetailSchema) {}
export class AssessmentSettingsDto extends createZodDto(AssessmentSettingsSchema) {}
export class ItemAnalysisDto extends createZodDto(ItemAnalysisSchema) {}
export class SurveyResultsDto extends createZodDto(SurveyResultsSchema) {}
export class ProgramYearSurveyResultsDto extends createZodDto(ProgramYearSurveyResultsSchema) {}
export class ProgramSurveyParamDto extends createZodDto(z.strictObject({ programId: z.uuid({ message: 'รหัสโครงการไม่ถูกต้อง' }) })) {}
export class CreateSurveyRequestDto extends createZodDto(CreateSurveyRequestSchema) {}
export class AssessmentIdParamDto extends createZodDto(
  z.strictObject({ id: z.uuid({ message: 'รหัสแบบทดสอบไม่ถูกต้อง' }) }),
) {}
export class SessionAssessmentsParamDto extends createZodDto(
  z.strictObject({ id: z.uuid({ message: 'รหัสรอบอบรมไม่ถูกต้อง' }) }),
) {}

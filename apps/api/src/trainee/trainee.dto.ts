import {
  AttemptResultSchema,
  AttemptReviewSchema,
  StartAttemptRequestSchema,
  JoinCodeSchema,
  JoinRequestSchema,
  SaveAnswerRequestSchema,
  SubmitAttemptRequestSchema,
  TraineeAttemptSchema,
  TraineeSessionSchema,
} from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class JoinRequestDto extends createZodDto(JoinRequestSchema) {}
export class SaveAnswerRequestDto extends createZodDto(SaveAnswerRequestSchema) {}
export class SubmitAttemptRequestDto extends createZodDto(SubmitAttemptRequestSchema) {}
export class TraineeSessionDto extends createZodDto(TraineeSessionSchema) {}
export class TraineeAttemptDto extends createZodDto(TraineeAttemptSchema) {}
export class AttemptResultDto extends createZodDto(AttemptResultSchema) {}
export class AttemptReviewDto extends createZodDto(AttemptReviewSchema) {}
export class StartAttemptRequestDto extends createZodDto(StartAttemptRequestSchema) {}

export class JoinCodeParamDto extends createZodDto(z.strictObject({ code: JoinCodeSchema })) {}
export class TraineeAssessmentParamDto extends createZodDto(
  z.strictObject({
    code: JoinCodeSchema,
    assessmentId: z.uuid({ message: 'รหัสแบบทดสอบไม่ถูกต้อง' }),
  }),
) {}
export class TraineeAttemptParamDto extends createZodDto(
  z.strictObject({ code: JoinCodeSchema, attemptId: z.uuid({ message: 'รหัสการทำแบบทดสอบไม่ถูกต้อง' }) }),
) {}
export class TraineeAnswerParamDto extends createZodDto(
  z.strictObject({
    code: JoinCodeSchema,
    attemptId: z.uuid({ message: 'รหัสการทำแบบทดสอบไม่ถูกต้อง' }),
    questionId: z.uuid({ message: 'รหัสคำถามไม่ถูกต้อง' }),
  }),
) {}

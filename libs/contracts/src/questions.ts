import { z } from 'zod';

export const BANK_QUESTION_TYPES = ['single_choice', 'true_false'] as const;

/** A question as an organizer writes it; the server gives its options ids. */
export const QuestionInputSchema = z
  .strictObject({
    topic: z.string().trim().min(1, { message: 'กรุณากรอกหัวข้อ' }).max(100),
    type: z.enum(BANK_QUESTION_TYPES, { message: 'ชนิดคำถามต้องเป็นเลือกตอบข้อเดียวหรือถูก/ผิด' }),
    stem: z.string().trim().min(1, { message: 'กรุณากรอกคำถาม' }).max(2000),
    options: z
      .array(z.string().trim().min(1, { message: 'ตัวเลือกต้องไม่ว่าง' }).max(500))
      .min(2, { message: 'ต้องมีตัวเลือกอย่างน้อย 2 ข้อ' })
      .max(6, { message: 'ตัวเลือกได้ไม่เกิน 6 ข้อ' }),
    correctIndex: z.number().int().min(0, { message: 'กรุณาเลือกคำตอบที่ถูก' }),
    explanation: z.string().trim().max(2000).default(''),
    points: z.number().int().min(1).max(10).default(1),
  })
  .refine((q) => q.correctIndex < q.options.length, { message: 'คำตอบที่ถูกต้องเป็นหนึ่งในตัวเลือก', path: ['correctIndex'] })
  .refine((q) => q.type !== 'true_false' || q.options.length === 2, {
    message: 'คำถามถูก/ผิดมีตัวเลือก 2 ข้อ',
    path: ['options'],
  });
export type QuestionInput = z.infer<typeof QuestionInputSchema>;

/** The organizer's view, with the answer key: never sent to a trainee. */
export const BankQuestionSchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  topic: z.string(),
  type: z.enum(BANK_QUESTION_TYPES),
  stem: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
  correctOptionIds: z.array(z.string()),
  explanation: z.string(),
  points: z.number().int(),
  version: z.number().int(),
  /** The first version's id: every version of one question shares it. */
  lineageId: z.uuid(),
  archived: z.boolean(),
  /** An attempt has used it: it is never changed in place again. */
  used: z.boolean(),
});
export type BankQuestion = z.infer<typeof BankQuestionSchema>;

export const BankQuestionListSchema = z.object({ questions: z.array(BankQuestionSchema) });

export const RemoveQuestionResultSchema = z.object({
  outcome: z.enum(['deleted', 'archived']),
});

export const GiftImportPreviewSchema = z.object({
  /** Questions that can be added, as they will be. */
  questions: z.array(
    z.object({
      line: z.number().int(),
      topic: z.string(),
      type: z.enum(BANK_QUESTION_TYPES),
      stem: z.string(),
      options: z.array(z.string()),
      correctIndex: z.number().int(),
      explanation: z.string(),
    }),
  ),
  /** Every question that cannot be added, with its line and the reason in Thai. */
  errors: z.array(z.object({ line: z.number().int(), title: z.string().nullable(), reason: z.string() })),
});
export type GiftImportPreview = z.infer<typeof GiftImportPreviewSchema>;

export const ImportQuestionsRequestSchema = z.strictObject({
  questions: z.array(QuestionInputSchema).min(1, { message: 'ไม่มีคำถามที่นำเข้าได้' }).max(500),
});

export const ImportQuestionsResultSchema = z.object({ created: z.number().int() });

import { z } from 'zod';
import { says, saying, type ValidationMessageKey } from './messages';
import { hasVisibleCharacter } from './common';

/** Every kind of question the bank knows; Likert 1–5 items are for surveys and never scored. */
export const QUESTION_TYPES = ['single_choice', 'multiple_choice', 'true_false', 'likert'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The bank topic holding a program's satisfaction survey (Likert items); every new session gets that survey. */
export const SATISFACTION_SURVEY_TOPIC = 'ความพึงพอใจต่อการอบรม';
/** Likert 1–5 answers, highest first as Thai forms print them; the option id is the value. */
export const LIKERT_OPTIONS = [
  { id: '5', text: 'มากที่สุด' },
  { id: '4', text: 'มาก' },
  { id: '3', text: 'ปานกลาง' },
  { id: '2', text: 'น้อย' },
  { id: '1', text: 'น้อยที่สุด' },
] as const;

/** Up to six options per choice question, as on the trainee's phone screen. */
export const MAX_OPTIONS = 6;
export const MIN_POINTS = 1;
export const MAX_POINTS = 10;
/**
 * How far below 100 % a weight, or the right options' weights added up, may fall and still be full credit: three
 * thirds typed 33.33 make 99.99, three at 33.33333 make 99.99999, and either is meant as all of it. The server
 * scales such weights to exactly 100 % when it stores them.
 */
export const FULL_CREDIT_TOLERANCE_PERCENT = 0.01;

/**
 * Whether a weight is the question's full credit: an option that is the right answer, or what a trainee's chosen
 * options earn together. The one definition, for the form, the server, the scorer and every file format.
 */
export const isFullCredit = (weightPercent: number): boolean => weightPercent >= 100 - FULL_CREDIT_TOLERANCE_PERCENT;

/** The formats a bank can be imported from, and what `position` counts in each. */
export const IMPORT_FORMATS = ['gift', 'moodle_xml', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const EXPORT_FORMATS = ['gift', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The longest text each field of a question takes, shown beside the field before anyone runs into it. */
export const QUESTION_FIELD_LIMITS = { topic: 100, stem: 2000, explanation: 2000, option: 500, followUpOutcome: 200 } as const;

export const QuestionOptionInputSchema = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, says('optionRequired'))
    .max(QUESTION_FIELD_LIMITS.option)
    .refine(hasVisibleCharacter, says('optionRequired')),
  /** Percent of the question's points this option is worth (Moodle's weights): 100 = right, 0 = wrong, negative = penalty. */
  weight: z
    .number(says('weightRange'))
    .min(-100, says('weightRange'))
    .max(100, says('weightRange')),
});
export type QuestionOptionInput = z.infer<typeof QuestionOptionInputSchema>;

const formatPercent = (value: number) => String(Math.round(value * 100) / 100);

/**
 * A question as an organizer writes it; the server gives its options ids.
 * - single choice: 2–6 options, at least one worth 100 % (others 0 %, or partial/negative as in Moodle);
 * - multiple choice: 2–6 options, the right ones (positive weights) add up to 100 %, wrong ones 0 % or negative;
 * - true/false: the options ถูก and ผิด, one worth 100 %, the other 0 %;
 * - Likert: the statement only; the server gives it the five levels of LIKERT_OPTIONS, and no points.
 */
export const QuestionInputSchema = z
  .strictObject({
    topic: z
      .string()
      .trim()
      .min(1, says('questionTopicRequired'))
      .max(QUESTION_FIELD_LIMITS.topic)
      .refine(hasVisibleCharacter, says('questionTopicRequired')),
    type: z.enum(QUESTION_TYPES, says('questionTypeInvalid')),
    stem: z
      .string()
      .trim()
      .min(1, says('stemRequired'))
      .max(QUESTION_FIELD_LIMITS.stem)
      .refine(hasVisibleCharacter, says('stemRequired')),
    options: z.array(QuestionOptionInputSchema).max(MAX_OPTIONS).default([]),
    explanation: z.string().trim().max(QUESTION_FIELD_LIMITS.explanation).default(''),
    /** Whole points, 1–10 (1 when left out); a Likert item has none, and this is ignored for it. */
    points: z
      .number(says('pointsRange'))
      .int(says('pointsRange'))
      .min(MIN_POINTS, says('pointsRange'))
      .max(MAX_POINTS, says('pointsRange'))
      .optional(),
    /**
     * The follow-up outcome a Likert item measures (its name, e.g. "มีจิตสาธารณะ"): the program-year's survey results
     * show, per outcome, the share of respondents averaging 4 or more on its items against 80 %. Ignored on other types.
     */
    followUpOutcome: z.string().trim().max(QUESTION_FIELD_LIMITS.followUpOutcome).nullable().optional(),
  })
  .superRefine((q, ctx) => {
    const problem = keyProblem(q.type, q.options);
    if (problem) ctx.addIssue({ code: 'custom', message: saying(problem.key, problem.params), params: problem.params, path: ['options'] });
  });
export type QuestionInput = z.infer<typeof QuestionInputSchema>;

/** What is wrong with a question's options and their weights for its type, by message key; null when nothing is. */
export function keyProblem(
  type: QuestionType,
  options: readonly { weight: number }[],
): { key: ValidationMessageKey; params?: Record<string, string> } | null {
  if (type === 'likert') {
    return options.length > 0 ? { key: 'likertHasOwnOptions' } : null;
  }
  if (options.length < 2) return { key: 'optionsAtLeastTwo' };
  const weights = options.map((o) => o.weight);
  if (type === 'true_false') {
    if (options.length !== 2) return { key: 'trueFalseTwoOptions' };
    return weights.filter((w) => w === 100).length === 1 && weights.includes(0)
      ? null
      : { key: 'trueFalseOneCorrect' };
  }
  if (type === 'single_choice') {
    return weights.some(isFullCredit) ? null : { key: 'singleChoiceFullCredit' };
  }
  const positive = weights.filter((w) => w > 0);
  if (positive.length === 0) return { key: 'multipleChoiceCorrectRequired' };
  const sum = positive.reduce((total, w) => total + w, 0);
  // A hair over the tolerance is floating-point noise (33.33 + 33.33 + 33.33), not a mistake.
  if (Math.abs(sum - 100) > FULL_CREDIT_TOLERANCE_PERCENT + 1e-9) {
    return { key: 'multipleChoiceWeightsSum', params: { sum: formatPercent(sum) } };
  }
  return null;
}

export const BankQuestionOptionSchema = z.object({
  id: z.string(),
  text: z.string(),
  /** Percent of the points this option is worth; absent on a Likert item's levels. */
  weight: z.number().optional(),
});

/** The organizer's view, with the answer key: never sent to a trainee. */
export const BankQuestionSchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  topic: z.string(),
  type: z.enum(QUESTION_TYPES),
  stem: z.string(),
  options: z.array(BankQuestionOptionSchema),
  /** Options worth full points (single choice, true/false) or worth anything (multiple choice); empty for Likert. */
  correctOptionIds: z.array(z.string()),
  explanation: z.string(),
  /** 0 for a Likert item: it is never scored. */
  points: z.number().int(),
  /** The follow-up outcome a Likert item measures; null when none. */
  followUpOutcome: z.string().nullable(),
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

/**
 * What an import file holds, checked and nothing saved. `position` says where each question is:
 * GIFT the line it starts on, CSV the row as Excel numbers it (the header is row 1),
 * Moodle XML its number among the file's questions (categories not counted).
 */
export const QuestionImportPreviewSchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  /** Questions that can be added, exactly as the confirm route takes them. */
  questions: z.array(
    z.object({
      position: z.number().int(),
      topic: z.string(),
      type: z.enum(QUESTION_TYPES),
      stem: z.string(),
      options: z.array(z.object({ text: z.string(), weight: z.number() })),
      explanation: z.string(),
      points: z.number().int().optional(),
    }),
  ),
  /** Every question that cannot be added, with where it is, its name if it has one, and the reason in Thai. */
  errors: z.array(z.object({ position: z.number().int(), title: z.string().nullable(), reason: z.string() })),
});
export type QuestionImportPreview = z.infer<typeof QuestionImportPreviewSchema>;
export type QuestionImportPreviewQuestion = QuestionImportPreview['questions'][number];

export const ImportQuestionsRequestSchema = z.strictObject({
  questions: z.array(QuestionInputSchema).min(1, says('noQuestionsToImport')).max(500),
});

export const ImportQuestionsResultSchema = z.object({ created: z.number().int() });

export const ExportQuestionsQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS, says('questionExportFormat')),
});

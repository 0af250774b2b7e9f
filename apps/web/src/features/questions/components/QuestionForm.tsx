import { isFullCredit, QUESTION_FIELD_LIMITS, QUESTION_TYPES, QuestionInputSchema, type BankQuestion, type QuestionInput } from '@sujarit/contracts';
import { useCallback, useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import { get, useFieldArray, useFormContext, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Form } from '../../../components/Form';
import { CheckboxField, SelectField, SubmitButton, TextAreaField, TextField } from '../../../components/fields';
import { useQuestions } from '../api/get-questions';

export interface QuestionOptionValues {
  text: string;
  /** Multiple choice: this option is one of the right ones. */
  right: boolean;
  /** Percent of the points; edited for multiple choice, kept as it was (partial credit) for single choice. */
  weight: number;
}

export interface QuestionFormValues {
  topic: string;
  type: string;
  stem: string;
  options: QuestionOptionValues[];
  /** Single choice and true/false: the index of the right option, '' until chosen. */
  correctIndex: string;
  explanation: string;
  points: number;
  /** Likert only: the follow-up outcome the statement measures, '' for none. */
  followUpOutcome: string;
}

const blankOption = (): QuestionOptionValues => ({ text: '', right: false, weight: 0 });

export const EMPTY_QUESTION: QuestionFormValues = {
  topic: '',
  type: 'single_choice',
  stem: '',
  options: [blankOption(), blankOption()],
  correctIndex: '',
  explanation: '',
  points: 1,
  followUpOutcome: '',
};

const MAX_OPTIONS = 6;
/** Where a problem with the key of a multiple choice is shown: under its options. */
const KEY_FIELD = 'optionsKey';

/** The form's values for a question of the bank, to edit it. */
export function formValuesOf(question: BankQuestion): QuestionFormValues {
  const likert = question.type === 'likert';
  const options = likert
    ? [blankOption(), blankOption()]
    : question.options.map((o) => ({ text: o.text, right: (o.weight ?? 0) > 0, weight: o.weight ?? 0 }));
  const correct = likert ? -1 : question.options.findIndex((o) => isFullCredit(o.weight ?? 0));
  return {
    topic: question.topic,
    type: question.type,
    stem: question.stem,
    options,
    correctIndex: correct < 0 ? '' : String(correct),
    explanation: question.explanation,
    points: question.points || 1,
    followUpOutcome: question.followUpOutcome ?? '',
  };
}

/** The right options share 100 %; each wrong one takes back as much as a right one gives (the default, editable). */
function splitWeights(rights: boolean[]): number[] {
  const count = rights.filter(Boolean).length;
  if (count === 0) return rights.map(() => 0);
  const share = Math.round((100 / count) * 100) / 100;
  return rights.map((right) => (right ? share : -share));
}

/** The request a form's values make: only what the question's type has. */
function toRequest(values: QuestionFormValues): unknown {
  const base = { topic: values.topic, type: values.type, stem: values.stem };
  if (values.type === 'likert') return { ...base, options: [], explanation: '', followUpOutcome: values.followUpOutcome.trim() || null };
  const correct = values.correctIndex === '' ? -1 : Number(values.correctIndex);
  const options = values.options.map((o, i) => ({
    text: o.text,
    weight:
      values.type === 'multiple_choice'
        ? o.weight
        : i === correct
          ? 100
          : // A single choice keeps the partial credit it was imported with; nothing else is worth points.
            values.type === 'single_choice' && o.weight > -100 && !isFullCredit(o.weight)
            ? o.weight
            : 0,
  }));
  return { ...base, options, explanation: values.explanation, points: values.points };
}

/** The contract's Thai messages, each moved beside the field that can fix it. */
function fieldOf(path: PropertyKey[], type: string): string {
  const [head, index, leaf] = path;
  if (head === 'options' && typeof index === 'number') return `options.${index}.${String(leaf ?? 'text')}`;
  if (head === 'options') return type === 'multiple_choice' ? KEY_FIELD : 'correctIndex';
  return String(head ?? 'stem');
}

function useQuestionFormSchema() {
  return useMemo(
    () =>
      z
        .object({
          topic: z.string(),
          type: z.string(),
          stem: z.string(),
          options: z.array(z.object({ text: z.string(), right: z.boolean(), weight: z.unknown() })),
          correctIndex: z.string(),
          explanation: z.string(),
          points: z.unknown(),
          followUpOutcome: z.string(),
        })
        .transform((values, ctx): QuestionInput => {
          const parsed = QuestionInputSchema.safeParse(toRequest(values as QuestionFormValues));
          if (parsed.success) return parsed.data;
          const reported = new Set<string>();
          for (const issue of parsed.error.issues) {
            const field = fieldOf(issue.path, values.type);
            if (reported.has(field)) continue;
            reported.add(field);
            ctx.addIssue({ code: 'custom', message: issue.message, path: field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) });
          }
          return z.NEVER;
        }),
    [],
  );
}

/**
 * Keeps the options fitting the type as the organizer switches it. The options are set, not replaced through
 * the field array, so switching does not flag the options not yet written as errors.
 */
function TypeSync() {
  const { t } = useTranslation();
  const { getValues, setValue } = useFormContext<QuestionFormValues>();
  const replace = useCallback((options: QuestionOptionValues[]) => setValue('options', options), [setValue]);
  const type = useWatch<QuestionFormValues, 'type'>({ name: 'type' });
  const previous = useRef(type);
  useEffect(() => {
    const before = previous.current;
    previous.current = type;
    if (type === before) return;
    const options = getValues('options');
    if (type === 'true_false') {
      replace([
        { text: t('questionBank.fields.true'), right: false, weight: 0 },
        { text: t('questionBank.fields.false'), right: false, weight: 0 },
      ]);
    } else if (type === 'multiple_choice') {
      // The single answer chosen so far becomes the first right one.
      const rights = options.map((_, i) => String(i) === getValues('correctIndex'));
      const weights = splitWeights(rights);
      replace(options.map((o, i) => ({ ...o, right: rights[i], weight: weights[i] })));
    } else if (before === 'multiple_choice') {
      const first = options.findIndex((o) => o.right);
      setValue('correctIndex', first < 0 ? '' : String(first));
      replace(options.map((o) => ({ ...o, right: false, weight: 0 })));
    } else if (before === 'true_false' || options.length < 2) {
      replace([blankOption(), blankOption()]);
    }
  }, [type, replace, getValues, setValue, t]);
  return null;
}

/** Ticking or unticking a right option splits the weights again; typing a weight changes only that weight. */
function WeightSync() {
  const { getValues, setValue } = useFormContext<QuestionFormValues>();
  const options = useWatch<QuestionFormValues, 'options'>({ name: 'options' });
  const rights = options.map((o) => o.right);
  const signature = rights.map((right) => (right ? '1' : '0')).join('');
  const previous = useRef(signature);
  useEffect(() => {
    if (signature === previous.current) return;
    const lengthChanged = signature.length !== previous.current.length;
    previous.current = signature;
    if (lengthChanged || getValues('type') !== 'multiple_choice') return;
    splitWeights(signature.split('').map((c) => c === '1')).forEach((weight, i) =>
      setValue(`options.${i}.weight`, weight, { shouldValidate: false }),
    );
  }, [signature, getValues, setValue]);
  return null;
}

function FormError({ name }: { name: string }) {
  const { formState } = useFormContext();
  const message = (get(formState.errors, name) as FieldError | undefined)?.message;
  if (!message) return null;
  return (
    <p className="field__error" role="alert">
      {message}
    </p>
  );
}

/** The topic: one of the bank's topics picked from the list, or a new one typed in. */
function TopicField({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const listId = useId();
  const bank = useQuestions(programId);
  const topic = useWatch<QuestionFormValues, 'topic'>({ name: 'topic' }) ?? '';
  const topics = useMemo(
    () => [...new Set((bank.data?.questions ?? []).map((q) => q.topic))].sort((a, b) => a.localeCompare(b, 'th')),
    [bank.data],
  );
  return (
    <>
      <TextField
        name="topic"
        label={t('questionBank.fields.topic')}
        hint={t('questionBank.fields.topicHint', { used: topic.length, max: QUESTION_FIELD_LIMITS.topic })}
        maxLength={QUESTION_FIELD_LIMITS.topic}
        list={listId}
        autoComplete="off"
        required
      />
      <datalist id={listId}>
        {topics.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}

function QuestionFields({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const { control, getValues, setValue } = useFormContext<QuestionFormValues>();
  const { fields } = useFieldArray({ control, name: 'options' });
  // Set rather than appended or removed through the field array, which would flag every option not yet written.
  const append = () => setValue('options', [...getValues('options'), blankOption()]);
  const remove = (index: number) =>
    setValue(
      'options',
      getValues('options').filter((_, i) => i !== index),
    );
  const type = useWatch<QuestionFormValues, 'type'>({ name: 'type' });
  const types = QUESTION_TYPES.map((value) => ({ value, label: t(`questionBank.types.${value}`) }));
  const answers = fields.map((_, index) => ({ value: String(index), label: t('questionBank.fields.option', { n: index + 1 }) }));
  const likert = type === 'likert';
  const multiple = type === 'multiple_choice';
  const stem = useWatch<QuestionFormValues, 'stem'>({ name: 'stem' }) ?? '';
  const explanation = useWatch<QuestionFormValues, 'explanation'>({ name: 'explanation' }) ?? '';
  const used = (text: string, max: number) => t('questionBank.fields.used', { used: text.length, max });
  return (
    <>
      <TopicField programId={programId} />
      <SelectField name="type" label={t('questionBank.fields.type')} options={types} />
      <TypeSync />
      <WeightSync />
      <TextAreaField
        name="stem"
        label={t(likert ? 'questionBank.fields.statement' : 'questionBank.fields.stem')}
        hint={[likert && t('questionBank.fields.likertHint'), used(stem, QUESTION_FIELD_LIMITS.stem)].filter(Boolean).join(' · ')}
        maxLength={QUESTION_FIELD_LIMITS.stem}
        rows={3}
        required
      />
      {likert && (
        <TextField
          name="followUpOutcome"
          label={t('questionBank.fields.followUpOutcome')}
          hint={t('questionBank.fields.followUpOutcomeHint')}
          maxLength={QUESTION_FIELD_LIMITS.followUpOutcome}
          autoComplete="off"
        />
      )}
      {!likert && (
        <>
          <fieldset className="question-options">
            <legend>{t('questionBank.fields.options')}</legend>
            {multiple && <p className="field__hint">{t('questionBank.fields.weightHint')}</p>}
            {fields.map((field, index) => (
              <div key={field.id} className="question-option">
                <TextField
                  name={`options.${index}.text`}
                  label={t('questionBank.fields.option', { n: index + 1 })}
                  maxLength={QUESTION_FIELD_LIMITS.option}
                  autoComplete="off"
                />
                {multiple && (
                  <div className="question-option__key">
                    <CheckboxField name={`options.${index}.right`} label={t('questionBank.fields.right', { n: index + 1 })} />
                    <TextField name={`options.${index}.weight`} type="number" step="any" min={-100} max={100} label={t('questionBank.fields.weight', { n: index + 1 })} />
                  </div>
                )}
                {fields.length > 2 && type !== 'true_false' && (
                  <button type="button" className="button" onClick={() => remove(index)}>
                    {t('questionBank.fields.removeOption', { n: index + 1 })}
                  </button>
                )}
              </div>
            ))}
            {fields.length < MAX_OPTIONS && type !== 'true_false' && (
              <button type="button" className="button" onClick={append}>
                {t('questionBank.fields.addOption')}
              </button>
            )}
            <FormError name={KEY_FIELD} />
          </fieldset>
          {!multiple && (
            <SelectField
              name="correctIndex"
              label={t('questionBank.fields.correct')}
              placeholder={t('questionBank.fields.correctPlaceholder')}
              options={answers}
            />
          )}
          <TextAreaField
            name="explanation"
            label={t('questionBank.fields.explanation')}
            hint={used(explanation, QUESTION_FIELD_LIMITS.explanation)}
            maxLength={QUESTION_FIELD_LIMITS.explanation}
            rows={3}
          />
          <TextField name="points" type="number" min={1} max={10} step={1} label={t('questionBank.fields.points')} />
        </>
      )}
    </>
  );
}

interface QuestionFormProps {
  /** The bank's program: its topics are offered for the topic. */
  programId: string;
  label: string;
  submitLabel: string;
  defaultValues: QuestionFormValues;
  pending: boolean;
  onSubmit: (input: QuestionInput, reset: () => void) => void;
  children?: ReactNode;
}

/**
 * Adding and editing share one form: topic, type, the question (or a Likert statement), 2–6 options with the
 * right one (single choice, true/false) or the right ones and their weights (multiple choice), the explanation and points.
 */
export function QuestionForm({ programId, label, submitLabel, defaultValues, pending, onSubmit, children }: QuestionFormProps) {
  const { t } = useTranslation();
  const schema = useQuestionFormSchema();
  return (
    <Form
      schema={schema}
      aria-label={label}
      defaultValues={defaultValues}
      onSubmit={(input, form) =>
        onSubmit(input, () => {
          form.setFocus('topic');
          // The next question is often of the same topic and type (a run of Likert statements, say).
          const options =
            input.type === 'true_false'
              ? [t('questionBank.fields.true'), t('questionBank.fields.false')].map((text) => ({ text, right: false, weight: 0 }))
              : EMPTY_QUESTION.options;
          form.reset({ ...EMPTY_QUESTION, topic: input.topic, type: input.type, options });
        })
      }
    >
      <QuestionFields programId={programId} />
      {children}
      <div className="button-row">
        <SubmitButton pending={pending} pendingLabel={t('common.saving')}>
          {submitLabel}
        </SubmitButton>
      </div>
    </Form>
  );
}

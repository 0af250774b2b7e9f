import { BANK_QUESTION_TYPES, QuestionInputSchema, type QuestionInput } from '@sujarit/contracts';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Form } from '../../../components/Form';
import { SelectField, SubmitButton, TextField } from '../../../components/fields';

export interface QuestionFormValues {
  topic: string;
  type: string;
  stem: string;
  options: { text: string }[];
  correctIndex: string;
  explanation: string;
}

export const EMPTY_QUESTION: QuestionFormValues = {
  topic: '',
  type: 'single_choice',
  stem: '',
  options: [{ text: '' }, { text: '' }],
  correctIndex: '',
  explanation: '',
};

const MAX_OPTIONS = 6;

/** The form's text, turned into the request and checked by the contract, its Thai beside the right field. */
function useQuestionFormSchema(points: number) {
  return useMemo(
    () =>
      z
        .object({
          topic: z.string(),
          type: z.string(),
          stem: z.string(),
          options: z.array(z.object({ text: z.string() })),
          correctIndex: z.string(),
          explanation: z.string(),
        })
        .transform((values, ctx): QuestionInput => {
          const parsed = QuestionInputSchema.safeParse({
            topic: values.topic,
            type: values.type,
            stem: values.stem,
            options: values.options.map((o) => o.text),
            correctIndex: values.correctIndex === '' ? -1 : Number(values.correctIndex),
            explanation: values.explanation,
            points,
          });
          if (parsed.success) return parsed.data;
          const reported = new Set<string>();
          for (const issue of parsed.error.issues) {
            const [head, index] = issue.path;
            const path = head === 'options' && typeof index === 'number' ? ['options', index, 'text'] : [String(head ?? 'stem')];
            const key = path.join('.');
            if (reported.has(key)) continue;
            reported.add(key);
            ctx.addIssue({ code: 'custom', message: issue.message, path: path.length === 1 && head === 'options' ? ['options', 0, 'text'] : path });
          }
          return z.NEVER;
        }),
    [points],
  );
}

/** A true/false question has exactly the two options ถูก and ผิด. */
function TrueFalseOptions({ replace }: { replace: (options: { text: string }[]) => void }) {
  const { t } = useTranslation();
  const type = useWatch({ name: 'type' }) as string;
  const previous = useRef(type);
  useEffect(() => {
    if (type === 'true_false' && previous.current !== 'true_false') {
      replace([{ text: t('questionBank.fields.true') }, { text: t('questionBank.fields.false') }]);
    }
    previous.current = type;
  }, [type, replace, t]);
  return null;
}

function QuestionFields() {
  const { t } = useTranslation();
  const { control } = useFormContext<QuestionFormValues>();
  const { fields, append, remove, replace } = useFieldArray({ control, name: 'options' });
  const types = BANK_QUESTION_TYPES.map((type) => ({ value: type, label: t(`questionBank.types.${type}`) }));
  const answers = fields.map((_, index) => ({ value: String(index), label: t('questionBank.fields.option', { n: index + 1 }) }));
  return (
    <>
      <TextField name="topic" label={t('questionBank.fields.topic')} autoComplete="off" required />
      <SelectField name="type" label={t('questionBank.fields.type')} options={types} />
      <TrueFalseOptions replace={replace} />
      <TextField name="stem" label={t('questionBank.fields.stem')} autoComplete="off" required />
      <fieldset className="question-options">
        <legend>{t('questionBank.fields.options')}</legend>
        {fields.map((field, index) => (
          <div key={field.id} className="question-option">
            <TextField name={`options.${index}.text`} label={t('questionBank.fields.option', { n: index + 1 })} autoComplete="off" />
            {fields.length > 2 && (
              <button type="button" className="button" onClick={() => remove(index)}>
                {t('questionBank.fields.removeOption', { n: index + 1 })}
              </button>
            )}
          </div>
        ))}
        {fields.length < MAX_OPTIONS && (
          <button type="button" className="button" onClick={() => append({ text: '' })}>
            {t('questionBank.fields.addOption')}
          </button>
        )}
      </fieldset>
      <SelectField
        name="correctIndex"
        label={t('questionBank.fields.correct')}
        placeholder={t('questionBank.fields.correctPlaceholder')}
        options={answers}
      />
      <TextField name="explanation" label={t('questionBank.fields.explanation')} autoComplete="off" />
    </>
  );
}

interface QuestionFormProps {
  label: string;
  submitLabel: string;
  defaultValues: QuestionFormValues;
  points?: number;
  pending: boolean;
  onSubmit: (input: QuestionInput, reset: () => void) => void;
  children?: ReactNode;
}

/** Adding and editing share one form: topic, type, stem, 2–6 options, the right one and the explanation. */
export function QuestionForm({ label, submitLabel, defaultValues, points = 1, pending, onSubmit, children }: QuestionFormProps) {
  const { t } = useTranslation();
  const schema = useQuestionFormSchema(points);
  return (
    <Form
      schema={schema}
      aria-label={label}
      defaultValues={defaultValues}
      onSubmit={(input, form) =>
        onSubmit(input, () => {
          form.setFocus('topic');
          form.reset({ ...EMPTY_QUESTION, topic: input.topic });
        })
      }
    >
      <QuestionFields />
      {children}
      <div className="button-row">
        <SubmitButton pending={pending} pendingLabel={t('common.saving')}>
          {submitLabel}
        </SubmitButton>
      </div>
    </Form>
  );
}

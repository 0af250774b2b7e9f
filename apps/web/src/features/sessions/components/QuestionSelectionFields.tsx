import type { AssessmentDetail, AssessmentKind } from '@sujarit/contracts';
import { useState } from 'react';
import { get, useController, useFormContext, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/fields';
import { formatCount } from '../../../lib/numbers';
import { countOf, suitsKind, type BankTopic, type PickerQuestion, type SelectionMode } from './assessment-selection';
import { RadioGroupField } from '../../../components/RadioGroupField';

interface QuestionSelectionFieldsProps {
  kind: AssessmentKind;
  topics: BankTopic[];
  /** How many questions the pre-test holds, told beside "the same as the pre-test". */
  preTestQuestionCount?: number;
}

/** How a test gets its questions: the pre-test's, a list picked from the bank, or a draw per topic. */
export function QuestionSelectionFields({ kind, topics, preTestQuestionCount }: QuestionSelectionFieldsProps) {
  const { t } = useTranslation();
  const mode = useWatch({ name: 'selectionMode' }) as SelectionMode;
  const modes: SelectionMode[] = kind === 'post_test' ? ['same_as_pre', 'fixed', 'random_per_topic'] : ['fixed', 'random_per_topic'];
  return (
    <fieldset className="stack">
      <legend className="field__label">{t(kind === 'survey' ? 'assessments.selection.legendSurvey' : 'assessments.selection.legendTest')}</legend>
      <RadioGroupField
        name="selectionMode"
        legend={t('assessments.selection.modeLegend')}
        choices={modes.map((value) => ({
          value,
          label: t(`assessments.selection.mode.${value}`),
          hint: t(`assessments.selection.mode.${value}Hint`),
        }))}
      />
      {kind === 'post_test' && mode !== 'same_as_pre' && <p className="note">{t('assessments.selection.parallelHint')}</p>}
      {mode === 'same_as_pre' && preTestQuestionCount !== undefined && (
        <p className="note">{t('assessments.selection.samePre', { n: formatCount(preTestQuestionCount) })}</p>
      )}
      {topics.length === 0 && mode !== 'same_as_pre' && <p className="alert alert--warning">{t('assessments.selection.emptyBank')}</p>}
      {mode === 'fixed' && <FixedPicker kind={kind} topics={topics} />}
      {mode === 'random_per_topic' && <RandomPicker kind={kind} topics={topics} />}
    </fieldset>
  );
}

/** Tick questions by topic; the count selected stays in view. Other kinds than the test's are one tick away. */
function FixedPicker({ kind, topics }: { kind: AssessmentKind; topics: BankTopic[] }) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ name: 'questionIds' });
  const [showAllTypes, setShowAllTypes] = useState(false);
  const selected = new Set(field.value as string[]);
  const setSelected = (next: Set<string>) => field.onChange([...next]);
  // A ticked question always shows, whatever its type, so nothing is saved unseen.
  const visibleTopics = topics
    .map(({ topic, questions }) => ({
      topic,
      questions: questions.filter((q) => showAllTypes || suitsKind(kind, q.type) || selected.has(q.id)),
    }))
    .filter(({ questions }) => questions.length > 0);
  const hiddenTypes = topics.some(({ questions }) => questions.some((q) => !suitsKind(kind, q.type)));
  const errorId = 'question-picker-error';
  // The form moves focus here when nothing is ticked.
  const firstId = visibleTopics[0]?.questions[0]?.id;
  return (
    <div className="stack">
      <p className="field__label" role="status" aria-live="polite">
        {t('assessments.selection.selectedCount', { n: formatCount(selected.size) })}
      </p>
      {fieldState.error?.message && (
        <p className="field__error" id={errorId} role="alert">
          {fieldState.error.message}
        </p>
      )}
      {hiddenTypes && (
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={showAllTypes} onChange={(e) => setShowAllTypes(e.target.checked)} />
            <span>{t('assessments.selection.showAllTypes')}</span>
          </label>
          {!showAllTypes && (
            <p className="field__hint">{t(kind === 'survey' ? 'assessments.selection.likertOnly' : 'assessments.selection.scoredOnly')}</p>
          )}
        </div>
      )}
      {visibleTopics.map(({ topic, questions }) => {
        const ticked = questions.filter((q) => selected.has(q.id)).length;
        return (
          <fieldset key={topic} className="card stack">
            <legend className="field__label">{topic}</legend>
            <p className="muted">{t('assessments.selection.topicCount', { selected: formatCount(ticked), total: formatCount(questions.length) })}</p>
            <div className="button-row">
              <button
                type="button"
                className="button button--small"
                aria-label={t('assessments.selection.selectTopicOf', { topic })}
                onClick={() => setSelected(new Set([...selected, ...questions.map((q) => q.id)]))}
              >
                {t('assessments.selection.selectTopic')}
              </button>
              <button
                type="button"
                className="button button--small"
                aria-label={t('assessments.selection.clearTopicOf', { topic })}
                onClick={() => setSelected(new Set([...selected].filter((id) => !questions.some((q) => q.id === id))))}
              >
                {t('assessments.selection.clearTopic')}
              </button>
            </div>
            {questions.map((question) => (
                <label key={question.id} className="checkbox">
                  <input
                    ref={question.id === firstId ? field.ref : undefined}
                    type="checkbox"
                    checked={selected.has(question.id)}
                    aria-invalid={fieldState.error ? true : undefined}
                    aria-describedby={fieldState.error ? errorId : undefined}
                    onBlur={field.onBlur}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(question.id);
                      else next.delete(question.id);
                      setSelected(next);
                    }}
                  />
                  <QuestionLine question={question} />
                </label>
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}

/** A number per topic, with what the bank holds there; 0 leaves the topic out. */
function RandomPicker({ kind, topics }: { kind: AssessmentKind; topics: BankTopic[] }) {
  const { t } = useTranslation();
  const { formState } = useFormContext();
  const rows = (useWatch({ name: 'topicCounts' }) ?? []) as { topic: string; count: number }[];
  const available = new Map(topics.map(({ topic, questions }) => [topic, questions.filter((q) => !q.outsideBank)]));
  const total = rows.reduce((sum, row) => sum + (Number.isInteger(countOf(row.count)) ? Math.max(0, countOf(row.count)) : 0), 0);
  const arrayError = (get(formState.errors, 'topicCounts') as FieldError | undefined)?.message;
  return (
    <div className="stack">
      <p className="field__label" role="status" aria-live="polite">
        {t('assessments.selection.randomTotal', { n: formatCount(total) })}
      </p>
      {arrayError && (
        <p className="field__error" role="alert">
          {arrayError}
        </p>
      )}
      <div className="form-grid">
        {rows.map((row, index) => {
          const questions = available.get(row.topic) ?? [];
          // Topics of the other kind (survey items on a test, say) stay out of the way unless already drawn from.
          if (countOf(row.count) === 0 && !questions.some((q) => suitsKind(kind, q.type))) return null;
          return (
            <TextField
              key={row.topic}
              name={`topicCounts.${index}.count`}
              label={row.topic}
              hint={t('assessments.selection.available', { n: formatCount(questions.length) })}
              type="number"
              min={0}
              max={questions.length}
              inputMode="numeric"
            />
          );
        })}
      </div>
    </div>
  );
}

function QuestionLine({ question }: { question: Pick<PickerQuestion, 'type' | 'stem' | 'outsideBank'> }) {
  const { t } = useTranslation();
  return (
    <span>
      <span className="badge">{t(`assessments.types.${question.type}`)}</span> {question.stem}
      {question.outsideBank && <span className="muted"> ({t('assessments.selection.outsideBank')})</span>}
    </span>
  );
}

/** The questions a test holds, when they can no longer change. */
export function LockedSelection({ detail }: { detail: Pick<AssessmentDetail, 'questions' | 'selection'> }) {
  const { t } = useTranslation();
  const { questions, selection } = detail;
  return (
    <div className="stack">
      <p className="alert alert--warning">{t('assessments.selection.lockedReason')}</p>
      <p>
        <span className="muted">{t('assessments.selection.modeLegend')}: </span>
        {t(`assessments.selection.mode.${selection.mode}`)}
      </p>
      <p className="field__label">{t('assessments.selection.current', { n: formatCount(questions.length) })}</p>
      <ol className="stack">
        {questions.map((question) => (
          <li key={question.id}>
            <span className="muted">{question.topic} · </span>
            <QuestionLine question={question} />
          </li>
        ))}
      </ol>
    </div>
  );
}

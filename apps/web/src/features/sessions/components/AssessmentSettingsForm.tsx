import { RESULTS_VISIBILITY, REVIEW_VISIBILITY, type AssessmentDetail } from '@sujarit/contracts';
import { useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Form } from '../../../components/Form';
import { PastWindowConfirm, usePastWindowConfirmation } from '../../../components/PastWindowConfirm';
import { DateTimeField } from '../../../components/DateFields';
import { CheckboxField, SubmitButton, TextField } from '../../../components/fields';
import { formatLongDate, formatTime } from '../../../lib/dates';
import type { PickableQuestion } from '../api/get-bank-questions';
import { useUpdateAssessment } from '../api/update-assessment';
import { bankTopics, selectionFormValues } from './assessment-selection';
import {
  dateTimeInputToIso,
  settingsFormValues,
  toSettings,
  useSettingsFormSchema,
  type SelectionContext,
} from './assessment-settings-form';
import { placeServerIssues, ServerErrorSummary } from './ServerErrorSummary';
import { LockedSelection, QuestionSelectionFields } from './QuestionSelectionFields';
import { RadioGroupField } from '../../../components/RadioGroupField';
import { FormLevelError } from './SessionFormFields';

interface AssessmentSettingsFormProps {
  detail: AssessmentDetail;
  /** The program's current bank questions, in bank order. */
  bank: PickableQuestion[];
  preTestQuestionCount?: number;
  onSaved: (saved: AssessmentDetail) => void;
  onCancel: () => void;
}

/** Everything an organizer sets on one test; the form keeps what was typed when the API refuses it. */
export function AssessmentSettingsForm({ detail, bank, preTestQuestionCount, onSaved, onCancel }: AssessmentSettingsFormProps) {
  const { t } = useTranslation();
  const updateMutation = useUpdateAssessment();
  const past = usePastWindowConfirmation();
  const [unplacedError, setUnplacedError] = useState<unknown>(null);
  const topics = useMemo(() => bankTopics(bank, detail.questions), [bank, detail.questions]);
  const context: SelectionContext = useMemo(
    () => ({ topics, lockedSelection: detail.questionsLocked ? detail.selection : null }),
    [topics, detail.questionsLocked, detail.selection],
  );
  const schema = useSettingsFormSchema(context);
  // Read once: a later refetch (after a refusal, say) must not overwrite what the organizer typed.
  const [defaultValues] = useState(() => settingsFormValues(detail, selectionFormValues(detail.selection, topics)));
  const heading = t('assessments.settings.heading', { title: detail.title });
  return (
    <Form
      schema={schema}
      aria-label={heading}
      defaultValues={defaultValues}
      onSubmit={(values, form) => {
        setUnplacedError(null);
        const settings = toSettings(values, context);
        // A test's window has passed once it has closed.
        past.submit({ startsAt: settings.opensAt, endsAt: settings.closesAt }, { startsAt: detail.opensAt, endsAt: detail.closesAt }, () =>
          updateMutation.mutate(
            { assessmentId: detail.id, settings },
            {
              onSuccess: onSaved,
              onError: (error) => setUnplacedError(placeServerIssues(error, values, form.setError)),
            },
          ),
        );
      }}
    >
      <ServerErrorSummary error={unplacedError} />
      <TextField name="title" label={t('assessments.settings.title')} autoComplete="off" />
      <fieldset className="stack">
        <legend className="field__label">{t('assessments.settings.windowLegend')}</legend>
        <div className="form-grid">
          <WindowField name="opensAt" label={t('assessments.settings.opensAt')} hint={t('assessments.settings.opensAtHint')} />
          <WindowField name="closesAt" label={t('assessments.settings.closesAt')} hint={t('assessments.settings.closesAtHint')} />
        </div>
      </fieldset>
      <div className="form-grid">
        <TextField
          name="timeLimitMinutes"
          label={t('assessments.settings.timeLimit')}
          hint={t('assessments.settings.timeLimitHint')}
          type="number"
          min={1}
          max={600}
          inputMode="numeric"
        />
        <TextField
          name="attemptsAllowed"
          label={t('assessments.settings.attemptsAllowed')}
          hint={t('assessments.settings.attemptsAllowedHint')}
          type="number"
          min={1}
          max={10}
          inputMode="numeric"
        />
      </div>
      <fieldset className="stack">
        <legend className="field__label">{t('assessments.settings.orderLegend')}</legend>
        <CheckboxField name="shuffleQuestions" label={t('assessments.settings.shuffleQuestions')} hint={t('assessments.settings.shuffleQuestionsHint')} />
        <CheckboxField name="shuffleOptions" label={t('assessments.settings.shuffleOptions')} hint={t('assessments.settings.shuffleOptionsHint')} />
      </fieldset>
      <RadioGroupField
        name="resultsVisibility"
        legend={t('assessments.settings.results.legend')}
        choices={RESULTS_VISIBILITY.map((value) => ({
          value,
          label: t(`assessments.settings.results.${value}`),
          hint: t(`assessments.settings.results.${value}Hint`),
        }))}
      />
      <RadioGroupField
        name="reviewVisibility"
        legend={t('assessments.settings.review.legend')}
        choices={REVIEW_VISIBILITY.map((value) => ({
          value,
          label: t(`assessments.settings.review.${value}`),
          hint: t(`assessments.settings.review.${value}Hint`),
        }))}
      />
      {detail.questionsLocked ? (
        <fieldset className="stack">
          <legend className="field__label">
            {t(detail.kind === 'survey' ? 'assessments.selection.legendSurvey' : 'assessments.selection.legendTest')}
          </legend>
          <LockedSelection detail={detail} />
        </fieldset>
      ) : (
        <QuestionSelectionFields kind={detail.kind} topics={topics} preTestQuestionCount={preTestQuestionCount} />
      )}
      <FormLevelError />
      <PastWindowConfirm held={past.held} onConfirm={past.confirm} onCancel={past.cancel} />
      <div className="button-row">
        <SubmitButton pending={updateMutation.isPending} pendingLabel={t('common.saving')}>
          {t('assessments.settings.submit')}
        </SubmitButton>
        <button type="button" className="button" disabled={updateMutation.isPending} onClick={onCancel}>
          {t('assessments.settings.cancel')}
        </button>
      </div>
    </Form>
  );
}

/** A Bangkok date and time, said back in full (the weekday too) so a wrong day is seen before saving. */
function WindowField({ name, label, hint }: { name: 'opensAt' | 'closesAt'; label: string; hint: string }) {
  const { t } = useTranslation();
  const value = (useWatch({ name }) ?? '') as string;
  const iso = dateTimeInputToIso(value);
  return (
    <div className="stack">
      <DateTimeField name={name} label={label} hint={hint} />
      {iso && (
        <p className="field__hint" aria-live="polite" data-testid={`${name}-preview`}>
          {t('assessments.settings.timePreview', { date: formatLongDate(iso), time: formatTime(iso) })}
        </p>
      )}
    </div>
  );
}

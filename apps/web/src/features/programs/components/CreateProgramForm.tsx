import { CreateProgramRequestSchema, DEFAULT_PASS_MARK_PERCENT, DEFAULT_TARGET_PASS_RATE_PERCENT, type ProgramDetails } from '@sujarit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SubmitButton } from '../../../components/fields';
import { useCreateProgram } from '../api/create-program';
import { placeCodeTaken } from './code-taken';
import { ProgramDetailsFields } from './ProgramDetailsFields';
import { YearTargetFields } from './YearTargetFields';

interface CreateProgramFormProps {
  /** The year on screen: the new program's first targets are for it. */
  fiscalYear: number;
  onCreated: (program: ProgramDetails) => void;
  onCancel: () => void;
}

/** A new program with its details and this year's targets, budget and indicator rule. */
export function CreateProgramForm({ fiscalYear, onCreated, onCancel }: CreateProgramFormProps) {
  const { t } = useTranslation();
  const createMutation = useCreateProgram();
  const [topError, setTopError] = useState<unknown>(null);
  return (
    <section className="card stack" aria-labelledby="create-program-heading">
      <h2 id="create-program-heading">{t('programs.manage.createHeading')}</h2>
      <Form
        serverError={createMutation.error}
        schema={CreateProgramRequestSchema}
        aria-label={t('programs.manage.createHeading')}
        defaultValues={{
          code: '',
          name: '',
          audience: '',
          ownerUnit: '',
          description: '',
          objectives: '',
          year: {
            fiscalYear,
            passMarkPercent: DEFAULT_PASS_MARK_PERCENT,
            targetPassRatePercent: DEFAULT_TARGET_PASS_RATE_PERCENT,
            indicatorBasis: 'pass_rate',
            certificateCriterion: 'attended',
          },
        }}
        onSubmit={(request, form) => {
          setTopError(null);
          createMutation.mutate(request, {
            onSuccess: onCreated,
            onError: (error) => setTopError(placeCodeTaken(error, form.setError)),
          });
        }}
      >
        <ProgramDetailsFields />
        <fieldset className="stack">
          <legend className="field__label">{t('programs.manage.yearHeading', { year: fiscalYear })}</legend>
          <p className="field__hint">{t('programs.manage.yearHint')}</p>
          <YearTargetFields prefix="year." />
        </fieldset>
        <ErrorAlert error={topError} />
        <div className="button-row">
          <SubmitButton pending={createMutation.isPending} pendingLabel={t('common.saving')}>
            {t('programs.manage.createSubmit')}
          </SubmitButton>
          <button type="button" className="button" onClick={onCancel}>
            {t('programs.manage.cancel')}
          </button>
        </div>
      </Form>
    </section>
  );
}

import {
  DEFAULT_PASS_MARK_PERCENT,
  DEFAULT_TARGET_PASS_RATE_PERCENT,
  UpdateProgramYearRequestSchema,
  type ProgramSummary,
} from '@sujarit/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SubmitButton, TextField } from '../../../components/fields';
import { Loading } from '../../../components/Loading';
import { useProgramList } from '../api/get-programs';
import { useUpdateProgramYear } from '../api/update-program-year';
import { YearTargetFields } from './YearTargetFields';

interface ProgramYearSettingsCardProps {
  programId: string;
  fiscalYear: number;
}

/** The year's targets, budget and indicator rule for one program, edited whole. */
export function ProgramYearSettingsCard({ programId, fiscalYear }: ProgramYearSettingsCardProps) {
  const { t } = useTranslation();
  // An archived program's page still shows (and edits) its years.
  const programs = useProgramList(fiscalYear, { includeArchived: true });
  const headingId = `program-year-settings-${fiscalYear}`;
  // The list keeps the previous year's answer on screen while the new one loads; never prefill from it.
  const current = programs.data?.fiscalYear === fiscalYear ? programs.data : undefined;
  const program = current?.programs.find((p) => p.id === programId);
  // Held here, so "saved" outlives the form's remount when the saved unit becomes its new starting value.
  const updateMutation = useUpdateProgramYear();
  const { reset } = updateMutation;
  useEffect(() => reset(), [reset, programId, fiscalYear]);
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('programs.yearSettings.heading', { year: fiscalYear })}</h2>
      {programs.isError && <ErrorAlert error={programs.error} onRetry={() => void programs.refetch()} />}
      {!programs.isError && !current && <Loading />}
      {program && (
        <>
          {!program.year && <p className="alert alert--warning">{t('programs.yearSettings.notConfigured')}</p>}
          {/* A new owner unit from the details form is this form's new starting value. */}
          <ProgramYearForm key={`${programId}:${fiscalYear}:${program.ownerUnit}`} program={program} fiscalYear={fiscalYear} updateMutation={updateMutation} />
        </>
      )}
    </section>
  );
}

interface ProgramYearFormProps {
  program: ProgramSummary;
  fiscalYear: number;
  updateMutation: ReturnType<typeof useUpdateProgramYear>;
}

function ProgramYearForm({ program, fiscalYear, updateMutation }: ProgramYearFormProps) {
  const { t } = useTranslation();
  const { year } = program;
  return (
    <Form
      serverError={updateMutation.error}
      schema={UpdateProgramYearRequestSchema}
      aria-label={t('programs.yearSettings.heading', { year: fiscalYear })}
      defaultValues={{
        targetHeadcount: year?.targetHeadcount,
        sessionsRequired: year?.sessionsRequired,
        budgetBaht: year?.budgetBaht,
        // A year not set yet starts from the plan's indicator rule.
        passMarkPercent: year?.passMarkPercent ?? DEFAULT_PASS_MARK_PERCENT,
        targetPassRatePercent: year?.targetPassRatePercent ?? DEFAULT_TARGET_PASS_RATE_PERCENT,
        indicatorBasis: year?.indicatorBasis ?? 'pass_rate',
        certificateCriterion: year?.certificateCriterion ?? 'attended',
        ownerUnit: program.ownerUnit,
      }}
      onSubmit={(settings, form) =>
        updateMutation.mutate(
          { programId: program.id, fiscalYear, settings },
          // What was saved becomes the form's clean state, so "saved" shows until the next edit.
          { onSuccess: () => form.reset(settings) },
        )
      }
    >
      {(form) => (
        <>
          <YearTargetFields />
          <TextField name="ownerUnit" label={t('programs.yearSettings.ownerUnit')} autoComplete="off" />
          <ErrorAlert error={updateMutation.error} />
          <div role="status">
            {updateMutation.isSuccess && !form.formState.isDirty && (
              <p className="alert alert--ok">{t('programs.yearSettings.saved')}</p>
            )}
          </div>
          <SubmitButton pending={updateMutation.isPending} pendingLabel={t('common.saving')}>
            {t('programs.yearSettings.submit')}
          </SubmitButton>
        </>
      )}
    </Form>
  );
}

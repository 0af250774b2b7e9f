import { INDICATOR_BASES, UpdateProgramYearRequestSchema, type ProgramSummary } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SelectField, SubmitButton, TextField } from '../../../components/fields';
import { Loading } from '../../../components/Loading';
import { useProgramList } from '../api/get-programs';
import { useUpdateProgramYear } from '../api/update-program-year';

interface ProgramYearSettingsCardProps {
  programId: string;
  fiscalYear: number;
}

/** The year's targets, budget and indicator rule for one program, edited whole. */
export function ProgramYearSettingsCard({ programId, fiscalYear }: ProgramYearSettingsCardProps) {
  const { t } = useTranslation();
  const programs = useProgramList(fiscalYear);
  const headingId = `program-year-settings-${fiscalYear}`;
  // The list keeps the previous year's answer on screen while the new one loads; never prefill from it.
  const current = programs.data?.fiscalYear === fiscalYear ? programs.data : undefined;
  const program = current?.programs.find((p) => p.id === programId);
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('programs.yearSettings.heading', { year: fiscalYear })}</h2>
      {programs.isError && <ErrorAlert error={programs.error} onRetry={() => void programs.refetch()} />}
      {!programs.isError && !current && <Loading />}
      {program && (
        <>
          {!program.year && <p className="alert alert--warning">{t('programs.yearSettings.notConfigured')}</p>}
          <ProgramYearForm key={`${programId}:${fiscalYear}`} program={program} fiscalYear={fiscalYear} />
        </>
      )}
    </section>
  );
}

function ProgramYearForm({ program, fiscalYear }: { program: ProgramSummary; fiscalYear: number }) {
  const { t } = useTranslation();
  const updateMutation = useUpdateProgramYear();
  const { year } = program;
  return (
    <Form
      schema={UpdateProgramYearRequestSchema}
      aria-label={t('programs.yearSettings.heading', { year: fiscalYear })}
      defaultValues={{
        targetHeadcount: year?.targetHeadcount,
        sessionsRequired: year?.sessionsRequired,
        budgetBaht: year?.budgetBaht,
        passMarkPercent: year?.passMarkPercent,
        targetPassRatePercent: year?.targetPassRatePercent,
        indicatorBasis: year?.indicatorBasis,
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
          <div className="form-grid">
            <TextField
              name="targetHeadcount"
              label={t('programs.yearSettings.targetHeadcount')}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
            />
            <TextField
              name="sessionsRequired"
              label={t('programs.yearSettings.sessionsRequired')}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
            />
            <TextField
              name="budgetBaht"
              label={t('programs.yearSettings.budgetBaht')}
              type="number"
              min={0}
              step={0.01}
              inputMode="decimal"
            />
            <TextField
              name="passMarkPercent"
              label={t('programs.yearSettings.passMarkPercent')}
              type="number"
              min={0}
              max={100}
              step="any"
              inputMode="decimal"
            />
            <TextField
              name="targetPassRatePercent"
              label={t('programs.yearSettings.targetPassRatePercent')}
              type="number"
              min={0}
              max={100}
              step="any"
              inputMode="decimal"
            />
            <SelectField
              name="indicatorBasis"
              label={t('programs.yearSettings.indicatorBasis')}
              placeholder={t('programs.yearSettings.indicatorBasisPlaceholder')}
              options={INDICATOR_BASES.map((basis) => ({ value: basis, label: t(`programs.yearSettings.basis.${basis}`) }))}
            />
          </div>
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

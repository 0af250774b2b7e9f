import { CopyYearRequestSchema, type CopyYearResult } from '@sujarit/contracts';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { CheckboxField, SelectField, SubmitButton } from '../../../components/fields';
import { formatCount } from '../../../lib/numbers';
import { useCopyYear } from '../api/copy-year';

interface CopyYearFormProps {
  years: number[];
  defaultFromYear: number;
  onCopied?: (result: CopyYearResult) => void;
}

/** Next year's plan usually repeats this year's: copy every program's settings in one go. */
export function CopyYearForm({ years, defaultFromYear, onCopied }: CopyYearFormProps) {
  const { t } = useTranslation();
  const copyMutation = useCopyYear();
  return (
    <section className="card stack" aria-labelledby="copy-year-heading">
      <h2 id="copy-year-heading">{t('plan.copy.heading')}</h2>
      <Form
        schema={CopyYearRequestSchema}
        aria-label={t('plan.copy.heading')}
        defaultValues={{ fromFiscalYear: String(defaultFromYear), overwrite: false }}
        onSubmit={(request) => copyMutation.mutate(request, { onSuccess: onCopied })}
      >
        <SelectField
          name="fromFiscalYear"
          label={t('plan.copy.from')}
          options={years.map((year) => ({ value: String(year), label: t('common.fiscalYearOption', { year }) }))}
        />
        <TargetYearNote />
        <CheckboxField name="overwrite" label={t('plan.copy.overwrite')} hint={t('plan.copy.overwriteHint')} />
        <ErrorAlert error={copyMutation.error} />
        <div role="status">{copyMutation.data && <CopyResult result={copyMutation.data} />}</div>
        <SubmitButton pending={copyMutation.isPending} pendingLabel={t('common.saving')}>
          {t('plan.copy.submit')}
        </SubmitButton>
      </Form>
    </section>
  );
}

/** Says where the settings will go, since the form only asks where they come from. */
function TargetYearNote() {
  const { t } = useTranslation();
  const from = Number(useWatch({ name: 'fromFiscalYear' }));
  if (!Number.isInteger(from) || from === 0) return null;
  return <p className="field__hint">{t('plan.copy.toNote', { year: from + 1 })}</p>;
}

function CopyResult({ result }: { result: CopyYearResult }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--ok">
      <p>{t('plan.copy.copied', { year: result.toFiscalYear, n: formatCount(result.copied.length) })}</p>
      {result.skipped.length > 0 && (
        <p>
          {t('plan.copy.skipped', { n: formatCount(result.skipped.length) })}{' '}
          <span className="muted">({result.skipped.join(', ')})</span>
        </p>
      )}
    </div>
  );
}

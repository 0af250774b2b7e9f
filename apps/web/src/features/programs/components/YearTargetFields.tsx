import { CERTIFICATE_CRITERIA, INDICATOR_BASES } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/fields';

/** A year's target, sessions, budget and indicator rule; `prefix` places them in a bigger form (`year.`). */
export function YearTargetFields({ prefix = '' }: { prefix?: string }) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      <TextField
        name={`${prefix}targetHeadcount`}
        label={t('programs.yearSettings.targetHeadcount')}
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
      />
      <TextField
        name={`${prefix}sessionsRequired`}
        label={t('programs.yearSettings.sessionsRequired')}
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
      />
      <TextField
        name={`${prefix}budgetBaht`}
        label={t('programs.yearSettings.budgetBaht')}
        type="number"
        min={0}
        step={0.01}
        inputMode="decimal"
      />
      <TextField
        name={`${prefix}passMarkPercent`}
        label={t('programs.yearSettings.passMarkPercent')}
        type="number"
        min={0}
        max={100}
        step="any"
        inputMode="decimal"
      />
      <TextField
        name={`${prefix}targetPassRatePercent`}
        label={t('programs.yearSettings.targetPassRatePercent')}
        type="number"
        min={0}
        max={100}
        step="any"
        inputMode="decimal"
      />
      <SelectField
        name={`${prefix}indicatorBasis`}
        label={t('programs.yearSettings.indicatorBasis')}
        placeholder={t('programs.yearSettings.indicatorBasisPlaceholder')}
        options={INDICATOR_BASES.map((basis) => ({ value: basis, label: t(`programs.yearSettings.basis.${basis}`) }))}
      />
      <SelectField
        name={`${prefix}certificateCriterion`}
        label={t('programs.yearSettings.certificateCriterion')}
        options={CERTIFICATE_CRITERIA.map((criterion) => ({ value: criterion, label: t(`programs.yearSettings.criteria.${criterion}`) }))}
      />
    </div>
  );
}

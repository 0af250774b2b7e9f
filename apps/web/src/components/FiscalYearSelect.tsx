import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearOptions } from '../lib/fiscal-year';

interface FiscalYearSelectProps {
  value: number;
  onChange: (year: number) => void;
}

export function FiscalYearSelect({ value, onChange }: FiscalYearSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const years = fiscalYearOptions();
  if (!years.includes(value)) years.push(value);
  return (
    <div className="field field--inline">
      <label className="field__label" htmlFor={id}>
        {t('common.fiscalYear')}
      </label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {years.map((year) => (
          <option key={year} value={year}>
            {t('common.fiscalYearOption', { year })}
          </option>
        ))}
      </select>
    </div>
  );
}

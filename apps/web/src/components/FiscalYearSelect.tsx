import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearOptions } from '../lib/fiscal-year';

interface FiscalYearSelectProps {
  value: number;
  onChange: (year: number) => void;
  /** Defaults to "ปีงบประมาณ (พ.ศ.)"; a page with two selects names each end. */
  label?: string;
  /** Defaults to the plan's years and the current one. */
  years?: number[];
}

export function FiscalYearSelect({ value, onChange, label, years: offered }: FiscalYearSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const years = [...(offered ?? fiscalYearOptions())];
  if (!years.includes(value)) years.push(value);
  years.sort((a, b) => a - b);
  return (
    <div className="field field--inline">
      <label className="field__label" htmlFor={id}>
        {label ?? t('common.fiscalYear')}
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

import type { CopyYearResult } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { Loading } from '../../../components/Loading';
import { currentFiscalYear, planningYearOptions } from '../../../lib/fiscal-year';
import { usePlan, type PlanRange } from '../api/get-plan';
import { CopyYearForm } from './CopyYearForm';
import { PlanTable } from './PlanTable';

const readYear = (raw: string | null) => {
  const year = Number(raw);
  return raw && Number.isInteger(year) && year >= 2500 && year <= 2700 ? year : undefined;
};

/** The range in the address (?from=2566&to=2570); without it the API picks the years that have settings. */
function usePlanRangeParam(): [PlanRange, (range: Required<PlanRange>) => void] {
  const [params, setParams] = useSearchParams();
  const from = readYear(params.get('from'));
  const to = readYear(params.get('to'));
  const range = from !== undefined && to !== undefined && to >= from ? { from, to } : {};
  const setRange = (next: Required<PlanRange>) =>
    setParams(
      (prev) => {
        const updated = new URLSearchParams(prev);
        updated.set('from', String(next.from));
        updated.set('to', String(next.to));
        return updated;
      },
      { replace: true },
    );
  return [range, setRange];
}

interface PlanPageProps {
  /** Organizers and admins copy settings between years; managers read. */
  canManage: boolean;
}

export function PlanPage({ canManage }: PlanPageProps) {
  const { t } = useTranslation();
  const [range, setRange] = usePlanRangeParam();
  const plan = usePlan(range);
  // The chosen range wins over the answer still on screen from the previous one.
  const from = range.from ?? plan.data?.fromFiscalYear;
  const to = range.to ?? plan.data?.toFiscalYear;
  const years = planningYearOptions([from, to].filter((year) => year !== undefined));

  // Copying into a year outside the chosen range widens the range, so the copy is seen.
  const showCopied = (result: CopyYearResult) => {
    if (range.from !== undefined && range.to !== undefined && result.toFiscalYear > range.to) {
      setRange({ from: range.from, to: result.toFiscalYear });
    }
  };

  return (
    <main className="page stack">
      <div className="page__head">
        <h1>{t('plan.title')}</h1>
        {from !== undefined && to !== undefined && (
          <div className="page__filters">
            <FiscalYearSelect
              label={t('plan.from')}
              value={from}
              years={years}
              onChange={(year) => setRange({ from: year, to: Math.max(year, to) })}
            />
            <FiscalYearSelect
              label={t('plan.to')}
              value={to}
              years={years}
              onChange={(year) => setRange({ from: Math.min(from, year), to: year })}
            />
          </div>
        )}
      </div>
      <p className="muted">{t('plan.intro')}</p>
      {plan.isPending && <Loading />}
      <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />
      {plan.data && plan.data.programs.length === 0 && <p className="muted">{t('plan.empty')}</p>}
      {plan.data && plan.data.programs.length > 0 && (
        <>
          <div className="button-row">
            <a
              className="button button--small"
              href={`/api/reports/plan.pdf?from=${plan.data.fromFiscalYear}&to=${plan.data.toFiscalYear}`}
              download
              aria-label={t('plan.downloadReportLabel', { from: plan.data.fromFiscalYear, to: plan.data.toFiscalYear })}
            >
              {t('plan.downloadReport')}
            </a>
          </div>
          <PlanTable plan={plan.data} />
        </>
      )}
      {canManage && <CopyYearForm years={years} defaultFromYear={currentFiscalYear()} onCopied={showCopied} />}
    </main>
  );
}

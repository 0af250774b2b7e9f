import type { Plan } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { formatBaht, formatCount } from '../../../lib/numbers';

type PlanYear = Plan['programs'][number]['years'][number];

const FIGURE_COLUMNS = 5;

/**
 * One row group per program, one row per fiscal year. The table scrolls inside its own box,
 * so on a phone the page itself never scrolls sideways.
 */
export function PlanTable({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const captionId = 'plan-table-caption';
  return (
    // Focusable so a keyboard can scroll it; named by the caption it holds.
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table plan-table">
        <caption id={captionId}>
          {t('plan.caption', { from: plan.fromFiscalYear, to: plan.toFiscalYear })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('plan.fiscalYear')}</th>
            <th scope="col" className="numeric">
              {t('plan.target')}
            </th>
            <th scope="col" className="numeric">
              {t('plan.attended')}
            </th>
            <th scope="col" className="numeric">
              {t('plan.enrolledWaitlisted')}
            </th>
            <th scope="col" className="numeric">
              {t('plan.sessions')}
            </th>
            <th scope="col" className="numeric">
              {t('plan.spending')}
            </th>
          </tr>
        </thead>
        {plan.programs.map((program) => (
          <tbody key={program.id}>
            <tr className="plan-table__program">
              <th scope="rowgroup" colSpan={FIGURE_COLUMNS + 1}>
                <div className="plan-table__name">
                  <span className="code">{program.code}</span> {program.name}
                </div>
              </th>
            </tr>
            {program.years.map((year) => (
              <tr key={year.fiscalYear}>
                <th scope="row">{year.fiscalYear}</th>
                {year.configured ? (
                  <PlanFigures year={year} />
                ) : (
                  <td colSpan={FIGURE_COLUMNS} className="muted">
                    {t('plan.notConfigured')}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function PlanFigures({ year }: { year: PlanYear }) {
  const { t } = useTranslation();
  const overBudget = year.spentBaht > year.budgetBaht;
  return (
    <>
      <td className="numeric">{formatCount(year.targetHeadcount)}</td>
      <td className="numeric">{formatCount(year.attended)}</td>
      <td className="numeric">
        {formatCount(year.enrolled)}/{formatCount(year.waitlisted)}
      </td>
      <td className="numeric">
        {formatCount(year.sessionsHeld)}/{formatCount(year.sessionsRequired)}
      </td>
      <td className={overBudget ? 'numeric plan-table__over' : 'numeric'}>
        {formatBaht(year.spentBaht)} / {formatBaht(year.budgetBaht)}
        {overBudget && <span className="block">{t('plan.overBudget')}</span>}
      </td>
    </>
  );
}

import type { FollowUpOutcomeResult } from '@sujarit/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatPercent } from '../lib/numbers';

/**
 * The plan's follow-up outcomes a survey measures, each against its target with its definition; an outcome nobody has
 * answered yet is "no data yet", never "not met".
 */
export function FollowUpOutcomes({ outcomes, note }: { outcomes: FollowUpOutcomeResult[]; note?: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (outcomes.length === 0) return null;
  return (
    <section className="stack follow-up" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('followUp.heading')}</h3>
      {note && <p className="note">{note}</p>}
      <ul className="follow-up__list">
        {outcomes.map((o) => (
          <li key={o.outcome} className="follow-up__outcome">
            <p>
              <strong>{o.outcome}</strong>{' '}
              {o.met === null ? (
                <span className="badge badge--no-data">{t('followUp.noData')}</span>
              ) : (
                <span className={o.met ? 'badge badge--met' : 'badge badge--not-met'}>{o.met ? t('followUp.met') : t('followUp.notMet')}</span>
              )}
            </p>
            <p>
              {o.percent === null
                ? t('followUp.noDataHint')
                : t('followUp.achieving', { achieving: formatCount(o.achieving), respondents: formatCount(o.respondents), percent: formatPercent(o.percent) })}{' '}
              · {t('followUp.target', { target: formatPercent(o.targetPercent) })} · {t('followUp.items', { n: formatCount(o.itemCount) })}
            </p>
          </li>
        ))}
      </ul>
      <p className="facts__definition">{t('followUp.definition')}</p>
    </section>
  );
}

import type { ProgramSummary } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../../components/ProgressBar';
import { formatCount, formatPercent, percentOf } from '../../../lib/numbers';

/** Headcount against the year's target and sessions held against those required. */
export function ProgramProgress({ program }: { program: ProgramSummary }) {
  const { t } = useTranslation();
  const { year, progress } = program;
  if (!year) return <p className="muted">{t('programs.noTarget')}</p>;
  const headcountPercent = year.targetHeadcount > 0 ? (progress.attended / year.targetHeadcount) * 100 : null;
  return (
    <dl className="facts">
      <div>
        <dt>{t('programs.target')}</dt>
        <dd>{t('programs.people', { n: formatCount(year.targetHeadcount) })}</dd>
      </div>
      <div className="facts__wide">
        <dt>{t('programs.attended')}</dt>
        <dd>
          {t('programs.attendedOfTarget', {
            attended: formatCount(progress.attended),
            target: formatCount(year.targetHeadcount),
            percent: formatPercent(headcountPercent),
          })}
          <ProgressBar value={percentOf(progress.attended, year.targetHeadcount)} label={t('programs.attended')} />
          <span className="muted block">
            {t('programs.enrolledAndWaitlisted', {
              enrolled: formatCount(progress.enrolled),
              waitlisted: formatCount(progress.waitlisted),
            })}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('programs.sessions')}</dt>
        <dd>
          {year.sessionsRequired > 0
            ? t('programs.sessionsHeldOfRequired', {
                held: formatCount(progress.sessionsHeld),
                required: formatCount(year.sessionsRequired),
              })
            : t('programs.sessionsHeldNoRequirement', { held: formatCount(progress.sessionsHeld) })}
          {progress.sessionsScheduled > 0 && (
            <span className="muted block">{t('programs.sessionsScheduled', { n: formatCount(progress.sessionsScheduled) })}</span>
          )}
        </dd>
      </div>
    </dl>
  );
}

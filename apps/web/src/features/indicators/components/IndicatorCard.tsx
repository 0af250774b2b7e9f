import type { ProgramIndicatorView } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../../components/ProgressBar';
import { formatCount, formatPercent, percentOf } from '../../../lib/numbers';

function MetBadge({ met }: { met: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={met ? 'badge badge--met' : 'badge badge--not-met'}>
      {met ? t('indicators.met') : t('indicators.notMet')}
    </span>
  );
}

export function IndicatorCard({ indicator: p }: { indicator: ProgramIndicatorView }) {
  const { t } = useTranslation();
  const basedOnMeanScore = p.indicatorBasis === 'mean_post_score';
  return (
    <article className="card indicator" aria-labelledby={`indicator-${p.programId}`}>
      <header className="indicator__head">
        <h2 className="card__title" id={`indicator-${p.programId}`}>
          <span className="code">{p.programCode}</span> {p.programName}
        </h2>
        <MetBadge met={p.indicatorMet} />
      </header>

      <div className="indicator__figure indicator__figure--main">
        <p className="indicator__label">
          {basedOnMeanScore ? t('indicators.meanPostAsIndicator') : t('indicators.passRate')}
        </p>
        <p className="indicator__value">
          {formatPercent(basedOnMeanScore ? p.meanPostPercent : p.passRatePercent)}
          <span className="indicator__target">
            {' '}
            {t('indicators.againstTarget', { target: formatPercent(p.targetPassRatePercent) })}
          </span>
        </p>
        <p className="indicator__definition">
          {basedOnMeanScore
            ? t('indicators.meanPostDefinition', { target: formatPercent(p.targetPassRatePercent) })
            : t('indicators.passRateDefinition', { passMark: formatPercent(p.passMarkPercent) })}
        </p>
      </div>

      <dl className="facts">
        <div className="facts__wide">
          <dt>{t('indicators.headcount')}</dt>
          <dd>
            {t('indicators.attendedOfTarget', {
              attended: formatCount(p.attended),
              target: formatCount(p.targetHeadcount),
              percent: formatPercent(p.headcountPercent),
            })}
            <ProgressBar value={percentOf(p.attended, p.targetHeadcount)} label={t('indicators.headcount')} />
          </dd>
        </div>
        <div>
          <dt>{t('indicators.sessions')}</dt>
          <dd>
            {p.sessionsRequired > 0
              ? t('indicators.sessionsHeldOfRequired', {
                  held: formatCount(p.sessionsHeld),
                  required: formatCount(p.sessionsRequired),
                })
              : t('indicators.sessionsHeldNoRequirement', { held: formatCount(p.sessionsHeld) })}
          </dd>
        </div>
        <div>
          <dt>{t('indicators.meanPre')}</dt>
          <dd>{formatPercent(p.meanPrePercent)}</dd>
        </div>
        <div>
          <dt>{t('indicators.meanPost')}</dt>
          <dd>{formatPercent(p.meanPostPercent)}</dd>
        </div>
        {basedOnMeanScore && (
          <div>
            <dt>{t('indicators.passRate')}</dt>
            <dd>{formatPercent(p.passRatePercent)}</dd>
          </div>
        )}
        <div>
          <dt>{t('indicators.passed')}</dt>
          <dd>
            {t('indicators.passedOfAttended', { passed: formatCount(p.passed), attended: formatCount(p.attended) })}
          </dd>
        </div>
      </dl>
      {/* Never dropped from the denominator, so always said out loud. */}
      <p className={p.missingPostTest > 0 ? 'alert alert--warning' : 'muted'}>
        {t('indicators.missingPostTest', { n: formatCount(p.missingPostTest) })}
      </p>
    </article>
  );
}

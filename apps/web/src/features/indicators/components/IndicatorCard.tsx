import type { ProgramIndicatorView } from '@sujarit/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DownloadButtons } from '../../../components/DownloadButtons';
import { FollowUpOutcomes } from '../../../components/FollowUpOutcomes';
import { ProgressBar } from '../../../components/ProgressBar';
import { formatCount, formatGain, formatPercent, formatPoints, percentOf } from '../../../lib/numbers';
import { attendeesExportUrl, programSurveyExportUrl } from '../api/export-files';
import { useProgramYearSurvey } from '../api/get-program-year-survey';

/** Nobody attended yet is "no data yet", never "not met": there is nothing to judge. */
function StatusBadge({ status }: { status: ProgramIndicatorView['indicatorStatus'] }) {
  const { t } = useTranslation();
  if (status === 'no_data') return <span className="badge badge--no-data">{t('indicators.noData')}</span>;
  return (
    <span className={status === 'met' ? 'badge badge--met' : 'badge badge--not-met'}>
      {status === 'met' ? t('indicators.met') : t('indicators.notMet')}
    </span>
  );
}

/** One figure with its one-line definition beside it, so a manager never reads a number without knowing what it counts. */
function Fact({ label, value, definition, wide }: { label: string; value: ReactNode; definition: string; wide?: boolean }) {
  return (
    <div className={wide ? 'facts__wide' : undefined}>
      <dt>{label}</dt>
      <dd>{value}</dd>
      <dd className="facts__definition">{definition}</dd>
    </div>
  );
}

/** `details`: the card links to its program-year page (on the indicators page; not on that page itself). */
export function IndicatorCard({ indicator: p, details = true }: { indicator: ProgramIndicatorView; details?: boolean }) {
  const { t } = useTranslation();
  const basedOnMeanScore = p.indicatorBasis === 'mean_post_score';
  return (
    <article className="card indicator" aria-labelledby={`indicator-${p.programId}`}>
      <header className="indicator__head">
        <h2 className="card__title" id={`indicator-${p.programId}`}>
          <span className="code">{p.programCode}</span> {p.programName}
        </h2>
        <StatusBadge status={p.indicatorStatus} />
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
        <Fact
          wide
          label={t('indicators.headcount')}
          value={
            <>
              {t('indicators.attendedOfTarget', {
                attended: formatCount(p.attended),
                target: formatCount(p.targetHeadcount),
                percent: formatPercent(p.headcountPercent),
              })}
              <ProgressBar value={percentOf(p.attended, p.targetHeadcount)} label={t('indicators.headcount')} />
            </>
          }
          definition={t('indicators.headcountDefinition')}
        />
        <Fact
          label={t('indicators.sessions')}
          value={
            p.sessionsRequired > 0
              ? t('indicators.sessionsHeldOfRequired', { held: formatCount(p.sessionsHeld), required: formatCount(p.sessionsRequired) })
              : t('indicators.sessionsHeldNoRequirement', { held: formatCount(p.sessionsHeld) })
          }
          definition={t('indicators.sessionsDefinition')}
        />
        {basedOnMeanScore && (
          <Fact
            label={t('indicators.passRate')}
            value={formatPercent(p.passRatePercent)}
            definition={t('indicators.passRateDefinition', { passMark: formatPercent(p.passMarkPercent) })}
          />
        )}
        <Fact
          label={t('indicators.passed')}
          value={t('indicators.passedOfAttended', { passed: formatCount(p.passed), attended: formatCount(p.attended) })}
          definition={t('indicators.passedDefinition', { passMark: formatPercent(p.passMarkPercent) })}
        />
        {/* Paired first: only the same people before and after show a real change. */}
        <Fact
          wide
          label={t('indicators.pairedMeans', { n: formatCount(p.pairedCount) })}
          value={t('indicators.preToPost', { pre: formatPercent(p.pairedMeanPrePercent), post: formatPercent(p.pairedMeanPostPercent) })}
          definition={t('indicators.pairedMeansDefinition')}
        />
        <Fact
          label={t('indicators.meanGainPoints')}
          value={p.meanGainPoints === null ? '–' : t('indicators.gainPoints', { points: formatPoints(p.meanGainPoints) })}
          definition={t('indicators.meanGainPointsDefinition')}
        />
        <Fact
          label={t('indicators.meanNormalizedGain', { n: formatCount(p.normalizedGainCount) })}
          value={formatGain(p.meanNormalizedGain)}
          definition={t('indicators.meanNormalizedGainDefinition')}
        />
        <Fact label={t('indicators.hakeGain')} value={formatGain(p.hakeGain)} definition={t('indicators.hakeGainDefinition')} />
        <Fact
          label={t('indicators.unpairedMeanPre', { n: formatCount(p.preTestTaken) })}
          value={formatPercent(p.meanPrePercent)}
          definition={t('indicators.unpairedMeanPreDefinition')}
        />
        <Fact
          label={t('indicators.unpairedMeanPost', { n: formatCount(p.postTestTaken) })}
          value={formatPercent(p.meanPostPercent)}
          definition={t('indicators.unpairedMeanPostDefinition')}
        />
      </dl>
      {/* Never dropped from the denominator, so always said out loud. */}
      <p className={p.missingPostTest > 0 ? 'alert alert--warning' : 'muted'}>
        {t('indicators.missingPostTest', { n: formatCount(p.missingPostTest) })}
      </p>
      <ProgramYearSurvey programId={p.programId} fiscalYear={p.fiscalYear} />
      {/* A file for the report upward: the same figures, their definitions, the budget and the signatory. */}
      <div className="button-row">
        <a
          className="button button--small"
          href={`/api/reports/programs/${encodeURIComponent(p.programId)}/years/${p.fiscalYear}.pdf`}
          download
          aria-label={t('indicators.downloadReportLabel', { code: p.programCode, year: p.fiscalYear })}
        >
          {t('indicators.downloadReport')}
        </a>
      </div>
      {details && (
        <p>
          <Link className="button" to={`/indicators/${encodeURIComponent(p.programId)}/${p.fiscalYear}`}>
            {t('indicators.openDetails')}
          </Link>
        </p>
      )}
    </article>
  );
}

/** The program-year's follow-up outcomes (when its surveys measure any) and its pooled survey results as files. */
function ProgramYearSurvey({ programId, fiscalYear }: { programId: string; fiscalYear: number }) {
  const { t } = useTranslation();
  const survey = useProgramYearSurvey(programId, fiscalYear);
  return (
    <>
      {survey.data && (
        <FollowUpOutcomes
          outcomes={survey.data.outcomes}
          note={t('followUp.pooled', { surveys: formatCount(survey.data.surveys.length), respondents: formatCount(survey.data.respondents) })}
        />
      )}
      <DownloadButtons what={t('downloads.attendees')} url={(format) => attendeesExportUrl(programId, fiscalYear, format)} />
      <DownloadButtons what={t('downloads.programSurvey')} url={(format) => programSurveyExportUrl(programId, fiscalYear, format)} />
    </>
  );
}

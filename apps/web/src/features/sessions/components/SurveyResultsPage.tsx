import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { DownloadButtons } from '../../../components/DownloadButtons';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FollowUpOutcomes } from '../../../components/FollowUpOutcomes';
import { Loading } from '../../../components/Loading';
import { formatCount, formatPercent, percentOf } from '../../../lib/numbers';
import { surveyResultsExportUrl } from '../api/export-files';
import { useSession } from '../api/get-session';
import { useSurveyResults } from '../api/get-survey-results';
import { formatMean, groupByTopic, LIKERT_LEVELS, type SurveyItemResult } from './survey-results';
import '../survey-results.css';
import { sessionPartPath } from './session-parts';

/** A survey's answers item by item, reached from its card on the session page; organizers and managers read it. */
export function SurveyResultsPage() {
  const { t } = useTranslation();
  const { sessionId = '', assessmentId = '' } = useParams();
  const session = useSession(sessionId);
  const results = useSurveyResults(assessmentId);

  const body = () => {
    if (results.isPending) return <Loading />;
    if (results.isError) return <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />;
    const { title, respondents, items, outcomes } = results.data;
    const groups = groupByTopic(items);
    const grouped = groups.length > 1;
    return (
      <>
        <header className="card card--header">
          <p className="eyebrow">{t('surveyResults.eyebrow')}</p>
          <h1>{title}</h1>
          <p className="survey-results__respondents">{t('surveyResults.respondents', { n: formatCount(respondents) })}</p>
          {respondents > 0 && (
            <>
              <p className="note">{t('surveyResults.meanDefinition')}</p>
              <p className="note">{t('surveyResults.agreeDefinition')}</p>
            </>
          )}
          <DownloadButtons what={t('downloads.surveyResults')} url={(format) => surveyResultsExportUrl(assessmentId, format)} />
          <FollowUpOutcomes outcomes={outcomes} />
        </header>
        {respondents === 0 ? (
          <section className="card">
            <p>{t('surveyResults.empty')}</p>
            <p className="muted">{t('surveyResults.emptyHint')}</p>
          </section>
        ) : grouped ? (
          groups.map((group) => (
            <section key={group.topic} className="stack" aria-label={group.topic}>
              <h2>{group.topic}</h2>
              {group.items.map(({ number, item }) => (
                <ItemResult key={item.questionId} number={number} item={item} headingLevel={3} />
              ))}
            </section>
          ))
        ) : (
          items.map((item, index) => <ItemResult key={item.questionId} number={index + 1} item={item} headingLevel={2} />)
        )}
      </>
    );
  };

  return (
    <main className="page stack survey-results">
      <p>
        <Link to={sessionPartPath(sessionId, 'tests')}>← {session.data?.title ?? t('surveyResults.backToSession')}</Link>
      </p>
      {body()}
    </main>
  );
}

interface ItemResultProps {
  number: number;
  item: SurveyItemResult;
  headingLevel: 2 | 3;
}

/** One statement: how many answered, the mean, the share answering 4–5, and the count at each level. */
function ItemResult({ number, item, headingLevel }: ItemResultProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card survey-item" aria-labelledby={headingId}>
      <p className="eyebrow">{t('surveyResults.itemNumber', { n: formatCount(number) })}</p>
      <Heading id={headingId} className="survey-item__stem">
        {item.stem}
      </Heading>
      <p className="muted">{t('surveyResults.answered', { n: formatCount(item.answered) })}</p>
      {item.answered === 0 || item.mean === null ? (
        <p className="muted">{t('surveyResults.itemEmpty')}</p>
      ) : (
        <>
          <ul className="survey-item__figures">
            <li>{t('surveyResults.mean', { mean: formatMean(item.mean) })}</li>
            <li>{t('surveyResults.agree', { percent: formatPercent(item.agreePercent) })}</li>
          </ul>
          <table className="table survey-item__counts">
            <caption className="visually-hidden">{t('surveyResults.countsCaption', { stem: item.stem })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveyResults.level')}</th>
                <th scope="col" className="numeric">
                  {t('surveyResults.people')}
                </th>
                <th scope="col">{t('surveyResults.share')}</th>
              </tr>
            </thead>
            <tbody>
              {LIKERT_LEVELS.map((level) => {
                const share = percentOf(item.counts[level.value], item.answered);
                return (
                  <tr key={level.value}>
                    <th scope="row">{t('surveyResults.levelLabel', { value: level.value, label: level.label })}</th>
                    <td className="numeric">{formatCount(item.counts[level.value])}</td>
                    <td>
                      <span className="survey-bar">
                        <span className="survey-bar__track" aria-hidden="true">
                          <span className="survey-bar__fill" style={{ width: `${share}%` }} />
                        </span>
                        <span className="survey-bar__value">{formatPercent(share)}</span>
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </article>
  );
}

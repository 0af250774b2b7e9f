import type { ItemAnalysis } from '@sujarit/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { DownloadButtons } from '../../../components/DownloadButtons';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatCount } from '../../../lib/numbers';
import { itemAnalysisExportUrl } from '../api/export-files';
import { useItemAnalysis } from '../api/get-item-analysis';
import { useSession } from '../api/get-session';
import '../survey-results.css';
import { sessionPartPath } from './session-parts';

type Item = ItemAnalysis['items'][number];
type Flag = keyof Item['flags'];
const FLAGS: readonly Flag[] = ['tooEasy', 'tooHard', 'negativeDiscrimination'];

/** Two decimals, as Thai test-analysis reports print p, D and r; a dash-like word where the figure cannot be computed. */
const figure = (value: number | null, missing: string) => (value === null ? missing : value.toFixed(2));

/** A pre- or post-test's item analysis, reached from its card on the session page; organizers and managers read it. */
export function ItemAnalysisPage() {
  const { t } = useTranslation();
  const { sessionId = '', assessmentId = '' } = useParams();
  const session = useSession(sessionId);
  const analysis = useItemAnalysis(assessmentId);

  const body = () => {
    if (analysis.isPending) return <Loading />;
    if (analysis.isError) return <ErrorAlert error={analysis.error} onRetry={() => void analysis.refetch()} />;
    const { title, respondents, smallGroup, smallGroupThreshold, kr20, reliabilityItemCount, items } = analysis.data;
    return (
      <>
        <header className="card card--header">
          <p className="eyebrow">{t('itemAnalysis.eyebrow')}</p>
          <h1>{title}</h1>
          <p className="survey-results__respondents">{t('itemAnalysis.respondents', { n: formatCount(respondents) })}</p>
          <p className="note">{t('itemAnalysis.counting')}</p>
          <DownloadButtons what={t('downloads.itemAnalysis')} url={(format) => itemAnalysisExportUrl(assessmentId, format)} />
          {respondents > 0 && (
            <>
              {smallGroup && (
                <p className="note" role="note">
                  {t('itemAnalysis.smallGroup', { threshold: formatCount(smallGroupThreshold) })}
                </p>
              )}
              <p className="survey-results__respondents">
                {t('itemAnalysis.kr20', { value: figure(kr20, t('itemAnalysis.notAvailable')) })}
              </p>
              <p className="note">
                {kr20 === null ? t('itemAnalysis.kr20Missing') : t('itemAnalysis.kr20Definition', { n: formatCount(reliabilityItemCount) })}
              </p>
              <dl className="note">
                <dt>{t('itemAnalysis.difficulty')}</dt>
                <dd>{t('itemAnalysis.difficultyDefinition')}</dd>
                <dt>{t('itemAnalysis.discrimination')}</dt>
                <dd>{t('itemAnalysis.discriminationDefinition')}</dd>
                <dt>{t('itemAnalysis.pointBiserial')}</dt>
                <dd>{t('itemAnalysis.pointBiserialDefinition')}</dd>
              </dl>
            </>
          )}
        </header>
        {respondents === 0 ? (
          <section className="card">
            <p>{t('itemAnalysis.empty')}</p>
            <p className="muted">{t('itemAnalysis.emptyHint')}</p>
          </section>
        ) : (
          items.map((item, index) => <ItemFigures key={item.questionId} number={index + 1} item={item} />)
        )}
      </>
    );
  };

  return (
    <main className="page stack survey-results">
      <p>
        <Link to={sessionPartPath(sessionId, 'tests')}>← {session.data?.title ?? t('itemAnalysis.backToSession')}</Link>
      </p>
      {body()}
    </main>
  );
}

/** One question: its stem and topic, how many got it right, its three figures and what to check. */
function ItemFigures({ number, item }: { number: number; item: Item }) {
  const { t } = useTranslation();
  const headingId = useId();
  const missing = t('itemAnalysis.notAvailable');
  const flags = FLAGS.filter((flag) => item.flags[flag]);
  return (
    <article className="card survey-item" aria-labelledby={headingId}>
      <p className="eyebrow">
        {t('itemAnalysis.itemNumber', { n: formatCount(number) })} · {item.topic}
      </p>
      <h2 id={headingId} className="survey-item__stem">
        {item.stem}
      </h2>
      <p className="muted">{t('itemAnalysis.rightCount', { n: formatCount(item.rightCount) })}</p>
      <ul className="survey-item__figures">
        <li>
          {t('itemAnalysis.difficulty')} {figure(item.difficulty, missing)}
        </li>
        <li>
          {t('itemAnalysis.discrimination')} {figure(item.discrimination, missing)}
        </li>
        <li>
          {t('itemAnalysis.pointBiserial')} {figure(item.pointBiserial, missing)}
        </li>
      </ul>
      {flags.length > 0 && (
        <ul className="note">
          {flags.map((flag) => (
            <li key={flag}>{t(`itemAnalysis.flags.${flag}`)}</li>
          ))}
        </ul>
      )}
    </article>
  );
}

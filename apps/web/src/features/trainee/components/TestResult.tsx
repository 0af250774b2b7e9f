import type { AttemptResult } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatCount, formatPercent } from '../../../lib/numbers';

export function TestResult({ code, result }: { code: string; result: AttemptResult }) {
  const { t } = useTranslation();
  return (
    <main className="page page--narrow stack">
      <section className="card card--ok result" aria-labelledby="result-heading">
        <p className="eyebrow">{t(`assessment.kind.${result.kind}`)}</p>
        <h1 id="result-heading">{t('test.result.heading')}</h1>
        <p className="result__score" data-testid="result-score">
          {t('trainee.score', {
            score: formatCount(result.score),
            max: formatCount(result.maxScore),
            percent: formatPercent(result.percent),
          })}
        </p>
      </section>
      <Link to={`/j/${code}`} className="button button--primary button--block">
        {t('test.result.back')}
      </Link>
    </main>
  );
}

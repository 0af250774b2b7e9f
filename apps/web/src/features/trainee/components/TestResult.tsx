import type { AttemptResult } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AttemptEnd } from '../hooks/use-answer-sync';
import { AttemptOutcome, verdictOf } from './AttemptOutcome';

interface TestResultProps {
  code: string;
  result: AttemptResult;
  /** Set when the phone handed in by itself; the server's reason wins when it names one. */
  endedBy: AttemptEnd | null;
}

export function TestResult({ code, result, endedBy }: TestResultProps) {
  const { t } = useTranslation();
  const finishReason =
    result.finishReason !== 'submitted' ? result.finishReason : endedBy === 'deadline' || endedBy === 'closed' ? endedBy : null;
  return (
    <main className="page page--narrow stack">
      <section className={`card result result--${verdictOf(result.passed)}`} aria-labelledby="result-heading">
        <p className="eyebrow">{t(`trainee.kind.${result.kind}`)}</p>
        <h1 id="result-heading">{t('test.result.heading')}</h1>
        <AttemptOutcome
          kind={result.kind}
          score={result.score}
          maxScore={result.maxScore}
          percent={result.percent}
          passMarkPercent={result.passMarkPercent}
          passed={result.passed}
          prePercent={result.prePercent}
          changeSincePrePoints={result.changeSincePrePoints}
          resultsVisibility={result.resultsVisibility}
          finishReason={finishReason}
          testId="result-score"
          large
        />
      </section>
      <Link to={`/j/${code}`} className="button button--primary button--block">
        {t('test.result.back')}
      </Link>
    </main>
  );
}

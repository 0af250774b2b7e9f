import type { AssessmentKind, FinishReason, ResultsVisibility } from '@sujarit/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../lib/numbers';
import { formatPoints } from '../points';

interface AttemptOutcomeProps {
  kind: AssessmentKind;
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  resultsVisibility: ResultsVisibility;
  finishReason: FinishReason | null;
  /** Names the score for tests; one per test on the session page. */
  testId: string;
  large?: boolean;
}

/** What a trainee may know of a finished attempt: the score or why it is not shown, and how it ended if not by them. */
export function AttemptOutcome(props: AttemptOutcomeProps) {
  const { kind, score, maxScore, percent, resultsVisibility, finishReason, testId, large } = props;
  const { t } = useTranslation();
  const scoreClass = large ? 'result__score' : 'score';
  let main: ReactNode;
  if (kind === 'survey') main = <p className={scoreClass}>{t('trainee.outcome.surveyThanks')}</p>;
  else if (score !== null && maxScore !== null) {
    main = (
      <p className={scoreClass} data-testid={testId}>
        {t('trainee.score', { score: formatPoints(score), max: formatPoints(maxScore), percent: formatPercent(percent) })}
      </p>
    );
  } else if (resultsVisibility === 'after_close') {
    main = <p className="outcome__hidden">{t('trainee.outcome.afterClose')}</p>;
  } else if (resultsVisibility === 'never') {
    main = <p className="outcome__hidden">{t('trainee.outcome.never')}</p>;
  }
  return (
    <>
      {main}
      {finishReason === 'deadline' && <p className="outcome__ended">{t('trainee.outcome.deadline')}</p>}
      {finishReason === 'closed' && <p className="outcome__ended">{t('trainee.outcome.closed')}</p>}
    </>
  );
}

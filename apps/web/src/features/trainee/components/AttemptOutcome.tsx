import type { AssessmentKind, FinishReason, ResultsVisibility } from '@sujarit/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent, formatPoints as formatChange } from '../../../lib/numbers';
import { formatScore } from '../points';

export interface OutcomeFigures {
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  passMarkPercent: number | null;
  passed: boolean | null;
  prePercent: number | null;
  changeSincePrePoints: number | null;
}

interface AttemptOutcomeProps extends OutcomeFigures {
  kind: AssessmentKind;
  resultsVisibility: ResultsVisibility;
  finishReason: FinishReason | null;
  /** Names the score for tests; one per test on the session page. */
  testId: string;
  large?: boolean;
}

/** passed / failed / neutral: the colour of a result follows whether it reached the pass mark, never the mere fact of a score. */
export const verdictOf = (passed: boolean | null) => (passed === null ? 'neutral' : passed ? 'passed' : 'failed');

/**
 * What a trainee may know of a finished attempt: the score in words ("ได้ 14 จาก 18 คะแนน (77.8%)"), whether it
 * reaches the program's pass mark, after a post-test the change since their pre-test; or why the score is not shown,
 * and how the attempt ended if not by them.
 */
export function AttemptOutcome(props: AttemptOutcomeProps) {
  const { kind, score, maxScore, percent, passMarkPercent, passed, prePercent, changeSincePrePoints } = props;
  const { resultsVisibility, finishReason, testId, large } = props;
  const { t } = useTranslation();
  const scoreClass = large ? 'result__score' : 'score';
  let main: ReactNode;
  if (kind === 'survey') main = <p className={scoreClass}>{t('trainee.outcome.surveyThanks')}</p>;
  else if (score !== null && maxScore !== null) {
    const partial = !Number.isInteger(score);
    main = (
      <>
        <p className={scoreClass} data-testid={testId}>
          {t('trainee.score', { score: formatScore(score), max: formatScore(maxScore), percent: formatPercent(percent) })}
        </p>
        {partial && <p className="outcome__note">{t('trainee.outcome.partial')}</p>}
        {passed !== null && passMarkPercent !== null && (
          <p className="outcome__verdict" data-testid={`${testId}-verdict`}>
            <span className="outcome__badge">
              <span aria-hidden="true">{passed ? '✓ ' : '✗ '}</span>
              {t(passed ? 'trainee.outcome.passed' : 'trainee.outcome.notPassed')}
            </span>{' '}
            <span className="outcome__mark">{t('trainee.outcome.passMark', { mark: formatPercent(passMarkPercent) })}</span>
          </p>
        )}
        {kind === 'pre_test' && passed === false && <p className="outcome__note">{t('trainee.outcome.preTestNote')}</p>}
        {changeSincePrePoints !== null && prePercent !== null && (
          <p className="outcome__change" data-testid={`${testId}-change`}>
            {t(changeSincePrePoints > 0 ? 'trainee.outcome.up' : changeSincePrePoints < 0 ? 'trainee.outcome.down' : 'trainee.outcome.same', {
              points: formatChange(changeSincePrePoints),
              pre: formatPercent(prePercent),
              post: formatPercent(percent),
            })}
          </p>
        )}
      </>
    );
  } else if (resultsVisibility === 'after_close') {
    main = <p className="outcome__hidden">{t('trainee.outcome.afterClose')}</p>;
  } else if (resultsVisibility === 'never') {
    main = <p className="outcome__hidden">{t('trainee.outcome.never')}</p>;
  }
  return (
    <div className={`outcome outcome--${verdictOf(passed)}`}>
      {main}
      {finishReason === 'deadline' && <p className="outcome__ended">{t('trainee.outcome.deadline')}</p>}
      {finishReason === 'closed' && <p className="outcome__ended">{t('trainee.outcome.closed')}</p>}
    </div>
  );
}

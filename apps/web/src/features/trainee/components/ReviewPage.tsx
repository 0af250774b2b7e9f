import type { AttemptReview } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, useParams } from 'wouter';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatCount, formatPercent } from '../../../lib/numbers';
import { useReview } from '../api/get-review';
import { isRetryable } from '../api/retryable';
import { normalizeJoinCode, reviewPath } from '../api/trainee-keys';
import { formatPoints } from '../points';
import { OPTION_LETTERS } from './QuestionView';
import '../trainee.css';

/** `/j/:code/review/:attemptId`: after the test closes, each question with the trainee's choice, the key and why. */
export function ReviewPage() {
  const { code: rawCode = '', attemptId = '' } = useParams();
  const code = normalizeJoinCode(rawCode);
  if (code !== rawCode) return <Redirect to={reviewPath(code, attemptId)} replace />;
  return <ReviewLoader code={code} attemptId={attemptId} />;
}

function ReviewLoader({ code, attemptId }: { code: string; attemptId: string }) {
  const { t } = useTranslation();
  const review = useReview(code, attemptId);
  if (review.isPending) return <Loading />;
  if (review.isError) {
    return (
      <main className="page page--narrow stack">
        <ErrorAlert error={review.error} onRetry={isRetryable(review.error) ? () => void review.refetch() : undefined} />
        <Link to={`/j/${code}`} className="button">
          {t('test.result.back')}
        </Link>
      </main>
    );
  }
  return <ReviewView code={code} review={review.data} />;
}

function ReviewView({ code, review }: { code: string; review: AttemptReview }) {
  const { t } = useTranslation();
  return (
    <main className="page page--narrow stack review">
      <header className="card card--header">
        <p className="eyebrow">{t('trainee.review.heading')}</p>
        <h1>{review.title}</h1>
        {review.score !== null && review.maxScore !== null && (
          <p className="score" data-testid="review-score">
            {t('trainee.score', {
              score: formatPoints(review.score),
              max: formatPoints(review.maxScore),
              percent: formatPercent(review.percent),
            })}
          </p>
        )}
      </header>
      <ol className="review__questions">
        {review.questions.map((question, index) => (
          <ReviewQuestion key={question.id} number={index + 1} question={question} />
        ))}
      </ol>
      <Link to={`/j/${code}`} className="button button--primary button--block">
        {t('test.result.back')}
      </Link>
    </main>
  );
}

function ReviewQuestion({ number, question }: { number: number; question: AttemptReview['questions'][number] }) {
  const { t } = useTranslation();
  const scored = question.type !== 'likert';
  const headingId = `review-q-${question.id}`;
  const outcome = !scored ? 'neutral' : question.earned >= question.points ? 'right' : question.earned > 0 ? 'partial' : 'wrong';
  return (
    <li className={`card review-question review-question--${outcome}`} aria-labelledby={headingId}>
      <p className="review-question__number">
        {t('trainee.review.number', { n: formatCount(number) })}
        {scored && (
          <span className="review-question__points">
            {t('trainee.review.points', { earned: formatPoints(question.earned), points: formatPoints(question.points) })}
          </span>
        )}
      </p>
      <h2 className="review-question__stem" id={headingId}>
        {question.stem}
      </h2>
      {question.chosenOptionIds.length === 0 && <p className="review-question__blank">{t('trainee.review.notAnswered')}</p>}
      <ul className="review-options">
        {question.options.map((option, index) => {
          const chosen = question.chosenOptionIds.includes(option.id);
          const correct = scored && option.correct;
          const classes = ['review-option', chosen && 'review-option--chosen', correct && 'review-option--correct']
            .filter(Boolean)
            .join(' ');
          return (
            <li key={option.id} className={classes}>
              <span className="option__letter" aria-hidden="true">
                {question.type === 'likert' ? '' : (OPTION_LETTERS[index] ?? index + 1)}
              </span>
              <span className="review-option__body">
                <span className="review-option__text">{option.text}</span>
                {(chosen || correct) && (
                  <span className="review-option__tags">
                    {chosen && <span className="review-tag review-tag--chosen">{t('trainee.review.yourChoice')}</span>}
                    {correct && <span className="review-tag review-tag--correct">{t('trainee.review.correct')}</span>}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {question.explanation && (
        <div className="review-question__explanation">
          <p className="review-question__explanation-label">{t('trainee.review.explanation')}</p>
          <p>{question.explanation}</p>
        </div>
      )}
    </li>
  );
}

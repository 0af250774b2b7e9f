import type { TraineeAssessmentState } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { formatDate, formatTime } from '../../../lib/dates';
import { formatCount, formatPercent } from '../../../lib/numbers';
import { reviewPath, testPath } from '../api/trainee-keys';
import { AttemptOutcome } from './AttemptOutcome';

interface AssessmentStatusCardProps {
  code: string;
  assessment: TraineeAssessmentState;
}

/** One test or survey of the session: what it is, when it opens, what the trainee may do now, and the result. */
export function AssessmentStatusCard({ code, assessment }: AssessmentStatusCardProps) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const survey = assessment.kind === 'survey';
  const attempt = assessment.myAttempt;
  const at = (iso: string) => ({ date: formatDate(iso), time: formatTime(iso) });

  const facts = [t('trainee.assessment.questions', { n: formatCount(assessment.questionCount) })];
  if (assessment.timeLimitMinutes !== null) {
    facts.push(t('trainee.assessment.timeLimit', { n: formatCount(assessment.timeLimitMinutes) }));
  }
  if (assessment.kind === 'post_test' && assessment.passMarkPercent !== null) {
    facts.push(t('trainee.assessment.passMark', { mark: formatPercent(assessment.passMarkPercent) }));
  }
  // An attempt still being answered is not used up yet: only those handed in (or ended) count.
  if (assessment.attemptsUsed > 0) {
    facts.push(
      t('trainee.assessment.attemptsUsed', {
        used: formatCount(assessment.attemptsUsed),
        allowed: formatCount(assessment.attemptsAllowed),
      }),
    );
  } else if (assessment.attemptsAllowed > 1) {
    facts.push(t('trainee.assessment.attemptsAllowed', { n: formatCount(assessment.attemptsAllowed) }));
  }

  const state = () => {
    switch (assessment.state) {
      case 'draft':
        return <p className="muted">{t(survey ? 'trainee.assessment.waitingSurvey' : 'trainee.assessment.waiting')}</p>;
      case 'scheduled':
        return (
          <p className="assessment-state__when">
            {assessment.opensAt
              ? t('trainee.assessment.opensAt', at(assessment.opensAt))
              : t(survey ? 'trainee.assessment.waitingSurvey' : 'trainee.assessment.waiting')}
          </p>
        );
      case 'closed':
        return <p className="muted">{t(survey ? 'trainee.assessment.closedSurvey' : 'trainee.assessment.closed')}</p>;
      case 'open':
        if (attempt?.submitted) return null;
        return (
          <>
            {assessment.closesAt && <p className="muted">{t('trainee.assessment.closesAt', at(assessment.closesAt))}</p>}
            <button
              type="button"
              className="button button--primary button--block"
              onClick={() => navigate(testPath(code, assessment.id, attempt?.attemptNumber ?? 1))}
            >
              {attempt
                ? t('trainee.assessment.resume')
                : t(survey ? 'trainee.assessment.startSurvey' : 'trainee.assessment.start')}
            </button>
          </>
        );
    }
  };

  return (
    <section className={`card assessment-state assessment-state--${assessment.state}`} aria-label={assessment.title}>
      {/* The kind, unless the title already says it (the default titles do). */}
      {assessment.title !== t(`trainee.kind.${assessment.kind}`) && <p className="eyebrow">{t(`trainee.kind.${assessment.kind}`)}</p>}
      <h2>{assessment.title}</h2>
      <p className="muted assessment-state__facts">{facts.join(' · ')}</p>
      {state()}
      {attempt?.submitted && (
        <div className="assessment-state__outcome">
          <AttemptOutcome
            kind={assessment.kind}
            score={attempt.score}
            maxScore={attempt.maxScore}
            percent={attempt.percent}
            passMarkPercent={assessment.passMarkPercent}
            passed={attempt.passed}
            prePercent={attempt.prePercent}
            changeSincePrePoints={attempt.changeSincePrePoints}
            resultsVisibility={assessment.resultsVisibility}
            finishReason={attempt.finishReason}
            testId={`score-${assessment.id}`}
          />
        </div>
      )}
      {assessment.canRetake && attempt && (
        <button
          type="button"
          className="button button--block"
          onClick={() => navigate(testPath(code, assessment.id, attempt.attemptNumber + 1))}
        >
          {t('trainee.assessment.retake', {
            n: formatCount(attempt.attemptNumber + 1),
            allowed: formatCount(assessment.attemptsAllowed),
          })}
        </button>
      )}
      {assessment.reviewAvailable && attempt && (
        <Link to={reviewPath(code, attempt.id)} className="button button--block">
          {t('trainee.assessment.review')}
        </Link>
      )}
    </section>
  );
}

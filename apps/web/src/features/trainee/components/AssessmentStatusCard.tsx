import type { TraineeAssessmentState } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatCount, formatPercent } from '../../../lib/numbers';

interface AssessmentStatusCardProps {
  code: string;
  assessment: TraineeAssessmentState;
}

export function AssessmentStatusCard({ code, assessment }: AssessmentStatusCardProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const title = t(`assessment.kind.${assessment.kind}`);
  const attempt = assessment.myAttempt;

  const body = () => {
    if (attempt?.submitted) {
      return (
        <p className="score" data-testid={`score-${assessment.kind}`}>
          {t('trainee.score', {
            score: formatCount(attempt.score ?? 0),
            max: formatCount(attempt.maxScore ?? 0),
            percent: formatPercent(attempt.percent),
          })}
        </p>
      );
    }
    if (assessment.status === 'draft') return <p className="muted">{t('trainee.assessment.waiting')}</p>;
    if (assessment.status === 'closed') return <p className="muted">{t('trainee.assessment.closed')}</p>;
    return (
      <button
        type="button"
        className="button button--primary button--block"
        onClick={() => navigate(`/j/${code}/test/${assessment.kind}`)}
      >
        {attempt ? t('trainee.assessment.resume') : t('trainee.assessment.start')}
      </button>
    );
  };

  return (
    <section className={`card assessment-state assessment-state--${assessment.status}`} aria-label={title}>
      <h2>{title}</h2>
      <p className="muted">{t('trainee.assessment.questions', { n: formatCount(assessment.questionCount) })}</p>
      {body()}
    </section>
  );
}

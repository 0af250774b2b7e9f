import type { AssessmentKind, Session } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/dates';
import { formatCount } from '../../../lib/numbers';
import { useCloseAssessment } from '../api/close-assessment';
import { useOpenAssessment } from '../api/open-assessment';

interface AssessmentPanelProps {
  session: Session;
  kind: AssessmentKind;
  canManage: boolean;
}

export function AssessmentPanel({ session, kind, canManage }: AssessmentPanelProps) {
  const { t } = useTranslation();
  const openMutation = useOpenAssessment();
  const closeMutation = useCloseAssessment();
  const assessment = session.assessments.find((a) => a.kind === kind);
  const title = t(`assessment.kind.${kind}`);
  const pending = openMutation.isPending || closeMutation.isPending;

  return (
    <section className="card assessment-panel" aria-label={title}>
      <h2>{title}</h2>
      {!assessment ? (
        <p className="muted">{t('sessions.assessment.missing')}</p>
      ) : (
        <>
          <p>
            <span className={`badge badge--assessment-${assessment.status}`}>
              {t(`sessions.assessment.status.${assessment.status}`)}
            </span>
          </p>
          <dl className="facts">
            <div>
              <dt>{t('sessions.assessment.questionCount')}</dt>
              <dd>{t('sessions.assessment.questions', { n: formatCount(assessment.questionCount) })}</dd>
            </div>
            <div>
              <dt>{t('sessions.assessment.submittedCount')}</dt>
              <dd>{t('sessions.assessment.people', { n: formatCount(assessment.submittedCount) })}</dd>
            </div>
            {assessment.openedAt && (
              <div>
                <dt>{t('sessions.assessment.openedAt')}</dt>
                <dd>{formatDateTime(assessment.openedAt)}</dd>
              </div>
            )}
            {assessment.closedAt && (
              <div>
                <dt>{t('sessions.assessment.closedAt')}</dt>
                <dd>{formatDateTime(assessment.closedAt)}</dd>
              </div>
            )}
          </dl>
          {canManage &&
            (assessment.status === 'open' ? (
              <button
                type="button"
                className="button button--danger"
                disabled={pending}
                onClick={() => closeMutation.mutate({ sessionId: session.id, kind })}
              >
                {t('sessions.assessment.close')}
              </button>
            ) : (
              <button
                type="button"
                className="button button--primary"
                disabled={pending}
                onClick={() => openMutation.mutate({ sessionId: session.id, kind })}
              >
                {t('sessions.assessment.open')}
              </button>
            ))}
          <ErrorAlert error={openMutation.error ?? closeMutation.error} />
        </>
      )}
    </section>
  );
}

import type { AssessmentKind, AssessmentState, AssessmentSummary, Session } from '@sujarit/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/dates';
import { formatCount } from '../../../lib/numbers';
import { useCloseAssessment } from '../api/close-assessment';
import { useDeleteAssessment } from '../api/delete-assessment';
import { useOpenAssessment } from '../api/open-assessment';

/** What the settings and new-survey pages leave for the session page to say once they are done. */
export interface AssessmentNotice {
  notice: string;
}

const KIND_ORDER: Record<AssessmentKind, number> = { pre_test: 0, post_test: 1, survey: 2 };

const STATE_BADGE: Record<AssessmentState, string> = {
  draft: 'badge badge--session-draft',
  scheduled: 'badge badge--session-scheduled',
  open: 'badge badge--assessment-open',
  closed: 'badge badge--assessment-closed',
};

interface AssessmentPanelProps {
  session: Session;
  /** Organizers and admins set, open and close tests and add surveys; managers only watch. */
  canManage: boolean;
}

/** The session's tests and surveys: where each stands, who has taken it, and what the organizer can do next. */
export function AssessmentPanel({ session, canManage }: AssessmentPanelProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const notice = (location.state as Partial<AssessmentNotice> | null)?.notice;
  const assessments = [...session.assessments].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return (
    <section className="stack" aria-labelledby="assessments-heading">
      <div className="page__head">
        <h2 id="assessments-heading">{t('assessments.heading')}</h2>
        {canManage && (
          <Link className="button" to={`/sessions/${encodeURIComponent(session.id)}/surveys/new`}>
            {t('assessments.actions.addSurvey')}
          </Link>
        )}
      </div>
      {notice && (
        <p className="alert alert--ok" role="status">
          {notice}
        </p>
      )}
      {assessments.length === 0 ? (
        <p className="muted">{t('assessments.none')}</p>
      ) : (
        <div className="two-columns">
          {assessments.map((assessment) => (
            <AssessmentCard key={assessment.id} sessionId={session.id} assessment={assessment} canManage={canManage} />
          ))}
        </div>
      )}
    </section>
  );
}

interface AssessmentCardProps {
  sessionId: string;
  assessment: AssessmentSummary;
  canManage: boolean;
}

function AssessmentCard({ sessionId, assessment, canManage }: AssessmentCardProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const kindLabel = t(`assessments.kind.${assessment.kind}`);
  return (
    <section className="card assessment-panel" aria-labelledby={headingId}>
      {assessment.title !== kindLabel && <p className="eyebrow">{kindLabel}</p>}
      <h3 id={headingId}>{assessment.title}</h3>
      <p>
        <span className={STATE_BADGE[assessment.state]}>{t(`assessments.state.${assessment.state}`)}</span>
      </p>
      {assessment.state === 'scheduled' && assessment.opensAt && (
        <p className="note">{t('assessments.scheduledNote', { time: formatDateTime(assessment.opensAt) })}</p>
      )}
      <dl className="facts">
        <div>
          <dt>{t('assessments.facts.questions')}</dt>
          <dd>{t('assessments.facts.questionsValue', { n: formatCount(assessment.questionCount) })}</dd>
        </div>
        <div>
          <dt>{t('assessments.facts.timeLimit')}</dt>
          <dd>
            {assessment.timeLimitMinutes === null
              ? t('assessments.facts.noTimeLimit')
              : t('assessments.facts.minutes', { n: formatCount(assessment.timeLimitMinutes) })}
          </dd>
        </div>
        <div>
          <dt>{t('assessments.facts.started')}</dt>
          <dd>{t('assessments.facts.people', { n: formatCount(assessment.startedCount) })}</dd>
        </div>
        <div>
          <dt>{t('assessments.facts.submitted')}</dt>
          <dd>{t('assessments.facts.people', { n: formatCount(assessment.submittedCount) })}</dd>
        </div>
        <div className="facts__wide">
          <dt>{t('assessments.facts.window')}</dt>
          <dd>
            <Window opensAt={assessment.opensAt} closesAt={assessment.closesAt} />
          </dd>
        </div>
        {assessment.openedAt && (
          <div>
            <dt>{t('assessments.facts.openedAt')}</dt>
            <dd>{formatDateTime(assessment.openedAt)}</dd>
          </div>
        )}
        {assessment.closedAt && (
          <div>
            <dt>{t('assessments.facts.closedAt')}</dt>
            <dd>{formatDateTime(assessment.closedAt)}</dd>
          </div>
        )}
      </dl>
      {assessment.kind === 'survey' && (
        <p>
          <Link
            className="button"
            to={`/sessions/${encodeURIComponent(sessionId)}/surveys/${encodeURIComponent(assessment.id)}/results`}
            aria-describedby={headingId}
          >
            {t('surveyResults.link')}
          </Link>
        </p>
      )}
      {assessment.kind !== 'survey' && (
        <p>
          <Link
            className="button"
            to={`/sessions/${encodeURIComponent(sessionId)}/tests/${encodeURIComponent(assessment.id)}/items`}
            aria-describedby={headingId}
          >
            {t('itemAnalysis.link')}
          </Link>
        </p>
      )}
      {canManage && <AssessmentActions sessionId={sessionId} assessment={assessment} />}
    </section>
  );
}

function Window({ opensAt, closesAt }: { opensAt: string | null; closesAt: string | null }) {
  const { t } = useTranslation();
  if (opensAt && closesAt) {
    return <>{t('assessments.facts.windowBoth', { from: formatDateTime(opensAt), to: formatDateTime(closesAt) })}</>;
  }
  if (opensAt) return <>{t('assessments.facts.windowFrom', { from: formatDateTime(opensAt) })}</>;
  if (closesAt) return <>{t('assessments.facts.windowUntil', { to: formatDateTime(closesAt) })}</>;
  return <>{t('assessments.facts.windowNone')}</>;
}

/** Settings, open or close (closing asks first), and deleting a survey nobody has started. */
function AssessmentActions({ sessionId, assessment }: { sessionId: string; assessment: AssessmentSummary }) {
  const { t } = useTranslation();
  const openMutation = useOpenAssessment();
  const closeMutation = useCloseAssessment();
  const deleteMutation = useDeleteAssessment();
  const [confirming, setConfirming] = useState<'close' | 'delete' | null>(null);
  const questionId = useId();
  const ref = { assessmentId: assessment.id, sessionId };
  const survey = assessment.kind === 'survey';
  const pending = openMutation.isPending || closeMutation.isPending || deleteMutation.isPending;
  const ask = (what: 'close' | 'delete') => {
    openMutation.reset();
    closeMutation.reset();
    deleteMutation.reset();
    setConfirming(what);
  };

  return (
    <div className="stack">
      <div className="button-row">
        <Link
          className="button"
          to={`/sessions/${encodeURIComponent(sessionId)}/assessments/${encodeURIComponent(assessment.id)}`}
          aria-label={t('assessments.actions.settingsOf', { title: assessment.title })}
        >
          {t('assessments.actions.settings')}
        </Link>
        {assessment.status === 'open' ? (
          <button
            type="button"
            className="button button--danger"
            disabled={pending}
            aria-expanded={confirming === 'close'}
            onClick={() => ask('close')}
          >
            {t(survey ? 'assessments.actions.closeSurvey' : 'assessments.actions.closeTest')}
          </button>
        ) : (
          <button
            type="button"
            className={assessment.status === 'draft' ? 'button button--primary' : 'button'}
            disabled={pending}
            onClick={() => {
              setConfirming(null);
              openMutation.mutate(ref);
            }}
          >
            {assessment.status === 'draft'
              ? t(survey ? 'assessments.actions.openSurvey' : 'assessments.actions.openTest')
              : t(survey ? 'assessments.actions.reopenSurvey' : 'assessments.actions.reopenTest')}
          </button>
        )}
        {survey && assessment.startedCount === 0 && (
          <button
            type="button"
            className="button button--danger-outline"
            disabled={pending}
            aria-expanded={confirming === 'delete'}
            onClick={() => ask('delete')}
          >
            {t('assessments.actions.deleteSurvey')}
          </button>
        )}
      </div>
      {confirming === 'close' && assessment.status === 'open' && (
        <CloseConfirm
          assessment={assessment}
          pending={pending}
          onConfirm={() => closeMutation.mutate(ref, { onSuccess: () => setConfirming(null) })}
          onBack={() => setConfirming(null)}
        />
      )}
      {confirming === 'delete' && (
        <div className="confirm-box" role="alertdialog" aria-labelledby={questionId}>
          <p id={questionId}>{t('assessments.delete.question', { title: assessment.title })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              disabled={pending}
              onClick={() => deleteMutation.mutate(ref, { onSuccess: () => setConfirming(null) })}
            >
              {t('assessments.delete.confirm')}
            </button>
            <button type="button" className="button" disabled={pending} onClick={() => setConfirming(null)}>
              {t('assessments.delete.back')}
            </button>
          </div>
        </div>
      )}
      <ErrorAlert error={openMutation.error ?? closeMutation.error ?? deleteMutation.error} />
    </div>
  );
}

interface CloseConfirmProps {
  assessment: AssessmentSummary;
  pending: boolean;
  onConfirm: () => void;
  onBack: () => void;
}

/** The question asked before a test closes: how many are still answering, whose saved answers are handed in for them. */
export function CloseConfirm({ assessment, pending, onConfirm, onBack }: CloseConfirmProps) {
  const { t } = useTranslation();
  const questionId = useId();
  const unsubmitted = Math.max(0, assessment.startedCount - assessment.submittedCount);
  return (
    <div className="confirm-box" role="alertdialog" aria-labelledby={questionId}>
      <p id={questionId}>{t('assessments.close.question', { title: assessment.title })}</p>
      <p>{unsubmitted > 0 ? t('assessments.close.unsubmitted', { n: formatCount(unsubmitted) }) : t('assessments.close.nobodyPending')}</p>
      <div className="button-row">
        <button type="button" className="button button--danger" disabled={pending} onClick={onConfirm}>
          {t('assessments.close.confirm')}
        </button>
        <button type="button" className="button" disabled={pending} onClick={onBack}>
          {t('assessments.close.back')}
        </button>
      </div>
    </div>
  );
}

import { SESSION_STATUS_TRANSITIONS, type Session } from '@sujarit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useChangeSessionStatus } from '../api/change-session-status';
import { useDeleteSession } from '../api/delete-session';
import { EditSessionForm } from './EditSessionForm';

type SessionStatus = Session['status'];

/** Moves forward first, stepping back next, cancelling last (and red). */
const ACTION_ORDER: readonly SessionStatus[] = ['scheduled', 'open', 'completed', 'draft', 'cancelled'];

/** What an organizer may do to a session: edit it, move its status on, cancel or delete it. */
export function SessionManagePanel({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const heading = t('sessionAdmin.manage.heading');
  const editable = session.status !== 'cancelled';
  return (
    <>
      <section className="card stack" aria-label={heading}>
        <h2>{heading}</h2>
        <div className="button-row">
          {editable && (
            <button
              type="button"
              className="button"
              aria-expanded={editing}
              aria-controls={editing ? 'edit-session-heading' : undefined}
              onClick={() => {
                setSaved(false);
                setEditing(!editing);
              }}
            >
              {t('sessionAdmin.manage.edit')}
            </button>
          )}
        </div>
        <div role="status">{saved && <p className="alert alert--ok">{t('sessionAdmin.manage.saved')}</p>}</div>
        <StatusActions session={session} />
        <DeleteSession session={session} />
      </section>
      {editable && editing && (
        <EditSessionForm
          session={session}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      )}
    </>
  );
}

function StatusActions({ session }: { session: Session }) {
  const { t } = useTranslation();
  const statusMutation = useChangeSessionStatus();
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const next = ACTION_ORDER.filter((status) => SESSION_STATUS_TRANSITIONS[session.status].includes(status));
  if (next.length === 0) {
    return <p className="muted">{t('sessionAdmin.manage.final', { status: t(`sessionAdmin.status.${session.status}`) })}</p>;
  }
  const move = (status: SessionStatus) =>
    statusMutation.mutate({ sessionId: session.id, status }, { onSuccess: () => setConfirmingCancel(false) });
  return (
    <div className="stack">
      <div className="button-row" role="group" aria-label={t('sessionAdmin.manage.statusActions')}>
        {next.map((status) => (
          <button
            key={status}
            type="button"
            className={status === 'cancelled' ? 'button button--danger-outline' : status === 'draft' ? 'button' : 'button button--primary'}
            disabled={statusMutation.isPending}
            aria-expanded={status === 'cancelled' ? confirmingCancel : undefined}
            onClick={() => (status === 'cancelled' ? setConfirmingCancel(true) : move(status))}
          >
            {t(`sessionAdmin.actions.${status}`)}
          </button>
        ))}
      </div>
      {confirmingCancel && (
        <div className="confirm-box" role="alertdialog" aria-labelledby="cancel-session-question">
          <p id="cancel-session-question">{t('sessionAdmin.cancel.question')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              disabled={statusMutation.isPending}
              onClick={() => move('cancelled')}
            >
              {t('sessionAdmin.cancel.confirm')}
            </button>
            <button type="button" className="button" disabled={statusMutation.isPending} onClick={() => setConfirmingCancel(false)}>
              {t('sessionAdmin.cancel.back')}
            </button>
          </div>
        </div>
      )}
      <ErrorAlert error={statusMutation.error} />
    </div>
  );
}

/** Deleting is for a session made by mistake; one that people attended is cancelled instead (the API says so). */
function DeleteSession({ session }: { session: Session }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const deleteMutation = useDeleteSession();
  const [confirming, setConfirming] = useState(false);
  const programPage = `/programs/${session.programId}?fiscalYear=${session.fiscalYear}`;
  return (
    <div className="stack">
      {!confirming ? (
        <p>
          <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
            {t('sessionAdmin.delete.button')}
          </button>
        </p>
      ) : (
        <div className="confirm-box" role="alertdialog" aria-labelledby="delete-session-question">
          <p id="delete-session-question">{t('sessionAdmin.delete.question', { title: session.title })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              disabled={deleteMutation.isPending}
              onClick={() => deleteMutation.mutate(session.id, { onSuccess: () => navigate(programPage, { replace: true }) })}
            >
              {t('sessionAdmin.delete.confirm')}
            </button>
            <button
              type="button"
              className="button"
              disabled={deleteMutation.isPending}
              onClick={() => {
                deleteMutation.reset();
                setConfirming(false);
              }}
            >
              {t('sessionAdmin.delete.back')}
            </button>
          </div>
          <ErrorAlert error={deleteMutation.error} />
        </div>
      )}
    </div>
  );
}

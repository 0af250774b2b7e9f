import type { Enrolment, EnrolmentStatusName } from '@sujarit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatTime } from '../../../lib/dates';
import { formatPercent } from '../../../lib/numbers';
import { useChangeEnrolmentStatus, type EnrolmentAction } from '../api/change-enrolment-status';
import { useReleasePhone } from '../api/release-phone';
import { EnrolmentStatusBadge } from './EnrolmentStatusBadge';

type ActionLabel = 'checkIn' | 'absent' | 'withdraw' | 'undoCheckIn' | 'reenrol';

interface RowAction {
  label: ActionLabel;
  to: EnrolmentAction;
  primary?: boolean;
}

const CHECK_IN: RowAction = { label: 'checkIn', to: 'attended', primary: true };
const ABSENT: RowAction = { label: 'absent', to: 'absent' };
const WITHDRAW: RowAction = { label: 'withdraw', to: 'withdrawn' };

/** What can be done from each state; the server still decides (a full session refuses a waitlisted check-in). */
const ACTIONS: Record<EnrolmentStatusName, RowAction[]> = {
  enrolled: [CHECK_IN, ABSENT, WITHDRAW],
  waitlisted: [CHECK_IN, WITHDRAW],
  attended: [{ label: 'undoCheckIn', to: 'enrolled' }],
  absent: [CHECK_IN, WITHDRAW],
  withdrawn: [{ label: 'reenrol', to: 'enrolled' }],
};

interface CheckInRowProps {
  sessionId: string;
  enrolment: Enrolment;
  /** The session asks for personal check-in codes: the organizer reads each person's out at the door. */
  showCheckInCode: boolean;
}

/** One person on the check-in list: who they are, where they stand, and large buttons for a finger. */
export function CheckInRow({ sessionId, enrolment, showCheckInCode }: CheckInRowProps) {
  const { t } = useTranslation();
  const changeMutation = useChangeEnrolmentStatus(sessionId);
  const [moved, setMoved] = useState(false);
  const { person } = enrolment;
  const details = [
    t(`groups.${person.group}`),
    person.village !== null ? t('enrolment.village', { n: person.village }) : null,
    person.school,
  ].filter(Boolean);
  return (
    <li className={`checkin-row checkin-row--${enrolment.status}`}>
      <div className="checkin-row__who">
        <p className="checkin-row__name">
          <span>{person.fullName}</span> <EnrolmentStatusBadge status={enrolment.status} waitlistPosition={enrolment.waitlistPosition} />
        </p>
        <p className="checkin-row__meta">{details.join(' · ')}</p>
        {(showCheckInCode || enrolment.onPhone) && (
          <p className="checkin-row__meta">
            {showCheckInCode && (
              <span>
                {t('enrolment.checkInCode')} <strong className="checkin-row__code">{enrolment.checkInCode}</strong>
              </span>
            )}
            {showCheckInCode && enrolment.onPhone && ' · '}
            {enrolment.onPhone && <span>{t('enrolment.onPhone')}</span>}
          </p>
        )}
        <p className="checkin-row__meta">
          {enrolment.checkedInAt && <span>{t('enrolment.checkedInAt', { time: formatTime(enrolment.checkedInAt) })} · </span>}
          {t('enrolment.scores', { pre: formatPercent(enrolment.prePercent), post: formatPercent(enrolment.postPercent) })}
        </p>
      </div>
      <div className="checkin-row__actions">
        {ACTIONS[enrolment.status].map((action) => {
          const label = t(`enrolment.action.${action.label}`);
          return (
            <button
              key={action.label}
              type="button"
              className={action.primary ? 'button button--primary' : 'button'}
              aria-label={t('enrolment.action.label', { action: label, name: person.fullName })}
              disabled={changeMutation.isPending}
              aria-busy={changeMutation.isPending && changeMutation.variables.status === action.to ? true : undefined}
              onClick={() => changeMutation.mutate({ enrolmentId: enrolment.id, status: action.to })}
            >
              {label}
            </button>
          );
        })}
        {enrolment.onPhone && (
          <MoveToNewPhone sessionId={sessionId} enrolmentId={enrolment.id} name={person.fullName} onMoved={() => setMoved(true)} />
        )}
      </div>
      {moved && !enrolment.onPhone && (
        <p className="checkin-row__note" role="status">
          {t('enrolment.moveToNewPhone.done')}
        </p>
      )}
      {changeMutation.isError && (
        <div className="checkin-row__error">
          <ErrorAlert error={changeMutation.error} />
        </div>
      )}
    </li>
  );
}

/**
 * ย้ายไปเครื่องใหม่, after a confirmation: the phone holding the check-in loses it, and the person checks in again by
 * name on the new phone. Their answers stay with the enrolment.
 */
interface MoveToNewPhoneProps {
  sessionId: string;
  enrolmentId: string;
  name: string;
  onMoved: () => void;
}

function MoveToNewPhone({ sessionId, enrolmentId, name, onMoved }: MoveToNewPhoneProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const release = useReleasePhone(sessionId);
  if (!confirming) {
    return (
      <button
        type="button"
        className="button"
        aria-label={t('enrolment.action.label', { action: t('enrolment.moveToNewPhone.action'), name })}
        onClick={() => setConfirming(true)}
      >
        {t('enrolment.moveToNewPhone.action')}
      </button>
    );
  }
  return (
    <div className="checkin-row__confirm" role="group" aria-label={t('enrolment.moveToNewPhone.action')}>
      <p>{t('enrolment.moveToNewPhone.confirmText', { name })}</p>
      <button
        type="button"
        className="button button--primary"
        disabled={release.isPending}
        aria-busy={release.isPending || undefined}
        onClick={() =>
          release.mutate(enrolmentId, {
            onSuccess: () => {
              setConfirming(false);
              onMoved();
            },
          })
        }
      >
        {t('enrolment.moveToNewPhone.confirm')}
      </button>
      <button type="button" className="button" disabled={release.isPending} onClick={() => setConfirming(false)}>
        {t('enrolment.moveToNewPhone.cancel')}
      </button>
      <ErrorAlert error={release.error} />
    </div>
  );
}

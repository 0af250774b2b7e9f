import type { Enrolment, EnrolmentStatusName } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatTime } from '../../../lib/dates';
import { formatPercent } from '../../../lib/numbers';
import { useChangeEnrolmentStatus, type EnrolmentAction } from '../api/change-enrolment-status';
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

/** One person on the check-in list: who they are, where they stand, and large buttons for a finger. */
export function CheckInRow({ sessionId, enrolment }: { sessionId: string; enrolment: Enrolment }) {
  const { t } = useTranslation();
  const changeMutation = useChangeEnrolmentStatus(sessionId);
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
      </div>
      {changeMutation.isError && (
        <div className="checkin-row__error">
          <ErrorAlert error={changeMutation.error} />
        </div>
      )}
    </li>
  );
}

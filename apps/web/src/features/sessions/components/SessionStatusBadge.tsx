import type { Session } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../lib/numbers';

export function SessionStatusBadge({ status }: { status: Session['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge badge--session-${status}`}>{t(`sessionAdmin.status.${status}`)}</span>;
}

/** The right-hand side of a session in a list: its status and seats taken. */
export function SessionStatusAndSeats({ session }: { session: Pick<Session, 'status' | 'attendedCount' | 'capacity'> }) {
  const { t } = useTranslation();
  return (
    <>
      <SessionStatusBadge status={session.status} />
      <p>
        {t('sessions.attendedOfCapacity', {
          attended: formatCount(session.attendedCount),
          capacity: formatCount(session.capacity),
        })}
      </p>
    </>
  );
}

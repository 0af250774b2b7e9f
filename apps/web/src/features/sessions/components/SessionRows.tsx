import type { Session } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatTimeRange } from '../../../lib/dates';
import { OverlapFlag } from './OverlapWarning';
import { SessionStatusAndSeats } from './SessionStatusBadge';

/** Sessions of every program in date order, one card each, as readable on a phone as on a desk. */
export function SessionRows({ sessions }: { sessions: Session[] }) {
  const { t } = useTranslation();
  return (
    <ul className="session-rows" aria-label={t('sessionAdmin.views.list')}>
      {sessions.map((session) => (
        <li key={session.id} className={`card session-row session-row--${session.status}`}>
          <p className="session-row__when">{formatTimeRange(session.startsAt, session.endsAt)}</p>
          <div className="session-row__main">
            <Link to={`/sessions/${session.id}`} className="session-row__title">
              {session.title}
            </Link>
            <p className="muted">
              <span className="code">{t('sessionAdmin.list.programCode', { code: session.programCode })}</span> ·{' '}
              {session.venue}
            </p>
            <OverlapFlag overlaps={session.overlaps} />
          </div>
          <div className="session-row__side">
            <SessionStatusAndSeats session={session} />
          </div>
        </li>
      ))}
    </ul>
  );
}

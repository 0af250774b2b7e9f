import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatTimeRange } from '../../../lib/dates';
import { useSessionList } from '../api/get-sessions';
import { OverlapFlag } from './OverlapWarning';
import { SessionStatusAndSeats } from './SessionStatusBadge';

interface ProgramSessionsProps {
  programId: string;
  fiscalYear: number;
}

export function ProgramSessions({ programId, fiscalYear }: ProgramSessionsProps) {
  const { t } = useTranslation();
  const sessions = useSessionList({ programId, fiscalYear });
  return (
    <section className="stack" aria-labelledby="program-sessions-heading">
      <h2 id="program-sessions-heading">{t('sessions.listTitle', { year: fiscalYear })}</h2>
      {sessions.isPending && <Loading />}
      <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      {sessions.data?.sessions.length === 0 && <p className="muted">{t('sessions.empty')}</p>}
      {sessions.data && sessions.data.sessions.length > 0 && (
        <ul className="session-list">
          {sessions.data.sessions.map((session) => (
            <li key={session.id} className="card session-list__item">
              <div className="session-list__main">
                <Link to={`/sessions/${session.id}`} className="session-list__title">
                  {session.title}
                </Link>
                <p>{formatTimeRange(session.startsAt, session.endsAt)}</p>
                <p className="muted">{session.venue}</p>
                <OverlapFlag overlaps={session.overlaps} />
              </div>
              <div className="session-list__side">
                <SessionStatusAndSeats session={session} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

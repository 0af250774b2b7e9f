import type { Session } from '@sujarit/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Tabs } from '../../../components/Tabs';
import { formatTimeRange } from '../../../lib/dates';
import { formatCount } from '../../../lib/numbers';
import { useAttendees } from '../api/get-attendees';
import { useSession } from '../api/get-session';
import { AssessmentPanel } from './AssessmentPanel';
import { AttendeeTable } from './AttendeeTable';
import { JoinPanel } from './JoinPanel';
import { OverlapWarning } from './OverlapWarning';
import { SessionManagePanel } from './SessionManagePanel';
import { SessionExpenses } from './SessionExpenses';
import { SessionStatusBadge } from './SessionStatusBadge';
import { SESSION_PARTS, sessionPartOf, type SessionPart } from './session-parts';

interface SessionPageProps {
  sessionId: string;
  /** Organizers and admins edit the session, move its status and open and close tests; managers only watch. */
  canManage: boolean;
  /** The enrolment list that replaces the read-only attendee table, composed in src/app. */
  attendance?: ReactNode;
  /** The certificates part (เกียรติบัตร), composed in src/app. */
  certificates?: ReactNode;
}

export function SessionPage({ sessionId, canManage, attendance, certificates }: SessionPageProps) {
  const { t } = useTranslation();
  const session = useSession(sessionId);
  const [params, setParams] = useSearchParams();
  const part = sessionPartOf(params.get('part'));

  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;
  // Each part is a new entry in the history, so the back button returns to the part before.
  const openPart = (next: SessionPart) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'overview') updated.delete('part');
        else updated.set('part', next);
        return updated;
      },
      { preventScrollReset: true },
    );

  return (
    <main className="page stack">
      <p>
        {canManage ? (
          <Link to={`/programs/${s.programId}?fiscalYear=${s.fiscalYear}`}>
            ← {s.programCode} {s.programName}
          </Link>
        ) : (
          <span className="muted">
            {s.programCode} {s.programName}
          </span>
        )}
      </p>
      <header className="card card--header">
        <p className="eyebrow">{t('common.fiscalYearOption', { year: s.fiscalYear })}</p>
        <h1>{s.title}</h1>
        <dl className="facts">
          <div className="facts__wide">
            <dt>{t('sessions.when')}</dt>
            <dd>{formatTimeRange(s.startsAt, s.endsAt)}</dd>
          </div>
          <div className="facts__wide">
            <dt>{t('sessions.venue')}</dt>
            <dd>{s.venue}</dd>
          </div>
          <div>
            <dt>{t('sessions.attended')}</dt>
            <dd>
              {t('sessions.attendedOfCapacity', { attended: formatCount(s.attendedCount), capacity: formatCount(s.capacity) })}
            </dd>
          </div>
          <div>
            <dt>{t('sessions.statusLabel')}</dt>
            <dd>
              <SessionStatusBadge status={s.status} />
            </dd>
          </div>
        </dl>
      </header>
      <Tabs
        label={t('sessions.parts.label')}
        tabs={SESSION_PARTS.map((id) => ({ id, label: t(`sessions.parts.${id}`) }))}
        selected={part}
        onSelect={openPart}
        idPrefix="session-part"
      >
        {part === 'overview' && <OverviewPart session={s} canManage={canManage} />}
        {part === 'people' && (
          <>
            {attendance ?? <AttendeesPart sessionId={s.id} />}
            {certificates}
          </>
        )}
        {part === 'tests' && <AssessmentPanel session={s} canManage={canManage} />}
        {part === 'money' && (
          <>
            <SpeakersCard session={s} />
            <SessionExpenses session={s} canManage={canManage} />
          </>
        )}
      </Tabs>
    </main>
  );
}

/** How the session runs (who may walk in, whether a code is asked), its clashes, what the organizer can do, and how phones join. */
function OverviewPart({ session: s, canManage }: { session: Session; canManage: boolean }) {
  const { t } = useTranslation();
  const heading = t('sessions.parts.details');
  return (
    <>
      <section className="card stack session-details" aria-label={heading}>
        <h2>{heading}</h2>
        <dl className="facts">
          <div className="facts__wide">
            <dt>{t('sessionAdmin.details.walkIns')}</dt>
            <dd>{t(s.allowWalkIns ? 'sessionAdmin.details.walkInsAllowed' : 'sessionAdmin.details.walkInsNotAllowed')}</dd>
          </div>
          <div className="facts__wide">
            <dt>{t('sessionAdmin.details.checkInCode')}</dt>
            <dd>{t(s.requireCheckInCode ? 'sessionAdmin.details.checkInCodeRequired' : 'sessionAdmin.details.checkInCodeNotRequired')}</dd>
          </div>
          {s.notes && (
            <div className="facts__wide">
              <dt>{t('sessionAdmin.details.notes')}</dt>
              <dd className="session-notes">{s.notes}</dd>
            </div>
          )}
        </dl>
      </section>
      <OverlapWarning overlaps={s.overlaps} />
      {canManage && <SessionManagePanel session={s} />}
      <JoinPanel session={s} />
      <p className="live-link">
        <Link className="button button--primary" to={`/sessions/${encodeURIComponent(s.id)}/live`} aria-describedby="live-link-hint">
          {t('live.link')}
        </Link>{' '}
        <span id="live-link-hint" className="muted">
          {t('live.linkHint')}
        </span>
      </p>
    </>
  );
}

/** Who is enrolled and who came, read-only: what a manager sees in place of the organizer's check-in desk. */
function AttendeesPart({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const attendees = useAttendees(sessionId, true);
  return (
    <section className="stack" aria-labelledby="attendees-heading">
      <h2 id="attendees-heading">{t('sessions.attendees.heading')}</h2>
      {attendees.isPending && <Loading />}
      <ErrorAlert error={attendees.error} />
      {attendees.data && <AttendeeTable attendees={attendees.data.attendees} />}
    </section>
  );
}

/** The speakers, beside what the session cost: their fees are most of it. */
function SpeakersCard({ session: s }: { session: Session }) {
  const { t } = useTranslation();
  const heading = t('sessionAdmin.details.speakers');
  return (
    <section className="card stack session-speakers" aria-labelledby="session-speakers-heading">
      <h2 id="session-speakers-heading">{heading}</h2>
      {s.speakers.length === 0 ? (
        <p className="muted">{t('sessionAdmin.details.noSpeakers')}</p>
      ) : (
        <ul className="speaker-list">
          {s.speakers.map((speaker, index) => (
            <li key={index}>
              {speaker.name}
              {speaker.affiliation && <span className="muted"> · {speaker.affiliation}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

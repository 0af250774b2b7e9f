import { ASSESSMENT_KINDS, type TraineeSession } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, useParams } from 'wouter';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/dates';
import { useTraineeSession } from '../api/get-trainee-session';
import { normalizeJoinCode } from '../api/trainee-keys';
import { AssessmentStatusCard } from './AssessmentStatusCard';
import { JoinForm } from './JoinForm';
import { SessionInfo } from './SessionInfo';
import { ShareToLine } from './ShareToLine';
import '../trainee.css';

export function TraineeSessionPage() {
  const { code: rawCode = '' } = useParams();
  const code = normalizeJoinCode(rawCode);
  if (code !== rawCode) return <Redirect to={`/j/${code}`} replace />;
  return <TraineeSessionView code={code} />;
}

function TraineeSessionView({ code }: { code: string }) {
  const { t } = useTranslation();
  const session = useTraineeSession(code);

  if (session.isPending) return <Loading />;
  if (!session.data) {
    const notFound = isApiError(session.error) && session.error.status === 404;
    return (
      <main className="page page--narrow stack">
        <ErrorAlert error={session.error} onRetry={notFound ? undefined : () => void session.refetch()} />
        <Link to="/j" className="button">
          {t('trainee.enterCode.again')}
        </Link>
      </main>
    );
  }

  const s = session.data;
  return (
    <main className="page page--narrow stack">
      {/* A failed poll keeps the last good view on screen; a weak line in the hall is normal. */}
      {session.isError &&
        (isApiError(session.error) && session.error.status === 429 ? (
          <ErrorAlert error={session.error} />
        ) : (
          <p className="alert alert--warning">{t('trainee.connectionLost')}</p>
        ))}
      <SessionInfo session={s} />
      {s.noLongerJoined && !s.me && (
        <div className="alert alert--warning" role="alert">
          <p>
            <strong>{t('trainee.noLongerJoined.heading')}</strong>
          </p>
          <p>{t('trainee.noLongerJoined.body')}</p>
        </div>
      )}
      {s.me ? (
        <Joined code={code} session={s} me={s.me} />
      ) : s.acceptingWalkIns ? (
        <JoinForm
          code={code}
          walkInsAllowed={s.walkInsAllowed}
          checkInCodeRequired={s.checkInCodeRequired}
          youthProgram={s.youthProgram}
        />
      ) : (
        <p className="alert alert--warning">{t('trainee.join.closed')}</p>
      )}
      <ShareToLine code={code} />
    </main>
  );
}

interface JoinedProps {
  code: string;
  session: TraineeSession;
  me: NonNullable<TraineeSession['me']>;
}

function Joined({ code, session, me }: JoinedProps) {
  const { t } = useTranslation();
  // Pre-test, post-test, then the surveys in the server's order (sort is stable).
  const assessments = [...session.assessments].sort(
    (a, b) => ASSESSMENT_KINDS.indexOf(a.kind) - ASSESSMENT_KINDS.indexOf(b.kind),
  );
  return (
    <>
      <section className="card card--ok" aria-label={t('trainee.joined.heading')}>
        <p className="joined__name">{t('trainee.joined.name', { name: me.fullName })}</p>
        {me.checkedInAt && <p className="muted">{t('trainee.joined.checkedInAt', { time: formatDateTime(me.checkedInAt) })}</p>}
      </section>
      {assessments.map((assessment) => (
        <AssessmentStatusCard key={assessment.id} code={code} assessment={assessment} />
      ))}
    </>
  );
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, useParams, useSearchParams } from 'wouter';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { isApiError } from '../../../lib/api-client';
import { useTraineeSession } from '../api/get-trainee-session';
import { isRetryable } from '../api/retryable';
import { useAttempt } from '../api/start-attempt';
import { normalizeJoinCode, testPath } from '../api/trainee-keys';
import { clearStoredAttempt } from '../hooks/use-answer-sync';
import { TestRunner } from './TestRunner';
import '../trainee.css';

/** `/j/:code/test/:assessmentId?attempt=N`: takes attempt N of one test or survey. */
export function TestPage() {
  const { code: rawCode = '', assessmentId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const code = normalizeJoinCode(rawCode);
  const attemptNumber = Number(searchParams.get('attempt'));
  const validNumber = Number.isInteger(attemptNumber) && attemptNumber >= 1;
  if (code !== rawCode) {
    return <Redirect to={testPath(code, assessmentId, validNumber ? attemptNumber : undefined)} replace />;
  }
  if (!validNumber) return <CurrentAttempt code={code} assessmentId={assessmentId} />;
  return (
    <AttemptLoader
      key={`${assessmentId}.${attemptNumber}`}
      code={code}
      assessmentId={assessmentId}
      attemptNumber={attemptNumber}
    />
  );
}

/** A link without an attempt number (typed or old): resume the unfinished attempt, else start the first. */
function CurrentAttempt({ code, assessmentId }: { code: string; assessmentId: string }) {
  const session = useTraineeSession(code, { poll: false });
  if (session.isPending) return <Loading />;
  const assessment = session.data?.assessments.find((a) => a.id === assessmentId);
  if (!assessment) return <Redirect to={`/j/${code}`} replace />;
  const latest = assessment.myAttempt;
  if (latest?.submitted) return <Redirect to={`/j/${code}`} replace />;
  return <Redirect to={testPath(code, assessmentId, latest?.attemptNumber ?? 1)} replace />;
}

interface AttemptLoaderProps {
  code: string;
  assessmentId: string;
  attemptNumber: number;
}

function AttemptLoader({ code, assessmentId, attemptNumber }: AttemptLoaderProps) {
  const { t } = useTranslation();
  const loaded = useAttempt(code, assessmentId, attemptNumber);
  const submitted = loaded.data?.attempt.submitted ?? false;
  const attemptId = loaded.data?.attempt.id;

  useEffect(() => {
    // The server holds this attempt as handed in: the phone's copy has nothing left to deliver.
    if (submitted && attemptId) clearStoredAttempt(attemptId);
  }, [submitted, attemptId]);

  if (loaded.isPending) return <Loading />;
  if (loaded.isError) {
    // Not registered on this phone yet: the session page has the form for it.
    if (isApiError(loaded.error) && loaded.error.code === 'NOT_JOINED') return <Redirect to={`/j/${code}`} replace />;
    return (
      <main className="page page--narrow stack">
        <ErrorAlert error={loaded.error} onRetry={isRetryable(loaded.error) ? () => void loaded.refetch() : undefined} />
        <Link to={`/j/${code}`} className="button">
          {t('test.result.back')}
        </Link>
      </main>
    );
  }
  // Already handed in: the result is on the session page.
  if (submitted) return <Redirect to={`/j/${code}`} replace />;
  const { attempt, clockOffsetMs } = loaded.data;
  return <TestRunner key={attempt.id} code={code} attempt={attempt} clockOffsetMs={clockOffsetMs} />;
}


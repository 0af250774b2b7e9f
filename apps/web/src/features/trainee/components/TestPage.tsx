import { ASSESSMENT_KINDS, type AssessmentKind } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { isApiError } from '../../../lib/api-client';
import { useAttempt } from '../api/start-attempt';
import { normalizeJoinCode } from '../api/trainee-keys';
import { TestRunner } from './TestRunner';

const isAssessmentKind = (value: string | undefined): value is AssessmentKind =>
  (ASSESSMENT_KINDS as readonly (string | undefined)[]).includes(value);

export function TestPage() {
  const { code: rawCode = '', kind } = useParams();
  const code = normalizeJoinCode(rawCode);
  if (!isAssessmentKind(kind)) return <Navigate to={`/j/${code}`} replace />;
  if (code !== rawCode) return <Navigate to={`/j/${code}/test/${kind}`} replace />;
  return <AttemptLoader code={code} kind={kind} />;
}

function AttemptLoader({ code, kind }: { code: string; kind: AssessmentKind }) {
  const { t } = useTranslation();
  const attempt = useAttempt(code, kind);

  if (attempt.isPending) return <Loading />;
  if (attempt.isError) {
    // Not registered on this phone yet: the session page has the form for it.
    if (isApiError(attempt.error) && attempt.error.code === 'NOT_JOINED') return <Navigate to={`/j/${code}`} replace />;
    return (
      <main className="page page--narrow stack">
        <ErrorAlert error={attempt.error} onRetry={isRetryable(attempt.error) ? () => void attempt.refetch() : undefined} />
        <Link to={`/j/${code}`} className="button">
          {t('test.result.back')}
        </Link>
      </main>
    );
  }
  // Already handed in: the score is on the session page.
  if (attempt.data.submitted) return <Navigate to={`/j/${code}`} replace />;
  return <TestRunner key={attempt.data.id} code={code} attempt={attempt.data} />;
}

const isRetryable = (error: unknown) => !isApiError(error) || error.isNetworkError || error.status >= 500;

import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useAssessment } from '../api/get-assessment';
import { useBankQuestions } from '../api/get-bank-questions';
import { useSession } from '../api/get-session';
import { AssessmentSettingsForm } from './AssessmentSettingsForm';
import type { AssessmentNotice } from './AssessmentPanel';
import { sessionPartPath } from './session-parts';

/** One test's settings, reached from the session page's "ตั้งค่า"; saving goes back there. */
export function AssessmentSettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sessionId = '', assessmentId = '' } = useParams();
  const session = useSession(sessionId);
  const assessment = useAssessment(assessmentId);
  const bank = useBankQuestions(assessment.data?.programId);
  // Back to the tests part, where the organizer came from and where the notice shows.
  const sessionPage = sessionPartPath(sessionId, 'tests');

  const body = () => {
    if (assessment.isPending || (assessment.isSuccess && bank.isPending)) return <Loading />;
    if (assessment.isError) return <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />;
    if (bank.isError) return <ErrorAlert error={bank.error} onRetry={() => void bank.refetch()} />;
    const detail = assessment.data;
    const preTest = session.data?.assessments.find((a) => a.kind === 'pre_test');
    return (
      <>
        <h1>{t('assessments.settings.heading', { title: detail.title })}</h1>
        <section className="card">
          <AssessmentSettingsForm
            key={detail.id}
            detail={detail}
            bank={bank.data ?? []}
            preTestQuestionCount={preTest?.questionCount}
            onCancel={() => navigate(sessionPage)}
            onSaved={(saved) =>
              navigate(sessionPage, { state: { notice: t('assessments.saved', { title: saved.title }) } satisfies AssessmentNotice })
            }
          />
        </section>
      </>
    );
  };

  return (
    <main className="page stack">
      <p>
        <Link to={sessionPage}>← {session.data?.title ?? t('assessments.backToSession')}</Link>
      </p>
      {body()}
    </main>
  );
}

import { SATISFACTION_SURVEY_TOPIC } from '@sujarit/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SubmitButton, TextField } from '../../../components/fields';
import { Loading } from '../../../components/Loading';
import { useCreateSurvey } from '../api/create-survey';
import { useBankQuestions, type PickableQuestion } from '../api/get-bank-questions';
import { useSession } from '../api/get-session';
import { bankTopics, selectionFormValues, type BankTopic } from './assessment-selection';
import { toSurveyRequest, useSurveyFormSchema, type SurveyFormValues } from './assessment-settings-form';
import type { AssessmentNotice } from './AssessmentPanel';
import { QuestionSelectionFields } from './QuestionSelectionFields';
import { placeServerIssues, ServerErrorSummary } from './ServerErrorSummary';
import { FormLevelError } from './SessionFormFields';
import { sessionPartPath } from './session-parts';

/** A survey added to a session: a title and its Likert items; its times are set afterwards like any test's. */
export function NewSurveyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sessionId = '' } = useParams();
  const session = useSession(sessionId);
  const bank = useBankQuestions(session.data?.programId);
  // Back to the tests part, where the organizer came from and where the notice shows.
  const sessionPage = sessionPartPath(sessionId, 'tests');

  const body = () => {
    if (session.isPending || (session.isSuccess && bank.isPending)) return <Loading />;
    if (session.isError) return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
    if (bank.isError) return <ErrorAlert error={bank.error} onRetry={() => void bank.refetch()} />;
    return (
      <NewSurveyForm
        sessionId={sessionId}
        bank={bank.data ?? []}
        onCancel={() => navigate(sessionPage)}
        onCreated={(title) => navigate(sessionPage, { state: { notice: t('assessments.surveyAdded', { title }) } satisfies AssessmentNotice })}
      />
    );
  };

  return (
    <main className="page stack">
      <p>
        <Link to={sessionPage}>← {session.data?.title ?? t('assessments.backToSession')}</Link>
      </p>
      <h1>{t('assessments.newSurvey.heading')}</h1>
      {body()}
    </main>
  );
}

interface NewSurveyFormProps {
  sessionId: string;
  bank: PickableQuestion[];
  onCreated: (title: string) => void;
  onCancel: () => void;
}

/** The satisfaction items of the bank come ticked; any other Likert items when the program has no such topic. */
function defaultSurveyItems(topics: BankTopic[]): string[] {
  const likert = topics.flatMap((topic) => topic.questions).filter((question) => question.type === 'likert');
  const satisfaction = likert.filter((question) => question.topic === SATISFACTION_SURVEY_TOPIC);
  return (satisfaction.length > 0 ? satisfaction : likert).map((question) => question.id);
}

function NewSurveyForm({ sessionId, bank, onCreated, onCancel }: NewSurveyFormProps) {
  const { t } = useTranslation();
  const createMutation = useCreateSurvey();
  const [unplacedError, setUnplacedError] = useState<unknown>(null);
  const topics = useMemo(() => bankTopics(bank), [bank]);
  const schema = useSurveyFormSchema(topics);
  const [defaultValues] = useState<SurveyFormValues>(() => ({
    title: t('assessments.newSurvey.defaultTitle'),
    ...selectionFormValues({ mode: 'fixed', questionIds: defaultSurveyItems(topics) }, topics),
  }));
  const heading = t('assessments.newSurvey.heading');
  return (
    <section className="card">
      <Form
        schema={schema}
        aria-label={heading}
        defaultValues={defaultValues}
        onSubmit={(values, form) => {
          setUnplacedError(null);
          createMutation.mutate(
            { sessionId, survey: toSurveyRequest(values, topics) },
            {
              onSuccess: (created) => onCreated(created.title),
              onError: (error) => setUnplacedError(placeServerIssues(error, values, form.setError)),
            },
          );
        }}
      >
        <ServerErrorSummary error={unplacedError} />
        <TextField name="title" label={t('assessments.newSurvey.title')} hint={t('assessments.newSurvey.hint')} autoComplete="off" />
        <QuestionSelectionFields kind="survey" topics={topics} />
        <FormLevelError />
        <div className="button-row">
          <SubmitButton pending={createMutation.isPending} pendingLabel={t('common.saving')}>
            {t('assessments.newSurvey.submit')}
          </SubmitButton>
          <button type="button" className="button" disabled={createMutation.isPending} onClick={onCancel}>
            {t('assessments.settings.cancel')}
          </button>
        </div>
      </Form>
    </section>
  );
}

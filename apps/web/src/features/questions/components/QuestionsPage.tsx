import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCreateQuestion } from '../api/create-question';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import type { QuestionNotice } from './QuestionCard';
import { EMPTY_QUESTION, QuestionForm } from './QuestionForm';
import { QuestionList } from './QuestionList';

/** A program's question bank: questions by topic, a form to add one, import from GIFT, Moodle XML or CSV, and export. */
export function QuestionsPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const createMutation = useCreateQuestion(programId);
  const [notice, setNotice] = useState<QuestionNotice | null>(null);
  const pageNotice = notice && !notice.lineageId ? notice.text : null;
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (pageNotice) noticeRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [pageNotice]);
  return (
    <main className="page stack">
      <p>
        <Link to={`/programs/${encodeURIComponent(programId)}`}>← {t('questionBank.backToProgram')}</Link>
      </p>
      <h1>{t('questionBank.title')}</h1>
      {pageNotice && (
        <p ref={noticeRef} className="alert alert--ok" role="status">
          {pageNotice}
        </p>
      )}
      <div className="people-layout">
        <section className="stack" aria-labelledby="bank-list-heading">
          <h2 id="bank-list-heading">{t('questionBank.listHeading')}</h2>
          <QuestionList programId={programId} notice={notice} onNotice={setNotice} />
        </section>
        <div className="stack">
          <section className="card stack" aria-labelledby="add-question-heading">
            <h2 id="add-question-heading">{t('questionBank.add.heading')}</h2>
            <QuestionForm
              programId={programId}
              label={t('questionBank.add.heading')}
              submitLabel={t('questionBank.add.submit')}
              defaultValues={EMPTY_QUESTION}
              pending={createMutation.isPending}
              onSubmit={(input, reset) =>
                createMutation.mutate(input, {
                  onSuccess: () => {
                    setNotice({ text: t('questionBank.add.added') });
                    reset();
                  },
                })
              }
            >
              <ErrorAlert error={createMutation.error} />
            </QuestionForm>
          </section>
          <ImportPanel programId={programId} />
          <ExportPanel programId={programId} />
        </div>
      </div>
    </main>
  );
}

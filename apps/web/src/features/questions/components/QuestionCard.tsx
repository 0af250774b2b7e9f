import type { BankQuestion } from '@sujarit/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useDeleteQuestion } from '../api/delete-question';
import { useUpdateQuestion } from '../api/update-question';
import { QuestionForm, formValuesOf } from './QuestionForm';
import { QuestionOptions } from './QuestionOptions';

/** What the page tells about a question just saved: shown on that question's card, found by its lineage. */
export interface QuestionNotice {
  text: string;
  lineageId?: string;
}

interface QuestionCardProps {
  question: BankQuestion;
  notice: QuestionNotice | null;
  onNotice: (notice: QuestionNotice) => void;
}

/** One question: its options with the right ones marked, its explanation, points and version; edit or delete it. */
export function QuestionCard({ question, notice, onNotice }: QuestionCardProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const updateMutation = useUpdateQuestion(question.programId);
  const deleteMutation = useDeleteQuestion(question.programId);
  const myNotice = notice && !question.archived && notice.lineageId === question.lineageId ? notice.text : null;
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // A used question comes back as a new card; the message must be seen where the organizer is looking.
    if (myNotice) noticeRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [myNotice]);

  if (editing) {
    return (
      <li className="card stack bank-question">
        <QuestionForm
          programId={question.programId}
          label={t('questionBank.edit.heading', { stem: question.stem })}
          submitLabel={t('questionBank.edit.submit')}
          pending={updateMutation.isPending}
          defaultValues={formValuesOf(question)}
          onSubmit={(input) =>
            updateMutation.mutate(
              { id: question.id, input },
              {
                onSuccess: (saved) => {
                  setEditing(false);
                  onNotice({
                    lineageId: saved.lineageId,
                    text: saved.id !== question.id ? t('questionBank.edit.newVersion', { n: saved.version }) : t('questionBank.edit.saved'),
                  });
                },
              },
            )
          }
        >
          <ErrorAlert error={updateMutation.error} />
          <button type="button" className="button" onClick={() => setEditing(false)}>
            {t('questionBank.cancel')}
          </button>
        </QuestionForm>
      </li>
    );
  }

  return (
    <li className="card stack bank-question">
      {myNotice && (
        <p ref={noticeRef} className="alert alert--ok" role="status">
          {myNotice}
        </p>
      )}
      <p className="bank-question__meta">
        <span className="badge">{t(`questionBank.types.${question.type}`)}</span>
        <span className="muted">{question.type === 'likert' ? t('questionBank.noPoints') : t('questionBank.points', { n: question.points })}</span>
        <span className="muted">{t('questionBank.version', { n: question.version })}</span>
        {question.used && <span className="badge">{t('questionBank.used')}</span>}
        {question.archived && <span className="badge">{t('questionBank.archived')}</span>}
      </p>
      <p className="bank-question__stem">{question.stem}</p>
      <QuestionOptions type={question.type} options={question.options} />
      {question.followUpOutcome && (
        <p className="note">
          {t('questionBank.followUpOutcomeLabel')}: {question.followUpOutcome}
        </p>
      )}
      {question.explanation && (
        <p className="note bank-question__explanation">
          {t('questionBank.explanationLabel')}: {question.explanation}
        </p>
      )}
      {!question.archived && (
        <div className="button-row">
          <button type="button" className="button button--small" onClick={() => setEditing(true)}>
            {t('questionBank.edit.button')}
          </button>
          {!confirming && (
            <button type="button" className="button button--small button--danger-outline" onClick={() => setConfirming(true)}>
              {t('questionBank.delete.button')}
            </button>
          )}
        </div>
      )}
      {confirming && (
        <div className="confirm-box stack" role="group" aria-label={t('questionBank.delete.button')}>
          <p>{t('questionBank.delete.warning')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              disabled={deleteMutation.isPending}
              onClick={() =>
                deleteMutation.mutate(question.id, {
                  onSuccess: ({ outcome }) => onNotice({ text: t(`questionBank.delete.${outcome}`) }),
                })
              }
            >
              {t('questionBank.delete.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('questionBank.cancel')}
            </button>
          </div>
          <ErrorAlert error={deleteMutation.error} />
        </div>
      )}
    </li>
  );
}

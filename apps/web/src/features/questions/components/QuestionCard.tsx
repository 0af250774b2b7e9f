import type { BankQuestion } from '@sujarit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useDeleteQuestion } from '../api/delete-question';
import { useUpdateQuestion } from '../api/update-question';
import { QuestionForm } from './QuestionForm';

interface QuestionCardProps {
  question: BankQuestion;
  onNotice: (notice: string) => void;
}

/** One question: its options with the right one marked, its explanation and version; edit or delete it. */
export function QuestionCard({ question, onNotice }: QuestionCardProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const updateMutation = useUpdateQuestion(question.programId);
  const deleteMutation = useDeleteQuestion(question.programId);
  const correct = new Set(question.correctOptionIds);

  if (editing) {
    return (
      <li className="card stack bank-question">
        <QuestionForm
          label={t('questionBank.edit.heading', { stem: question.stem })}
          submitLabel={t('questionBank.edit.submit')}
          points={question.points}
          pending={updateMutation.isPending}
          defaultValues={{
            topic: question.topic,
            type: question.type,
            stem: question.stem,
            options: question.options.map((o) => ({ text: o.text })),
            correctIndex: String(question.options.findIndex((o) => correct.has(o.id))),
            explanation: question.explanation,
          }}
          onSubmit={(input) =>
            updateMutation.mutate(
              { id: question.id, input },
              {
                onSuccess: (saved) => {
                  setEditing(false);
                  onNotice(
                    saved.id !== question.id
                      ? t('questionBank.edit.newVersion', { n: saved.version })
                      : t('questionBank.edit.saved'),
                  );
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
      <p className="bank-question__meta">
        <span className="muted">{t('questionBank.version', { n: question.version })}</span>
        {question.used && <span className="badge">{t('questionBank.used')}</span>}
      </p>
      <p className="bank-question__stem">{question.stem}</p>
      <ol className="bank-question__options">
        {question.options.map((option) => (
          <li key={option.id} className={correct.has(option.id) ? 'bank-question__option--correct' : undefined}>
            {option.text}
            {correct.has(option.id) && <strong> ✓ {t('questionBank.correctMark')}</strong>}
          </li>
        ))}
      </ol>
      {question.explanation && (
        <p className="note">
          {t('questionBank.explanationLabel')}: {question.explanation}
        </p>
      )}
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
                  onSuccess: ({ outcome }) => onNotice(t(`questionBank.delete.${outcome}`)),
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

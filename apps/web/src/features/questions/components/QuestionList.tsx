import type { BankQuestion } from '@sujarit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useQuestions } from '../api/get-questions';
import { QuestionCard, type QuestionNotice } from './QuestionCard';

function byTopic(questions: BankQuestion[]): [string, BankQuestion[]][] {
  const groups = new Map<string, BankQuestion[]>();
  for (const question of questions) groups.set(question.topic, [...(groups.get(question.topic) ?? []), question]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'th'));
}

interface QuestionListProps {
  programId: string;
  notice: QuestionNotice | null;
  onNotice: (notice: QuestionNotice) => void;
}

/** The program's questions, grouped by topic; the archived ones (older versions, used ones deleted) on request. */
export function QuestionList({ programId, notice, onNotice }: QuestionListProps) {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const query = useQuestions(programId, showArchived);
  return (
    <div className="stack">
      <label className="checkbox">
        <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
        <span>{t('questionBank.showArchived')}</span>
      </label>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.questions.length === 0 ? (
        <p className="note">{t('questionBank.empty')}</p>
      ) : (
        byTopic(query.data.questions).map(([topic, group]) => (
          <section key={topic} className="stack" aria-label={topic}>
            <h3>
              {topic} <span className="muted">({t('questionBank.count', { n: group.filter((q) => !q.archived).length })})</span>
            </h3>
            <ul className="bank-questions stack">
              {group.map((question) => (
                <QuestionCard key={question.id} question={question} notice={notice} onNotice={onNotice} />
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}

import type { BankQuestion } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useQuestions } from '../api/get-questions';
import { QuestionCard } from './QuestionCard';

function byTopic(questions: BankQuestion[]): [string, BankQuestion[]][] {
  const groups = new Map<string, BankQuestion[]>();
  for (const question of questions) groups.set(question.topic, [...(groups.get(question.topic) ?? []), question]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'th'));
}

/** The program's questions, grouped by topic. */
export function QuestionList({ programId, onNotice }: { programId: string; onNotice: (notice: string) => void }) {
  const { t } = useTranslation();
  const query = useQuestions(programId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const questions = query.data.questions.filter((q) => !q.archived);
  if (questions.length === 0) return <p className="note">{t('questionBank.empty')}</p>;
  return (
    <div className="stack">
      {byTopic(questions).map(([topic, group]) => (
        <section key={topic} className="stack" aria-label={topic}>
          <h3>
            {topic} <span className="muted">({t('questionBank.count', { n: group.length })})</span>
          </h3>
          <ul className="bank-questions stack">
            {group.map((question) => (
              <QuestionCard key={question.id} question={question} onNotice={onNotice} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

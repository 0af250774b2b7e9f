import type { TraineeAttempt } from '@sujarit/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../../components/ProgressBar';
import { formatCount, percentOf } from '../../../lib/numbers';
import { useSubmitAttempt } from '../api/submit-attempt';
import { useAnswerSync } from '../hooks/use-answer-sync';
import { QuestionView } from './QuestionView';
import { SaveStatusNote } from './SaveStatusNote';
import { SubmitConfirm } from './SubmitConfirm';
import { TestResult } from './TestResult';

interface TestRunnerProps {
  code: string;
  attempt: TraineeAttempt;
}

/** One question per screen; every choice is kept on the phone and saved to the server as it is made. */
export function TestRunner({ code, attempt }: TestRunnerProps) {
  const { t } = useTranslation();
  const { answers, choose, status, errorMessage, forget } = useAnswerSync(code, attempt);
  const submitMutation = useSubmitAttempt(code);
  const questions = attempt.questions;
  const firstUnanswered = () => Math.max(0, questions.findIndex((q) => answers[q.id] === undefined));
  const [index, setIndex] = useState(firstUnanswered);
  const [confirming, setConfirming] = useState(false);
  const counterRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // A new question is a new screen: start at its top and let a screen reader hear where we are.
    window.scrollTo({ top: 0 });
    counterRef.current?.focus({ preventScroll: true });
  }, [index]);

  if (submitMutation.data) return <TestResult code={code} result={submitMutation.data} />;
  if (questions.length === 0) return <p className="alert alert--warning">{t('test.empty')}</p>;

  const question = questions[index];
  const isLast = index === questions.length - 1;
  const answeredCount = questions.filter((q) => answers[q.id] !== undefined).length;
  const unanswered = questions.length - answeredCount;

  const goTo = (next: number) => {
    setConfirming(false);
    setIndex(Math.max(0, Math.min(questions.length - 1, next)));
  };

  const submit = () =>
    submitMutation.mutate(
      {
        code,
        attemptId: attempt.id,
        answers: Object.fromEntries(Object.entries(answers).map(([questionId, optionId]) => [questionId, [optionId]])),
      },
      { onSuccess: forget },
    );

  return (
    <main className="page page--narrow test">
      <div className="test__head">
        <p className="eyebrow">{t(`assessment.kind.${attempt.kind}`)}</p>
        <h1 className="test__counter" ref={counterRef} tabIndex={-1}>
          {t('test.counter', { current: formatCount(index + 1), total: formatCount(questions.length) })}
        </h1>
        <ProgressBar
          value={percentOf(answeredCount, questions.length)}
          label={t('test.answered', { n: formatCount(answeredCount), total: formatCount(questions.length) })}
        />
        <div className="test__meta">
          <span className="muted">
            {t('test.answered', { n: formatCount(answeredCount), total: formatCount(questions.length) })}
          </span>
          <SaveStatusNote status={status} errorMessage={errorMessage} />
        </div>
      </div>

      <QuestionView
        key={question.id}
        question={question}
        chosenOptionId={answers[question.id]}
        onChoose={(optionId) => choose(question.id, optionId)}
      />

      {confirming ? (
        <SubmitConfirm
          unanswered={unanswered}
          pending={submitMutation.isPending}
          error={submitMutation.error}
          onConfirm={submit}
          onCancel={() => setConfirming(false)}
          onGoToUnanswered={() => goTo(firstUnanswered())}
        />
      ) : (
        <nav className="test__nav" aria-label={t('test.navigation')}>
          <button type="button" className="button" disabled={index === 0} onClick={() => goTo(index - 1)}>
            {t('test.previous')}
          </button>
          {isLast ? (
            <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
              {t('test.submit')}
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={() => goTo(index + 1)}>
              {t('test.next')}
            </button>
          )}
        </nav>
      )}
    </main>
  );
}

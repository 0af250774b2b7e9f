import type { TraineeAttempt } from '@sujarit/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../../components/ProgressBar';
import { isApiError } from '../../../lib/api-client';
import { formatCount, percentOf } from '../../../lib/numbers';
import { isRetryable, isServerBusy } from '../api/retryable';
import { pendingSubmitOf, useSubmitAttempt } from '../api/submit-attempt';
import { isAnswered, useAnswerSync, type AttemptEnd, type ChosenOptions } from '../hooks/use-answer-sync';
import { useCountdown } from '../hooks/use-countdown';
import { Countdown } from './Countdown';
import { QuestionView } from './QuestionView';
import { QueuedSubmit } from './QueuedSubmit';
import { SaveStatusNote } from './SaveStatusNote';
import { SubmitConfirm } from './SubmitConfirm';
import { SubmittedElsewhere } from './SubmittedElsewhere';
import { TestResult } from './TestResult';
import { TimeUp } from './TimeUp';

interface TestRunnerProps {
  code: string;
  attempt: TraineeAttempt;
  clockOffsetMs: number;
}

/** How long to wait before handing in again when the last try found no connection. */
const AUTO_SUBMIT_RETRY_MS = 5_000;

/** Every answer the phone holds, in question order (a stable body keeps the retry's Idempotency-Key). */
const submissionOf = (attempt: TraineeAttempt, answers: ChosenOptions) =>
  Object.fromEntries(attempt.questions.filter((q) => answers[q.id] !== undefined).map((q) => [q.id, answers[q.id]]));

/** Another phone with a copy of this one's sign-in handed the attempt in first. */
const isSubmittedElsewhere = (error: unknown) => isApiError(error) && error.code === 'ATTEMPT_SUBMITTED_ELSEWHERE';

/**
 * One question per screen; every choice is kept on the phone and saved to the server as it is made.
 * When the time runs out, or the server says the attempt is over, the phone hands in what it holds by itself.
 * A hand-in made with no connection waits on the phone (through a reload too) and is sent when the line returns.
 */
export function TestRunner({ code, attempt, clockOffsetMs }: TestRunnerProps) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState<AttemptEnd | null>(null);
  const endAttempt = useCallback((end: AttemptEnd) => setEnding((current) => current ?? end), []);
  const { answers, choose, status, errorMessage, stop, forget } = useAnswerSync(code, attempt, endAttempt);
  const remainingMs = useCountdown(attempt.deadlineAt, clockOffsetMs, () => endAttempt('deadline'));
  const submitMutation = useSubmitAttempt(code);
  const { mutate: submitAttempt } = submitMutation;
  const questions = attempt.questions;
  const isSurvey = attempt.kind === 'survey';
  const firstUnanswered = () => Math.max(0, questions.findIndex((q) => !isAnswered(answers, q.id)));
  const [index, setIndex] = useState(firstUnanswered);
  const [confirming, setConfirming] = useState(false);
  const counterRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // A new question is a new screen: start at its top and let a screen reader hear where we are.
    window.scrollTo({ top: 0 });
    counterRef.current?.focus({ preventScroll: true });
  }, [index]);

  // The trainee handed in and the line was down (in this visit, or before a reload): the answers are locked.
  const [queued, setQueued] = useState(() => pendingSubmitOf(attempt.id) !== null);
  // Why the last hand-in is waiting: no line, or a server that said "not now" (the page words it accordingly).
  const [waitingFor, setWaitingFor] = useState<'line' | 'server'>('line');
  const submit = useCallback(
    () =>
      submitAttempt(
        { code, attemptId: attempt.id, answers: submissionOf(attempt, answers) },
        {
          onSuccess: forget,
          onError: (error) => {
            // Another phone handed this attempt in: nothing of this one's can count any more, so its copy goes.
            if (isSubmittedElsewhere(error)) {
              stop();
              forget();
              return;
            }
            // No connection, or a server saying "not now" (503 while its database restarts, 502/504 from a proxy while
            // a process restarts): the hand-in waits on the phone and goes by itself. A refusal or another server
            // error stays on screen to act on.
            const lineDown = isApiError(error) && error.isNetworkError;
            if (!lineDown && !isServerBusy(error)) return;
            stop();
            setWaitingFor(lineDown ? 'line' : 'server');
            setQueued(true);
          },
        },
      ),
    [answers, attempt, code, forget, stop, submitAttempt],
  );

  // Reopened with a hand-in still waiting: send it again at once, changing nothing (once; later tries are below).
  const resumedRef = useRef(!queued);
  useEffect(() => {
    if (!queued || resumedRef.current) return;
    resumedRef.current = true;
    stop();
    submit();
  }, [queued, stop, submit]);

  // The attempt is over: stop saving and hand in at once what the phone holds; the server keeps what it saved.
  // Only the moment the attempt ends starts this; retries are the effect below.
  const handingInRef = useRef(false);
  useEffect(() => {
    if (!ending || handingInRef.current) return;
    handingInRef.current = true;
    stop();
    submit();
  }, [ending, stop, submit]);

  const failedOnTheLine = (ending !== null || queued) && submitMutation.isError && isRetryable(submitMutation.error);
  useEffect(() => {
    if (!failedOnTheLine) return;
    const timer = window.setTimeout(submit, AUTO_SUBMIT_RETRY_MS);
    window.addEventListener('online', submit);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('online', submit);
    };
  }, [failedOnTheLine, submit]);

  if (submitMutation.data) {
    return <TestResult code={code} result={submitMutation.data} endedBy={ending} />;
  }
  if (isSubmittedElsewhere(submitMutation.error)) {
    return <SubmittedElsewhere code={code} error={submitMutation.error} />;
  }
  if (ending) {
    return (
      <TimeUp
        code={code}
        ending={ending}
        pending={submitMutation.isPending}
        error={submitMutation.error}
        waitingForLine={failedOnTheLine}
        onRetry={submit}
      />
    );
  }
  if (queued) {
    return <QueuedSubmit pending={submitMutation.isPending} waitingFor={waitingFor} waitingForLine={failedOnTheLine} onRetry={submit} />;
  }
  if (questions.length === 0) return <p className="alert alert--warning">{t('test.empty')}</p>;

  const question = questions[index];
  const isLast = index === questions.length - 1;
  const answeredCount = questions.filter((q) => isAnswered(answers, q.id)).length;
  const unanswered = questions.length - answeredCount;

  const goTo = (next: number) => {
    setConfirming(false);
    setIndex(Math.max(0, Math.min(questions.length - 1, next)));
  };

  return (
    <main className="page page--narrow test">
      {remainingMs !== null && <Countdown remainingMs={remainingMs} />}
      <div className="test__head">
        <p className="eyebrow">
          {attempt.title}
          {attempt.attemptNumber > 1 && ` · ${t('trainee.attemptNumber', { n: formatCount(attempt.attemptNumber) })}`}
        </p>
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
        chosen={answers[question.id] ?? []}
        onChoose={(optionIds) => choose(question.id, optionIds)}
      />

      {confirming ? (
        <SubmitConfirm
          unanswered={unanswered}
          survey={isSurvey}
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

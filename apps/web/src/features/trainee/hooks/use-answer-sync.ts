import type { TraineeAttempt } from '@sujarit/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import * as z from 'zod/mini';
import { isApiError, type ApiErrorCode } from '../../../lib/api-client';
import { useSaveAnswer } from '../api/save-answer';
import { forgetAttemptCopy } from '../api/start-attempt';
import { forgetPendingSubmit } from '../api/submit-attempt';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'offline' | 'error';

/** Chosen option ids per question id: one for single choice, true/false and Likert, any number for multiple choice. */
export type ChosenOptions = Record<string, string[]>;

/** Why the server stopped taking answers for this attempt, as a save learned it. */
export type AttemptEnd = 'deadline' | 'closed' | 'submitted';

/** Save refusals that mean the attempt is over, not that the answer is bad. */
const ENDING_CODES: Partial<Record<ApiErrorCode, AttemptEnd>> = {
  ATTEMPT_DEADLINE_PASSED: 'deadline',
  ASSESSMENT_NOT_OPEN: 'closed',
  ATTEMPT_ALREADY_SUBMITTED: 'submitted',
};

const StoredAttemptSchema = z.object({
  // Phones that saved before multiple choice existed kept one option id per question.
  answers: z.record(z.string(), z.union([z.array(z.string()), z.pipe(z.string(), z.transform((optionId) => [optionId]))])),
  unsaved: z.array(z.string()),
});
type StoredAttempt = z.output<typeof StoredAttemptSchema>;

const storageKey = (attemptId: string) => `sujarit.attempt.${attemptId}`;
const OFFLINE_RETRY_MS = 10_000;

function readStored(attemptId: string): StoredAttempt | null {
  try {
    const raw = localStorage.getItem(storageKey(attemptId));
    if (!raw) return null;
    const parsed = StoredAttemptSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function writeStored(attemptId: string, stored: StoredAttempt): void {
  try {
    localStorage.setItem(storageKey(attemptId), JSON.stringify(stored));
  } catch {
    // Storage full or blocked (private mode): the answers still live in memory and on the server.
  }
}

/** The attempt is handed in: its answers, the phone's copy of its questions and a waiting hand-in go. */
export function clearStoredAttempt(attemptId: string): void {
  forgetAttemptCopy(attemptId);
  forgetPendingSubmit(attemptId);
  try {
    localStorage.removeItem(storageKey(attemptId));
  } catch {
    // Nothing to clean up when storage is blocked.
  }
}

const sameOptions = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((id) => b?.includes(id));

export const isAnswered = (answers: ChosenOptions, questionId: string) => (answers[questionId]?.length ?? 0) > 0;

/** What the server saved, overlaid with what this phone chose since (which may not have reached the server). */
function initialAnswers(attempt: TraineeAttempt): { answers: ChosenOptions; unsaved: Set<string> } {
  const questionIds = new Set(attempt.questions.map((q) => q.id));
  const answers: ChosenOptions = {};
  for (const [questionId, optionIds] of Object.entries(attempt.answers)) {
    if (optionIds.length > 0) answers[questionId] = optionIds;
  }
  const unsaved = new Set<string>();
  const stored = readStored(attempt.id);
  for (const [questionId, optionIds] of Object.entries(stored?.answers ?? {})) {
    if (!questionIds.has(questionId)) continue;
    if (!sameOptions(answers[questionId], optionIds)) unsaved.add(questionId);
    answers[questionId] = optionIds;
  }
  return { answers, unsaved };
}

/**
 * Keeps every answer on the phone (localStorage, by attempt id) and saves it to the server at once,
 * one request at a time so a later choice never lands before an earlier one. Answers that could not
 * be sent are sent again when the phone comes back online. When a save is refused because the attempt
 * is over (deadline, test closed, submitted elsewhere), `onEnded` says so; the answers stay on the phone.
 */
export function useAnswerSync(code: string, attempt: TraineeAttempt, onEnded: (end: AttemptEnd) => void) {
  const [initial] = useState(() => initialAnswers(attempt));
  const [answers, setAnswers] = useState<ChosenOptions>(initial.answers);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const answersRef = useRef(initial.answers);
  const unsavedRef = useRef(initial.unsaved);
  const statusRef = useRef<SaveStatus>('idle');
  const queueRef = useRef<Promise<void>>(Promise.resolve());
  /** Set once the server takes no more answers: nothing more is sent, but everything stays stored. */
  const endedRef = useRef(false);
  /** Set once the attempt is submitted: nothing may write its answers back to storage after that. */
  const finishedRef = useRef(false);
  const onEndedRef = useRef(onEnded);
  useEffect(() => {
    onEndedRef.current = onEnded;
  }, [onEnded]);
  const { mutateAsync: save } = useSaveAnswer();
  const attemptId = attempt.id;

  const report = useCallback((next: SaveStatus, message: string | null = null) => {
    statusRef.current = next;
    setStatus(next);
    setErrorMessage(message);
  }, []);

  const persist = useCallback(() => {
    if (!finishedRef.current) writeStored(attemptId, { answers: answersRef.current, unsaved: [...unsavedRef.current] });
  }, [attemptId]);

  const sendOne = useCallback(
    async (questionId: string) => {
      if (endedRef.current || finishedRef.current || !unsavedRef.current.has(questionId)) return;
      const optionIds = answersRef.current[questionId] ?? [];
      report('saving');
      try {
        await save({ code, attemptId, questionId, optionIds });
        if (sameOptions(answersRef.current[questionId], optionIds)) unsavedRef.current.delete(questionId);
        persist();
        report(unsavedRef.current.size === 0 ? 'saved' : 'saving');
      } catch (error) {
        const end = isApiError(error) ? ENDING_CODES[error.code] : undefined;
        if (end) {
          endedRef.current = true;
          report('idle');
          onEndedRef.current(end);
        } else if (isApiError(error) && error.isNetworkError) report('offline');
        else report('error', isApiError(error) ? error.message : null);
      }
    },
    [attemptId, code, persist, report, save],
  );

  const enqueue = useCallback(
    (questionId: string) => {
      queueRef.current = queueRef.current.then(() => sendOne(questionId));
    },
    [sendOne],
  );

  const flush = useCallback(() => {
    for (const questionId of unsavedRef.current) enqueue(questionId);
  }, [enqueue]);

  const choose = useCallback(
    (questionId: string, optionIds: string[]) => {
      if (endedRef.current || finishedRef.current) return;
      answersRef.current = { ...answersRef.current, [questionId]: optionIds };
      setAnswers(answersRef.current);
      unsavedRef.current.add(questionId);
      persist();
      enqueue(questionId);
    },
    [enqueue, persist],
  );

  useEffect(() => {
    persist();
    flush();
    const onOnline = () => flush();
    const onOffline = () => {
      if (unsavedRef.current.size > 0) report('offline');
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    // 'online' does not fire when the network was up but the server unreachable, so try again now and then.
    const timer = window.setInterval(() => {
      if (statusRef.current === 'offline' && unsavedRef.current.size > 0) flush();
    }, OFFLINE_RETRY_MS);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      window.clearInterval(timer);
    };
  }, [flush, persist, report]);

  /** Stops sending (the attempt is being handed in); every answer stays stored until the server confirms. */
  const stop = useCallback(() => {
    endedRef.current = true;
  }, []);

  /** The server confirmed the submission: only now may the phone's copy go. */
  const forget = useCallback(() => {
    finishedRef.current = true;
    clearStoredAttempt(attemptId);
  }, [attemptId]);

  return { answers, choose, status, errorMessage, stop, forget };
}

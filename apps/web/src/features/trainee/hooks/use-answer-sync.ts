import type { TraineeAttempt } from '@sujarit/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { isApiError } from '../../../lib/api-client';
import { useSaveAnswer } from '../api/save-answer';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'offline' | 'error';

/** Chosen option id per question id. Questions here take one option each. */
export type ChosenOptions = Record<string, string>;

const StoredAttemptSchema = z.object({
  answers: z.record(z.string(), z.string()),
  unsaved: z.array(z.string()),
});
type StoredAttempt = z.infer<typeof StoredAttemptSchema>;

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

export function clearStoredAttempt(attemptId: string): void {
  try {
    localStorage.removeItem(storageKey(attemptId));
  } catch {
    // Nothing to clean up when storage is blocked.
  }
}

/** What the server saved, overlaid with what this phone chose since (which may not have reached the server). */
function initialAnswers(attempt: TraineeAttempt): { answers: ChosenOptions; unsaved: Set<string> } {
  const questionIds = new Set(attempt.questions.map((q) => q.id));
  const answers: ChosenOptions = {};
  for (const [questionId, optionIds] of Object.entries(attempt.answers)) {
    if (optionIds[0]) answers[questionId] = optionIds[0];
  }
  const unsaved = new Set<string>();
  const stored = readStored(attempt.id);
  for (const [questionId, optionId] of Object.entries(stored?.answers ?? {})) {
    if (!questionIds.has(questionId)) continue;
    if (answers[questionId] !== optionId) unsaved.add(questionId);
    answers[questionId] = optionId;
  }
  return { answers, unsaved };
}

/**
 * Keeps every answer on the phone (localStorage, by attempt id) and saves it to the server at once,
 * one request at a time so a later choice never lands before an earlier one. Answers that could not
 * be sent are sent again when the phone comes back online.
 */
export function useAnswerSync(code: string, attempt: TraineeAttempt) {
  const [initial] = useState(() => initialAnswers(attempt));
  const [answers, setAnswers] = useState<ChosenOptions>(initial.answers);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const answersRef = useRef(initial.answers);
  const unsavedRef = useRef(initial.unsaved);
  const statusRef = useRef<SaveStatus>('idle');
  const queueRef = useRef<Promise<void>>(Promise.resolve());
  /** Set once the attempt is submitted: nothing may write its answers back to storage after that. */
  const finishedRef = useRef(false);
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
      if (finishedRef.current || !unsavedRef.current.has(questionId)) return;
      const optionId = answersRef.current[questionId];
      report('saving');
      try {
        await save({ code, attemptId, questionId, optionIds: [optionId] });
        if (answersRef.current[questionId] === optionId) unsavedRef.current.delete(questionId);
        persist();
        report(unsavedRef.current.size === 0 ? 'saved' : 'saving');
      } catch (error) {
        if (isApiError(error) && error.isNetworkError) report('offline');
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
    (questionId: string, optionId: string) => {
      answersRef.current = { ...answersRef.current, [questionId]: optionId };
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

  const forget = useCallback(() => {
    finishedRef.current = true;
    clearStoredAttempt(attemptId);
  }, [attemptId]);

  return { answers, choose, status, errorMessage, forget };
}

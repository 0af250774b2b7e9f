import {
  answersTakenUntil,
  attemptEnd,
  attemptOrder,
  countingAttempts,
  countingScores,
  countingSurveyAttempt,
  DEADLINE_GRACE_SECONDS,
  effectiveDeadline,
  firstDeadline,
  inAttemptOrder,
  isPastGrace,
  reviewAvailable,
  scoreMeaning,
  testState,
  visibleScore,
} from './attempts';

const at = (time: string) => new Date(`2026-01-20T${time}+07:00`);

describe('the state of a test', () => {
  const window = { opensAt: at('09:00:00'), closesAt: at('10:00:00') };

  it('is the status while draft or closed by hand, whatever the window says', () => {
    expect(testState({ status: 'draft', ...window }, at('09:30:00'))).toBe('draft');
    expect(testState({ status: 'closed', ...window }, at('09:30:00'))).toBe('closed');
  });

  it('narrows an open test by its window: scheduled before 09:00, open from 09:00, closed from 10:00 sharp', () => {
    expect(testState({ status: 'open', ...window }, at('08:59:59'))).toBe('scheduled');
    expect(testState({ status: 'open', ...window }, at('09:00:00'))).toBe('open');
    expect(testState({ status: 'open', ...window }, at('09:59:59'))).toBe('open');
    expect(testState({ status: 'open', ...window }, at('10:00:00'))).toBe('closed');
    expect(testState({ status: 'open', opensAt: null, closesAt: null }, at('23:00:00'))).toBe('open');
  });
});

describe('deadlines', () => {
  it('gives a new attempt its time limit from its start, cut short by the closing time', () => {
    // Started 09:40 with 30 minutes: 10:10, but the test closes at 10:00.
    expect(firstDeadline({ timeLimitMinutes: 30, closesAt: at('10:00:00') }, at('09:40:00'))).toEqual(at('10:00:00'));
    // Started 09:20 with 30 minutes: 09:50, before the close.
    expect(firstDeadline({ timeLimitMinutes: 30, closesAt: at('10:00:00') }, at('09:20:00'))).toEqual(at('09:50:00'));
    expect(firstDeadline({ timeLimitMinutes: null, closesAt: null }, at('09:20:00'))).toBeNull();
    expect(firstDeadline({ timeLimitMinutes: 15, closesAt: null }, at('09:20:00'))).toEqual(at('09:35:00'));
  });

  it('takes the earlier of the attempt’s own deadline and the closing time, which the organizer may move later', () => {
    expect(effectiveDeadline(at('09:50:00'), at('09:45:00'))).toEqual(at('09:45:00'));
    expect(effectiveDeadline(at('09:50:00'), at('11:00:00'))).toEqual(at('09:50:00'));
    expect(effectiveDeadline(null, at('11:00:00'))).toEqual(at('11:00:00'));
    expect(effectiveDeadline(at('09:50:00'), null)).toEqual(at('09:50:00'));
    expect(effectiveDeadline(null, null)).toBeNull();
  });

  it('takes answers until 30 s after the deadline, and not a millisecond later', () => {
    expect(DEADLINE_GRACE_SECONDS).toBe(30);
    expect(answersTakenUntil(at('09:50:00'))).toEqual(at('09:50:30'));
    expect(answersTakenUntil(null)).toBeNull();
    expect(isPastGrace(at('09:50:00'), at('09:50:30'))).toBe(false);
    expect(isPastGrace(at('09:50:00'), new Date(at('09:50:30').getTime() + 1))).toBe(true);
    expect(isPastGrace(null, at('23:59:59'))).toBe(false);
  });
});

describe('how an attempt stands', () => {
  const test = { closesAt: at('10:00:00') };

  it('ends as recorded once submitted, whatever the clock says', () => {
    const submitted = { deadlineAt: at('09:50:00'), submittedAt: at('09:45:10'), finishReason: 'submitted' as const };
    expect(attemptEnd(submitted, test, at('11:00:00'))).toEqual({ at: at('09:45:10'), reason: 'submitted', recorded: true });
  });

  it('is open until the deadline’s grace ends, then ended at the deadline itself, though nobody wrote it down yet', () => {
    const open = { deadlineAt: at('09:50:00'), submittedAt: null, finishReason: null };
    expect(attemptEnd(open, test, at('09:50:30'))).toBeNull();
    expect(attemptEnd(open, test, at('09:50:31'))).toEqual({ at: at('09:50:00'), reason: 'deadline', recorded: false });
    // A closing time moved earlier than the attempt's own deadline ends it at the close.
    expect(attemptEnd(open, { closesAt: at('09:40:00') }, at('09:40:31'))).toEqual({ at: at('09:40:00'), reason: 'deadline', recorded: false });
  });

  it('never runs out without a deadline', () => {
    expect(attemptEnd({ deadlineAt: null, submittedAt: null, finishReason: null }, { closesAt: null }, at('23:59:59'))).toBeNull();
  });
});

describe('what the trainee sees of a result', () => {
  const base = { status: 'open' as const, opensAt: null, closesAt: at('10:00:00'), kind: 'post_test' as const };
  const ended = { ended: true, score: 7, maxScore: 10, percent: 70 };
  const hidden = { score: null, maxScore: null, percent: null };

  it('shows the score on submit, after close only once closed, never when set so, and never for a survey or an open attempt', () => {
    expect(visibleScore({ ...base, resultsVisibility: 'on_submit' }, ended, at('09:30:00'))).toEqual({ score: 7, maxScore: 10, percent: 70 });
    expect(visibleScore({ ...base, resultsVisibility: 'after_close' }, ended, at('09:30:00'))).toEqual(hidden);
    expect(visibleScore({ ...base, resultsVisibility: 'after_close' }, ended, at('10:00:00'))).toEqual({ score: 7, maxScore: 10, percent: 70 });
    expect(visibleScore({ ...base, resultsVisibility: 'never' }, ended, at('10:00:00'))).toEqual(hidden);
    expect(visibleScore({ ...base, kind: 'survey', resultsVisibility: 'on_submit' }, ended, at('10:00:00'))).toEqual(hidden);
    expect(visibleScore({ ...base, resultsVisibility: 'on_submit' }, { ...ended, ended: false }, at('09:30:00'))).toEqual(hidden);
  });

  it('opens the review only for an ended attempt of a closed test set to show it', () => {
    const test = { ...base, reviewVisibility: 'after_close' as const };
    expect(reviewAvailable(test, { ended: true }, at('09:59:59'))).toBe(false);
    expect(reviewAvailable(test, { ended: true }, at('10:00:00'))).toBe(true);
    expect(reviewAvailable(test, { ended: false }, at('10:00:00'))).toBe(false);
    expect(reviewAvailable({ ...test, reviewVisibility: 'never' }, { ended: true }, at('10:00:00'))).toBe(false);
    expect(reviewAvailable({ ...test, kind: 'survey' }, { ended: true }, at('10:00:00'))).toBe(false);
  });
});

describe('the order of an attempt', () => {
  const reverse = <T>(items: readonly T[]): T[] => [...items].reverse();
  const questions = [
    { id: 'q1', type: 'single_choice', options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] },
    { id: 'q2', type: 'true_false', options: [{ id: 'true' }, { id: 'false' }] },
    { id: 'q3', type: 'likert', options: [{ id: '5' }, { id: '4' }, { id: '3' }, { id: '2' }, { id: '1' }] },
    { id: 'q4', type: 'multiple_choice', options: [{ id: 'a' }, { id: 'b' }] },
  ];
  const test = { questionIds: ['q1', 'q2', 'q3', 'q4'], shuffleQuestions: false, shuffleOptions: false };

  it('keeps the test’s order when nothing is shuffled', () => {
    expect(attemptOrder(test, questions, reverse)).toEqual({
      questionOrder: ['q1', 'q2', 'q3', 'q4'],
      optionOrder: { q1: ['a', 'b', 'c'], q2: ['true', 'false'], q3: ['5', '4', '3', '2', '1'], q4: ['a', 'b'] },
    });
  });

  it('shuffles questions, and the options of choice questions only: true/false and Likert scales keep their order', () => {
    expect(attemptOrder({ ...test, shuffleQuestions: true, shuffleOptions: true }, questions, reverse)).toEqual({
      questionOrder: ['q4', 'q3', 'q2', 'q1'],
      optionOrder: { q1: ['c', 'b', 'a'], q2: ['true', 'false'], q3: ['5', '4', '3', '2', '1'], q4: ['b', 'a'] },
    });
  });

  it('lays out the questions and options in the attempt’s order, the test’s when the attempt has none, skipping unknown ones', () => {
    const order = { questionOrder: ['q2', 'gone', 'q1'], optionOrder: { q1: ['c', 'x', 'a', 'b'] } };
    expect(inAttemptOrder(order, test.questionIds, questions).map(({ question, options }) => [question.id, options.map((o) => o.id)])).toEqual([
      ['q2', ['true', 'false']],
      ['q1', ['c', 'a', 'b']],
    ]);
    expect(inAttemptOrder({ questionOrder: [], optionOrder: {} }, ['q4', 'q1'], questions).map(({ question }) => question.id)).toEqual(['q4', 'q1']);
  });
});

describe('which attempts count', () => {
  it('takes the first pre-test (where the person started) and the best post-test (whether they reached the mark)', () => {
    expect(
      countingScores([
        { kind: 'pre_test', endedAt: at('09:20:00'), percent: 55 },
        { kind: 'pre_test', endedAt: at('09:10:00'), percent: 40 },
        { kind: 'post_test', endedAt: at('15:00:00'), percent: 85 },
        { kind: 'post_test', endedAt: at('15:30:00'), percent: 70 },
        { kind: 'survey', endedAt: at('15:40:00'), percent: null },
      ]),
    ).toEqual({ prePercent: 40, postPercent: 85 });
  });

  it('names the attempts themselves, the earlier of two equal best post-tests', () => {
    const attempts = [
      { id: 'pre-2', kind: 'pre_test' as const, endedAt: at('09:20:00'), percent: 55 },
      { id: 'pre-1', kind: 'pre_test' as const, endedAt: at('09:10:00'), percent: 40 },
      { id: 'post-late', kind: 'post_test' as const, endedAt: at('15:30:00'), percent: 85 },
      { id: 'post-early', kind: 'post_test' as const, endedAt: at('15:00:00'), percent: 85 },
      { id: 'post-low', kind: 'post_test' as const, endedAt: at('14:00:00'), percent: 60 },
    ];
    const { pre, post } = countingAttempts(attempts);
    expect([pre?.id, post?.id]).toEqual(['pre-1', 'post-early']);
    expect(countingAttempts([])).toEqual({ pre: null, post: null });
  });

  it('leaves a score out while there is no ended attempt of that kind', () => {
    expect(countingScores([{ kind: 'post_test', endedAt: at('15:00:00'), percent: 0 }])).toEqual({ prePercent: null, postPercent: 0 });
    expect(countingScores([])).toEqual({ prePercent: null, postPercent: null });
  });

  it('lets a survey’s latest ended attempt speak for the person', () => {
    expect(countingSurveyAttempt([{ attemptNumber: 1, id: 'x' }, { attemptNumber: 3, id: 'z' }, { attemptNumber: 2, id: 'y' }])).toEqual({
      attemptNumber: 3,
      id: 'z',
    });
    expect(countingSurveyAttempt([])).toBeNull();
  });
});

describe('what a shown score means to the trainee', () => {
  it('passes at the mark and not below it (3 of 4 right = 75 % against 60 passes; 25 % does not)', () => {
    expect(scoreMeaning('pre_test', 75, 60, null)).toEqual({ passed: true, prePercent: null, changeSincePrePoints: null });
    expect(scoreMeaning('pre_test', 60, 60, null).passed).toBe(true);
    expect(scoreMeaning('pre_test', 25, 60, null).passed).toBe(false);
  });

  it('gives a post-test the change since the pre-test: 25 % before, 75 % after is +50 points', () => {
    expect(scoreMeaning('post_test', 75, 60, 25)).toEqual({ passed: true, prePercent: 25, changeSincePrePoints: 50 });
    expect(scoreMeaning('post_test', 33.33, 60, 66.67)).toEqual({ passed: false, prePercent: 66.67, changeSincePrePoints: -33.34 });
    expect(scoreMeaning('post_test', 75, 60, null).changeSincePrePoints).toBeNull();
  });

  it('says nothing of a hidden score or a survey, and never gives a pre-test a change', () => {
    expect(scoreMeaning('post_test', null, 60, 25)).toEqual({ passed: null, prePercent: null, changeSincePrePoints: null });
    expect(scoreMeaning('survey', 80, 60, null)).toEqual({ passed: null, prePercent: null, changeSincePrePoints: null });
    expect(scoreMeaning('pre_test', 50, 60, 25)).toEqual({ passed: false, prePercent: null, changeSincePrePoints: null });
  });
});

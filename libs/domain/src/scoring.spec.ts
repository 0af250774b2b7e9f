import { isFullCredit, isRightOption, questionScore, scoreAttempt, ScoringKey } from './scoring';

const keys: ScoringKey[] = [
  { questionId: 'q1', type: 'single_choice', correctOptionIds: ['b'], points: 1 },
  { questionId: 'q2', type: 'true_false', correctOptionIds: ['true'], points: 1 },
  { questionId: 'q3', type: 'single_choice', correctOptionIds: ['d'], points: 2 },
];

describe('scoreAttempt', () => {
  it('adds the points of the questions answered right', () => {
    expect(scoreAttempt(keys, { q1: ['b'], q2: ['false'], q3: ['d'] })).toEqual({
      score: 3,
      maxScore: 4,
      percent: 75,
      correctCount: 2,
    });
  });

  it('counts an unanswered question as wrong but keeps its points in the maximum', () => {
    expect(scoreAttempt(keys, { q1: ['b'] })).toEqual({ score: 1, maxScore: 4, percent: 25, correctCount: 1 });
  });

  it('gives nothing for two options on a single-choice question, even if one is right', () => {
    expect(scoreAttempt(keys, { q1: ['a', 'b'] }).score).toBe(0);
  });

  it('rounds the percentage to two decimals', () => {
    const three = keys.slice(0, 2).concat({ questionId: 'q4', type: 'single_choice', correctOptionIds: ['a'], points: 1 });
    expect(scoreAttempt(three, { q1: ['b'] }).percent).toBe(33.33);
  });

  it('gives 0 % rather than dividing by zero on an empty test', () => {
    expect(scoreAttempt([], {}).percent).toBe(0);
  });
});

describe('scoreAttempt with partial credit (multiple choice, Moodle weights)', () => {
  // Right: a and b at 50 % each; wrong: c takes back 100 %, d is worth nothing. 4 points.
  const safety: ScoringKey = {
    questionId: 'm1',
    type: 'multiple_choice',
    correctOptionIds: ['a', 'b'],
    optionWeights: { a: 50, b: 50, c: -100, d: 0 },
    points: 4,
  };

  it('gives full points and counts the question correct when every right option is chosen', () => {
    expect(scoreAttempt([safety], { m1: ['a', 'b'] })).toEqual({ score: 4, maxScore: 4, percent: 100, correctCount: 1 });
  });

  it('gives half the points for half the right options, and does not count the question correct', () => {
    // 4 × 50 / 100 = 2
    expect(scoreAttempt([safety], { m1: ['a'] })).toEqual({ score: 2, maxScore: 4, percent: 50, correctCount: 0 });
  });

  it('adds a zero-weight option as nothing', () => {
    expect(scoreAttempt([safety], { m1: ['b', 'd'] }).score).toBe(2);
  });

  it('lets a negative weight bring the question to 0 but never below', () => {
    // 50 − 100 = −50 % → 0, so the other question's point is not eaten into.
    const other: ScoringKey = { questionId: 'q1', type: 'single_choice', correctOptionIds: ['b'], points: 1 };
    expect(scoreAttempt([safety, other], { m1: ['a', 'c'], q1: ['b'] })).toEqual({
      score: 1,
      maxScore: 5,
      percent: 20,
      correctCount: 1,
    });
  });

  it('gives nothing for choosing every option', () => {
    // 50 + 50 − 100 + 0 = 0 %
    expect(scoreAttempt([safety], { m1: ['a', 'b', 'c', 'd'] }).score).toBe(0);
  });

  it('counts an option chosen twice only once', () => {
    expect(scoreAttempt([safety], { m1: ['a', 'a'] }).score).toBe(2);
  });

  it('counts an unanswered multiple-choice question as 0 with its points in the maximum', () => {
    expect(scoreAttempt([safety], {})).toEqual({ score: 0, maxScore: 4, percent: 0, correctCount: 0 });
  });

  it('treats thirds at 33.33333 % as full points when all three are chosen, and rounds one third to two decimals', () => {
    const thirds: ScoringKey = {
      questionId: 'm2',
      type: 'multiple_choice',
      correctOptionIds: ['a', 'b', 'c'],
      optionWeights: { a: 33.33333, b: 33.33333, c: 33.33333, d: -100 },
      points: 1,
    };
    // 99.99999 % is within 0.01 of 100 %
    expect(scoreAttempt([thirds], { m2: ['a', 'b', 'c'] })).toEqual({ score: 1, maxScore: 1, percent: 100, correctCount: 1 });
    // 1 × 0.3333333 = 0.33
    expect(scoreAttempt([thirds], { m2: ['c'] })).toEqual({ score: 0.33, maxScore: 1, percent: 33, correctCount: 0 });
    // 2 × 0.3333333 = 0.67
    expect(questionScore({ ...thirds, points: 2 }, ['a'])).toBe(0.67);
  });

  it('caps a key whose weights add up to more than 100 % at the question\'s points', () => {
    const generous: ScoringKey = {
      questionId: 'm3',
      type: 'multiple_choice',
      correctOptionIds: ['a', 'b'],
      optionWeights: { a: 100, b: 100 },
      points: 2,
    };
    expect(scoreAttempt([generous], { m3: ['a', 'b'] }).score).toBe(2);
  });

  it('without weights, shares 100 % among the right options and takes as much back for each wrong one', () => {
    // Right a, b → 50 % each; any other option −50 %. 2 points.
    const key: ScoringKey = { questionId: 'm4', type: 'multiple_choice', correctOptionIds: ['a', 'b'], points: 2 };
    expect(questionScore(key, ['a', 'b'])).toBe(2);
    expect(questionScore(key, ['a'])).toBe(1);
    expect(questionScore(key, ['a', 'c'])).toBe(0);
    expect(questionScore(key, ['a', 'b', 'c', 'd'])).toBe(0);
  });
});

describe('scoreAttempt with option weights on single choice and true/false', () => {
  const partly: ScoringKey = {
    questionId: 's1',
    type: 'single_choice',
    correctOptionIds: ['a'],
    optionWeights: { a: 100, b: 50, c: 0, d: -50 },
    points: 3,
  };

  it('gives the fraction of the points that the chosen option is worth', () => {
    // 3 × 50 / 100 = 1.5
    expect(scoreAttempt([partly], { s1: ['b'] })).toEqual({ score: 1.5, maxScore: 3, percent: 50, correctCount: 0 });
    expect(scoreAttempt([partly], { s1: ['a'] })).toEqual({ score: 3, maxScore: 3, percent: 100, correctCount: 1 });
  });

  it('gives 0, not a negative score, for an option with a penalty', () => {
    expect(scoreAttempt([partly], { s1: ['d'] }).score).toBe(0);
  });

  it('still gives nothing for two options, even with weights', () => {
    expect(scoreAttempt([partly], { s1: ['a', 'b'] }).score).toBe(0);
  });

  it('scores true/false from the weights when they are given', () => {
    const tf: ScoringKey = { questionId: 't1', type: 'true_false', correctOptionIds: [], optionWeights: { true: 0, false: 100 }, points: 1 };
    expect(scoreAttempt([tf], { t1: ['false'] }).correctCount).toBe(1);
    expect(scoreAttempt([tf], { t1: ['true'] }).score).toBe(0);
  });
});

describe('scoreAttempt with Likert survey questions', () => {
  it('leaves Likert questions out of the score, the maximum and the correct count', () => {
    const withSurvey: ScoringKey[] = [
      ...keys,
      { questionId: 'l1', type: 'likert', correctOptionIds: [], points: 5 },
      { questionId: 'l2', type: 'likert', correctOptionIds: ['5'], optionWeights: { '5': 100 }, points: 1 },
    ];
    // Same as the first test: 3 of 4, whatever was answered on the survey items.
    expect(scoreAttempt(withSurvey, { q1: ['b'], q2: ['false'], q3: ['d'], l1: ['4'], l2: ['5'] })).toEqual({
      score: 3,
      maxScore: 4,
      percent: 75,
      correctCount: 2,
    });
    expect(questionScore(withSurvey[4], ['5'])).toBe(0);
  });

  it('gives 0 % on a survey with only Likert questions', () => {
    expect(scoreAttempt([{ questionId: 'l1', type: 'likert', correctOptionIds: [], points: 1 }], { l1: ['3'] })).toEqual({
      score: 0,
      maxScore: 0,
      percent: 0,
      correctCount: 0,
    });
  });
});

describe('full credit', () => {
  it('is 100 %, or short of it by at most 0.01 percentage points: thirds typed 33.33 or 33.33333 add up to it', () => {
    expect(isFullCredit(100)).toBe(true);
    expect(isFullCredit(33.33 + 33.33 + 33.33)).toBe(true);
    expect(isFullCredit(33.33333 * 3)).toBe(true);
    expect(isFullCredit(99.99)).toBe(true);
    expect(isFullCredit(99.98)).toBe(false);
    expect(isFullCredit(50)).toBe(false);
  });
});

describe('right options in a review', () => {
  it('marks the key’s options and any option worth something on its own, never a penalty or a Likert level', () => {
    const single: ScoringKey = { questionId: 'q', type: 'single_choice', correctOptionIds: ['b'], points: 1 };
    expect(['a', 'b', 'c'].map((id) => isRightOption(single, id))).toEqual([false, true, false]);
    const weighted: ScoringKey = { questionId: 'q', type: 'multiple_choice', correctOptionIds: ['a', 'b'], optionWeights: { a: 50, b: 50, c: -50 }, points: 2 };
    expect(['a', 'b', 'c'].map((id) => isRightOption(weighted, id))).toEqual([true, true, false]);
    const partial: ScoringKey = { questionId: 'q', type: 'single_choice', correctOptionIds: ['a'], optionWeights: { a: 100, b: 50, c: 0 }, points: 1 };
    expect(['a', 'b', 'c'].map((id) => isRightOption(partial, id))).toEqual([true, true, false]);
    expect(isRightOption({ questionId: 'q', type: 'likert', correctOptionIds: [], points: 0 }, '5')).toBe(false);
  });
});

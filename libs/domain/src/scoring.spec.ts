import { scoreAttempt, ScoringKey } from './scoring';

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

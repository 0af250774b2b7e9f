import { groupGain, pairedMeans, personGain, PersonPrePost, personTopicPercents, topicGains, topicPercentsOf, type TopicScoringKey } from './gain';

const person = (prePercent: number | null, postPercent: number | null, topicPercents?: PersonPrePost['topicPercents']): PersonPrePost => ({
  prePercent,
  postPercent,
  topicPercents,
});

describe('pairedMeans', () => {
  it('compares pre with post over the people who took both, and keeps the unpaired means apart', () => {
    // A 40→80 and B 60→90 took both; C took only the pre-test (20), D only the post-test (70), E neither.
    // Paired: 2 people; mean pre (40 + 60) / 2 = 50; mean post (80 + 90) / 2 = 85.
    // Unpaired pre: A, B, C → (40 + 60 + 20) / 3 = 120 / 3 = 40 over 3.
    // Unpaired post: A, B, D → (80 + 90 + 70) / 3 = 240 / 3 = 80 over 3.
    const result = pairedMeans([person(40, 80), person(60, 90), person(20, null), person(null, 70), person(null, null)]);
    expect(result).toEqual({
      pairedCount: 2,
      pairedMeanPrePercent: 50,
      pairedMeanPostPercent: 85,
      unpairedPreCount: 3,
      unpairedMeanPrePercent: 40,
      unpairedPostCount: 3,
      unpairedMeanPostPercent: 80,
    });
  });

  it('has no paired means when nobody took both tests', () => {
    // C took only the pre-test (20), D only the post-test (70): nobody is paired.
    const result = pairedMeans([person(20, null), person(null, 70)]);
    expect(result.pairedCount).toBe(0);
    expect(result.pairedMeanPrePercent).toBeNull();
    expect(result.pairedMeanPostPercent).toBeNull();
    // The unpaired means are each one person's score: 20 and 70.
    expect(result.unpairedMeanPrePercent).toBe(20);
    expect(result.unpairedMeanPostPercent).toBe(70);
  });
});

describe('personGain', () => {
  it('gives the change in points and the share of what was left to learn', () => {
    // 40 → 80: gain 80 − 40 = 40 points; g = 40 / (100 − 40) = 40 / 60 = 0.66666… → 0.6667.
    expect(personGain(40, 80)).toEqual({ gainPoints: 40, normalizedGain: 0.6667 });
    // 50 → 40: gain 40 − 50 = −10 points; g = −10 / (100 − 50) = −0.2 (the score fell).
    expect(personGain(50, 40)).toEqual({ gainPoints: -10, normalizedGain: -0.2 });
    // 0 → 100: gain 100; g = 100 / 100 = 1, everything learnt.
    expect(personGain(0, 100)).toEqual({ gainPoints: 100, normalizedGain: 1 });
  });

  it('has no normalized gain at a pre-test of 100, and nothing without both tests', () => {
    // 100 → 90: gain −10 points; g = −10 / (100 − 100) divides by 0: nothing was left to learn, so no g.
    expect(personGain(100, 90)).toEqual({ gainPoints: -10, normalizedGain: null });
    expect(personGain(null, 90)).toEqual({ gainPoints: null, normalizedGain: null });
    expect(personGain(40, null)).toEqual({ gainPoints: null, normalizedGain: null });
  });
});

describe('groupGain', () => {
  it('gives both the mean of individual g (over those who have one) and the g of the paired means', () => {
    // A 40→80, B 60→90, F 100→90 are paired; C (pre 20 only) is not.
    // Paired means: pre (40 + 60 + 100) / 3 = 200 / 3 = 66.666… → 66.67; post (80 + 90 + 90) / 3 = 260 / 3 = 86.67.
    // Mean gain in points: (40 + 30 − 10) / 3 = 60 / 3 = 20.
    // Individual g: A 40 / 60 = 0.666…, B 30 / 40 = 0.75, F none (pre 100) → over 2 people:
    //   (0.666… + 0.75) / 2 = 1.41666… / 2 = 0.708333… → 0.7083.
    // Hake's g from the unrounded means: (260/3 − 200/3) / (100 − 200/3) = (60/3) / (100/3) = 20 / 33.33… = 0.6.
    const result = groupGain([person(40, 80), person(60, 90), person(100, 90), person(20, null)]);
    expect(result).toMatchObject({
      pairedCount: 3,
      pairedMeanPrePercent: 66.67,
      pairedMeanPostPercent: 86.67,
      meanGainPoints: 20,
      meanNormalizedGain: 0.7083,
      normalizedGainCount: 2,
      normalizedGainOfMeans: 0.6,
    });
    // Unpaired pre over A, B, F, C: (40 + 60 + 100 + 20) / 4 = 220 / 4 = 55.
    expect(result.unpairedMeanPrePercent).toBe(55);
  });

  it('has no group gain when nobody is paired, and no g when everyone paired started at 100', () => {
    const nobody = groupGain([person(30, null), person(null, 60)]);
    expect(nobody).toMatchObject({ pairedCount: 0, meanGainPoints: null, meanNormalizedGain: null, normalizedGainCount: 0, normalizedGainOfMeans: null });
    // Two people 100→100 and 100→80: gain (0 − 20) / 2 = −10 points; no individual g (pre 100) and the
    // paired mean pre is (100 + 100) / 2 = 100, so no Hake's g either.
    const perfect = groupGain([person(100, 100), person(100, 80)]);
    expect(perfect).toMatchObject({ pairedCount: 2, meanGainPoints: -10, meanNormalizedGain: null, normalizedGainCount: 0, normalizedGainOfMeans: null });
  });
});

describe('topicGains', () => {
  it('gives the same figures per topic from each person’s topic percents', () => {
    // A: กฎหมาย 50→100, การเงิน 0→50.   B: กฎหมาย 100→50, การเงิน pre 50 only.
    // กฎหมาย, paired A and B: mean pre (50 + 100) / 2 = 75, mean post (100 + 50) / 2 = 75, gain (50 − 50) / 2 = 0.
    //   Individual g: A 50 / 50 = 1, B none (pre 100) → mean g 1 over 1 person.
    //   Hake's g: (75 − 75) / (100 − 75) = 0 / 25 = 0 — the two group gains part ways, which is why both are shown.
    // การเงิน, paired A only: pre 0, post 50, gain 50; g = 50 / 100 = 0.5 both ways, over 1 person.
    //   Unpaired pre over A and B: (0 + 50) / 2 = 25.
    const people = [
      person(25, 75, { กฎหมาย: { prePercent: 50, postPercent: 100 }, การเงิน: { prePercent: 0, postPercent: 50 } }),
      person(75, 50, { กฎหมาย: { prePercent: 100, postPercent: 50 }, การเงิน: { prePercent: 50, postPercent: null } }),
      person(null, null),
    ];
    const [law, money, ...rest] = topicGains(people);
    expect(rest).toEqual([]);
    expect(law).toMatchObject({
      topic: 'กฎหมาย',
      pairedCount: 2,
      pairedMeanPrePercent: 75,
      pairedMeanPostPercent: 75,
      meanGainPoints: 0,
      meanNormalizedGain: 1,
      normalizedGainCount: 1,
      normalizedGainOfMeans: 0,
    });
    expect(money).toMatchObject({
      topic: 'การเงิน',
      pairedCount: 1,
      pairedMeanPrePercent: 0,
      pairedMeanPostPercent: 50,
      meanGainPoints: 50,
      meanNormalizedGain: 0.5,
      normalizedGainCount: 1,
      normalizedGainOfMeans: 0.5,
      unpairedPreCount: 2,
      unpairedMeanPrePercent: 25,
    });
  });
});

describe('topicPercentsOf', () => {
  it('scores each topic’s questions on their own points, as the whole test is scored', () => {
    // Law: q1 (1 point) right, q2 (3 points) wrong → 1 / 4 = 25 %. Money: q3 (2 points) right → 100 %.
    // The Likert item has no points and no topic figure.
    const keys: TopicScoringKey[] = [
      { questionId: 'q1', topic: 'กฎหมาย', type: 'single_choice', correctOptionIds: ['a'], points: 1 },
      { questionId: 'q2', topic: 'กฎหมาย', type: 'single_choice', correctOptionIds: ['a'], points: 3 },
      { questionId: 'q3', topic: 'การเงิน', type: 'true_false', correctOptionIds: ['t'], points: 2 },
      { questionId: 'q4', topic: 'ความพึงพอใจ', type: 'likert', correctOptionIds: [], points: 1 },
    ];
    expect(topicPercentsOf(keys, { q1: ['a'], q2: ['b'], q3: ['t'], q4: ['5'] })).toEqual({ กฎหมาย: 25, การเงิน: 100 });
    expect(topicPercentsOf(keys, {})).toEqual({ กฎหมาย: 0, การเงิน: 0 });
  });

  it('pairs a person’s topic percents, leaving a topic of one test only unpaired', () => {
    expect(personTopicPercents({ กฎหมาย: 25, การเงิน: 50 }, { กฎหมาย: 75 })).toEqual({
      กฎหมาย: { prePercent: 25, postPercent: 75 },
      การเงิน: { prePercent: 50, postPercent: null },
    });
    expect(personTopicPercents(null, { กฎหมาย: 75 })).toEqual({ กฎหมาย: { prePercent: null, postPercent: 75 } });
    expect(personTopicPercents(null, null)).toEqual({});
  });
});

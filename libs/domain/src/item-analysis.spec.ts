import {
  AnalysedItem,
  analyseItems,
  discriminationGroupSize,
  SMALL_GROUP_RESPONDENTS,
  TOO_EASY_DIFFICULTY,
  TOO_HARD_DIFFICULTY,
} from './item-analysis';

const rightOrWrong = (questionId: string): AnalysedItem => ({ questionId, maxPoints: 1, rightOrWrong: true });

/** n respondents, the first `rightCount` of them right on a single one-point item. */
const oneItem = (n: number, rightCount: number) =>
  analyseItems({ items: [rightOrWrong('q')], responses: Array.from({ length: n }, (_, i) => [i < rightCount ? 1 : 0]) }).items[0];

describe('analyseItems', () => {
  // Four respondents; q1–q3 are right/wrong and worth 1 point, q4 is worth 2 points with partial credit.
  //   R1: q1 1, q2 1, q3 0, q4 1   → total 1 + 1 + 0 + 2   = 4
  //   R2: q1 1, q2 1, q3 0, q4 0.5 → total 1 + 1 + 0 + 1   = 3
  //   R3: q1 1, q2 0, q3 1, q4 0   → total 1 + 0 + 1 + 0   = 2
  //   R4: q1 1, q2 0, q3 0, q4 0   → total 1
  // Group size round(0.27 × 4) = round(1.08) = 1: upper group R1, lower group R4.
  const test = analyseItems({
    items: [rightOrWrong('q1'), rightOrWrong('q2'), rightOrWrong('q3'), { questionId: 'q4', maxPoints: 2, rightOrWrong: false }],
    responses: [
      [1, 1, 0, 1],
      [1, 1, 0, 0.5],
      [1, 0, 1, 0],
      [1, 0, 0, 0],
    ],
  });
  const item = (id: string) => test.items.find((i) => i.questionId === id);

  it('flags an item everyone got right as too easy, with no correlation to compute', () => {
    // q1: 4 of 4 right → p = 1 > 0.9. D = 1 (R1) − 1 (R4) = 0. Right on q1 never varies → no point-biserial.
    expect(item('q1')).toEqual({
      questionId: 'q1',
      rightCount: 4,
      difficulty: 1,
      discrimination: 0,
      pointBiserial: null,
      flags: { tooEasy: true, tooHard: false, negativeDiscrimination: false },
    });
  });

  it('gives difficulty, the upper-minus-lower index and the point-biserial with the rest-score', () => {
    // q2: right R1, R2 → p = 2 / 4 = 0.5. D = 1 (R1 right) − 0 (R4 wrong) = 1.
    // x (right) = 1, 1, 0, 0; rest = total − q2 = 3, 2, 2, 1. Mean x 0.5, mean rest 8 / 4 = 2.
    // cov = mean of (x − 0.5)(rest − 2) = (0.5·1 + 0.5·0 + (−0.5)·0 + (−0.5)(−1)) / 4 = 1 / 4 = 0.25.
    // var x = 0.5 · 0.5 = 0.25; var rest = (1 + 0 + 0 + 1) / 4 = 0.5.
    // r = 0.25 / √(0.25 · 0.5) = 0.25 / 0.353553… = 0.707106… → 0.7071.
    expect(item('q2')).toMatchObject({ rightCount: 2, difficulty: 0.5, discrimination: 1, pointBiserial: 0.7071 });
    expect(item('q2')?.flags).toEqual({ tooEasy: false, tooHard: false, negativeDiscrimination: false });
  });

  it('counts only full credit as right and takes the partial credit out of the rest-score', () => {
    // q4 (2 points): full credit only R1; R2's half is not right → p = 1 / 4 = 0.25. D = 1 (R1) − 0 (R4) = 1.
    // x = 1, 0, 0, 0; rest = total − points on q4 = 4 − 2, 3 − 1, 2 − 0, 1 − 0 = 2, 2, 2, 1. Mean x 0.25, mean rest 1.75.
    // cov = (0.75·0.25 + (−0.25)(0.25) + (−0.25)(0.25) + (−0.25)(−0.75)) / 4 = (0.1875 − 0.0625 − 0.0625 + 0.1875) / 4
    //     = 0.25 / 4 = 0.0625. var x = 0.25 · 0.75 = 0.1875; var rest = (3 · 0.0625 + 0.5625) / 4 = 0.75 / 4 = 0.1875.
    // r = 0.0625 / √(0.1875 · 0.1875) = 0.0625 / 0.1875 = 0.3333…
    expect(item('q4')).toMatchObject({ rightCount: 1, difficulty: 0.25, discrimination: 1, pointBiserial: 0.3333 });
  });

  it('flags negative discrimination from the point-biserial even when D is 0', () => {
    // q3: right only R3 → p = 0.25. D = 0 (R1 wrong) − 0 (R4 wrong) = 0.
    // x = 0, 0, 1, 0; rest = 4, 3, 1, 1 (R3's 2 less its 1). Mean x 0.25, mean rest 9 / 4 = 2.25.
    // cov = ((−0.25)(1.75) + (−0.25)(0.75) + (0.75)(−1.25) + (−0.25)(−1.25)) / 4
    //     = (−0.4375 − 0.1875 − 0.9375 + 0.3125) / 4 = −1.25 / 4 = −0.3125.
    // var x = 0.1875; var rest = (3.0625 + 0.5625 + 1.5625 + 1.5625) / 4 = 6.75 / 4 = 1.6875.
    // r = −0.3125 / √(0.1875 · 1.6875) = −0.3125 / √0.31640625 = −0.3125 / 0.5625 = −0.5555… → −0.5556.
    expect(item('q3')).toMatchObject({ rightCount: 1, difficulty: 0.25, discrimination: 0, pointBiserial: -0.5556 });
    expect(item('q3')?.flags.negativeDiscrimination).toBe(true);
  });

  it('computes KR-20 over the right/wrong items only, and notes the small group', () => {
    // k = 3 (q1–q3; q4 has partial credit). p = 1, 0.5, 0.25 → p·q = 0, 0.25, 0.1875; Σ = 0.4375.
    // Number right on q1–q3: R1 2, R2 2, R3 2, R4 1; mean 1.75;
    // population variance = (0.0625 · 3 + 0.5625) / 4 = 0.75 / 4 = 0.1875.
    // KR-20 = 3/2 · (1 − 0.4375 / 0.1875) = 1.5 · (1 − 2.3333…) = 1.5 · (−1.3333…) = −2: q3 pulls against the others.
    expect(test).toMatchObject({ respondents: 4, smallGroup: true, discriminationGroupSize: 1, reliabilityItemCount: 3, kr20: -2 });
  });

  it('gives a KR-20 between 0 and 1 for items that hang together', () => {
    // Five respondents on three right/wrong items: 111, 110, 100, 000, 111.
    // p = 4/5, 3/5, 2/5 = 0.8, 0.6, 0.4 → p·q = 0.16, 0.24, 0.24; Σ = 0.64.
    // Number right 3, 2, 1, 0, 3; mean 9 / 5 = 1.8; variance = (9 + 4 + 1 + 0 + 9) / 5 − 1.8² = 4.6 − 3.24 = 1.36.
    // KR-20 = 3/2 · (1 − 0.64 / 1.36) = 1.5 · (1 − 0.470588…) = 1.5 · 0.529411… = 0.794117… → 0.7941.
    const result = analyseItems({
      items: [rightOrWrong('a'), rightOrWrong('b'), rightOrWrong('c')],
      responses: [
        [1, 1, 1],
        [1, 1, 0],
        [1, 0, 0],
        [0, 0, 0],
        [1, 1, 1],
      ],
    });
    expect(result.kr20).toBe(0.7941);
  });

  it('has no KR-20 with fewer than two right/wrong items or when everyone scores the same', () => {
    const oneRightOrWrong = analyseItems({
      items: [rightOrWrong('a'), { questionId: 'b', maxPoints: 2, rightOrWrong: false }],
      responses: [
        [1, 0.5],
        [0, 1],
      ],
    });
    expect(oneRightOrWrong).toMatchObject({ reliabilityItemCount: 1, kr20: null });
    // Both respondents get one of the two right: number right 1 and 1, variance 0.
    const sameTotals = analyseItems({
      items: [rightOrWrong('a'), rightOrWrong('b')],
      responses: [
        [1, 0],
        [0, 1],
      ],
    });
    expect(sameTotals.kr20).toBeNull();
  });

  it('breaks ties at the 27 % cut by the order the respondents are given in', () => {
    // Totals: A [1, 0] 1, B [0, 1] 1, C [0, 0] 0, D [0, 0] 0. Group size round(1.08) = 1.
    // A and B tie at the top: the earlier-given (A) is the upper group; C and D tie at the bottom: the later (D) is lower.
    // q1: upper A right, lower D wrong → D = 1 − 0 = 1; q2: upper A wrong → D = 0 − 0 = 0.
    const items = [rightOrWrong('q1'), rightOrWrong('q2')];
    const aFirst = analyseItems({ items, responses: [[1, 0], [0, 1], [0, 0], [0, 0]] });
    expect(aFirst.items.map((i) => i.discrimination)).toEqual([1, 0]);
    // Given B first, B is the upper group: q1 D = 0 − 0 = 0, q2 D = 1 − 0 = 1.
    const bFirst = analyseItems({ items, responses: [[0, 1], [1, 0], [0, 0], [0, 0]] });
    expect(bFirst.items.map((i) => i.discrimination)).toEqual([0, 1]);
  });

  it('flags too easy above 0.9 and too hard below 0.2, not at them', () => {
    expect([TOO_EASY_DIFFICULTY, TOO_HARD_DIFFICULTY]).toEqual([0.9, 0.2]);
    // Ten respondents: 9 right → p = 0.9, not above; 10 right → 1. 2 right → 0.2, not below; 1 right → 0.1.
    expect(oneItem(10, 9)).toMatchObject({ difficulty: 0.9, flags: { tooEasy: false, tooHard: false } });
    expect(oneItem(10, 10)).toMatchObject({ difficulty: 1, flags: { tooEasy: true } });
    expect(oneItem(10, 2)).toMatchObject({ difficulty: 0.2, flags: { tooEasy: false, tooHard: false } });
    expect(oneItem(10, 1)).toMatchObject({ difficulty: 0.1, flags: { tooHard: true } });
  });

  it('notes a group below 30 respondents as small, and has no figures without respondents', () => {
    expect(SMALL_GROUP_RESPONDENTS).toBe(30);
    const items = [rightOrWrong('q')];
    expect(analyseItems({ items, responses: Array.from({ length: 29 }, () => [1]) }).smallGroup).toBe(true);
    expect(analyseItems({ items, responses: Array.from({ length: 30 }, () => [1]) }).smallGroup).toBe(false);
    const nobody = analyseItems({ items, responses: [] });
    expect(nobody).toMatchObject({ respondents: 0, smallGroup: true, discriminationGroupSize: 0, kr20: null });
    expect(nobody.items[0]).toMatchObject({ rightCount: 0, difficulty: null, discrimination: null, pointBiserial: null });
  });

  it('refuses a respondent row that does not match the items', () => {
    expect(() => analyseItems({ items: [rightOrWrong('a'), rightOrWrong('b')], responses: [[1]] })).toThrow(RangeError);
  });
});

describe('discriminationGroupSize', () => {
  it('takes 27 % of the respondents rounded half up', () => {
    // 1 × 0.27 = 0.27 → 0; 2 × 0.27 = 0.54 → 1; 4 → 1.08 → 1; 30 → 8.1 → 8; 50 → 13.5 → 14; 100 → 27.
    expect([1, 2, 4, 30, 50, 100].map(discriminationGroupSize)).toEqual([0, 1, 1, 8, 14, 27]);
  });
});

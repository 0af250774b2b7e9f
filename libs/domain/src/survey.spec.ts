import { followUpOutcomes, likertItemStatistics } from './survey';

describe('a Likert item’s statistics', () => {
  it('counts the levels, the mean to two decimals and the share answering 4–5', () => {
    // 5, 5, 4, 3, 1 → 18 / 5 = 3.6; three of five answered 4 or 5 → 60 %.
    expect(likertItemStatistics([['5'], ['5'], ['4'], ['3'], ['1']])).toEqual({
      answered: 5,
      mean: 3.6,
      agreePercent: 60,
      counts: { 5: 2, 4: 1, 3: 1, 2: 0, 1: 1 },
    });
    // 5, 4, 4 → 13 / 3 = 4.333… → 4.33; all three agree.
    expect(likertItemStatistics([['5'], ['4'], ['4']])).toMatchObject({ answered: 3, mean: 4.33, agreePercent: 100 });
    // 2, 1, 5 → 8 / 3 = 2.666… → 2.67; one of three agrees → 33.33 %.
    expect(likertItemStatistics([['2'], ['1'], ['5']])).toMatchObject({ answered: 3, mean: 2.67, agreePercent: 33.33 });
  });

  it('leaves out those who skipped the item or cleared it, and anything that is not one level 1–5', () => {
    expect(likertItemStatistics([undefined, [], ['4'], ['6'], ['0'], ['4', '5'], ['x']])).toEqual({
      answered: 1,
      mean: 4,
      agreePercent: 100,
      counts: { 5: 0, 4: 1, 3: 0, 2: 0, 1: 0 },
    });
  });

  it('has no mean and no share while nobody answered', () => {
    expect(likertItemStatistics([])).toEqual({ answered: 0, mean: null, agreePercent: null, counts: { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 } });
  });
});

describe('the follow-up outcomes a survey measures', () => {
  const items = [
    { questionId: 'q1', followUpOutcome: 'คนดี' },
    { questionId: 'q2', followUpOutcome: 'คนดี' },
    { questionId: 'sat', followUpOutcome: null },
    { questionId: 'q3', followUpOutcome: 'จิตสาธารณะ' },
  ];

  it('counts a respondent as achieving an outcome when their mean over its items is at least 4', () => {
    const responses = [
      // คนดี: (5 + 3) / 2 = 4 → achieves; จิตสาธารณะ: 4 → achieves.
      { q1: ['5'], q2: ['3'], sat: ['1'], q3: ['4'] },
      // คนดี: (4 + 3) / 2 = 3.5 → not; จิตสาธารณะ: 3 → not.
      { q1: ['4'], q2: ['3'], q3: ['3'] },
      // คนดี: only q2 answered, 4 → achieves; จิตสาธารณะ skipped → not a respondent of it.
      { q2: ['4'] },
      // Answered only the satisfaction item: a respondent of neither outcome.
      { sat: ['5'] },
      // คนดี: 2 and 5 → 3.5 → not; จิตสาธารณะ: 5 → achieves.
      { q1: ['2'], q2: ['5'], q3: ['5'] },
    ];
    expect(followUpOutcomes(items, responses)).toEqual([
      // 2 of 4 → 50 %, below 80 %.
      { outcome: 'คนดี', itemCount: 2, respondents: 4, achieving: 2, percent: 50, targetPercent: 80, met: false },
      // 2 of 3 → 66.67 %.
      { outcome: 'จิตสาธารณะ', itemCount: 1, respondents: 3, achieving: 2, percent: 66.67, targetPercent: 80, met: false },
    ]);
  });

  it('meets the target at exactly 80 %, and says nothing yet when nobody answered', () => {
    const fiveOfThem = [['5'], ['4'], ['4'], ['5'], ['2']].map((a) => ({ q3: a }));
    expect(followUpOutcomes(items, fiveOfThem)).toEqual([
      { outcome: 'คนดี', itemCount: 2, respondents: 0, achieving: 0, percent: null, targetPercent: 80, met: null },
      { outcome: 'จิตสาธารณะ', itemCount: 1, respondents: 5, achieving: 4, percent: 80, targetPercent: 80, met: true },
    ]);
  });

  it('has no outcomes when no item names one', () => {
    expect(followUpOutcomes([{ questionId: 'sat', followUpOutcome: null }], [{ sat: ['5'] }])).toEqual([]);
  });
});

import { likertItemStatistics } from './survey';

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

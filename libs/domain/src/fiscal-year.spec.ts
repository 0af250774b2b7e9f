import { fiscalYearOf, fiscalYearRange, toBuddhistYear } from './fiscal-year';

describe('Thai fiscal years', () => {
  it('converts Christian years to the Buddhist Era', () => {
    expect(toBuddhistYear(2024)).toBe(2567);
  });

  it('puts 1 October in the next fiscal year and 30 September in the current one', () => {
    expect(fiscalYearOf(new Date('2024-10-02T03:00:00Z'))).toBe(2568);
    expect(fiscalYearOf(new Date('2024-09-30T10:00:00Z'))).toBe(2567);
  });

  it('reads the date on the Bangkok calendar, not in UTC', () => {
    // 30 Sep 2024 18:30 UTC is already 1 Oct 01:30 in Bangkok.
    expect(fiscalYearOf(new Date('2024-09-30T18:30:00Z'))).toBe(2568);
    // 30 Sep 2024 16:59:59 UTC is still 30 Sep 23:59:59 in Bangkok.
    expect(fiscalYearOf(new Date('2024-09-30T16:59:59Z'))).toBe(2567);
  });

  it('gives fiscal year 2567 as 1 Oct 2023 to 30 Sep 2024 in Bangkok', () => {
    const range = fiscalYearRange(2567);
    expect(range.start.toISOString()).toBe('2023-09-30T17:00:00.000Z');
    expect(range.end.toISOString()).toBe('2024-09-30T17:00:00.000Z');
  });
});

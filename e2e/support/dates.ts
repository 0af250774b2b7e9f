/**
 * Days for browser specs that must stay in the future whenever the suite runs: a fixed month and day of next
 * year (Christian), so a spec can still write the month and day it expects the page to show, and only the
 * year follows the calendar. A day from February to September of next year falls in fiscal year NEXT_YEAR + 543.
 */
export const NEXT_YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric' }).format(new Date())) + 1;

/** Next year on the Buddhist calendar, as the pages write it (e.g. 2570). */
export const NEXT_YEAR_BE = NEXT_YEAR + 543;

/** `MM-DD` of next year as a date input value, e.g. nextYear('05-12') → '2027-05-12'. */
export function nextYear(monthDay: string): string {
  return `${NEXT_YEAR}-${monthDay}`;
}

/** Thai weekday names, Sunday first, as the pages write them in long dates. */
const THAI_WEEKDAYS = ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์'];

/** The Thai name of a YYYY-MM-DD day's weekday, e.g. 'พุธ'. */
export function thaiWeekday(day: string): string {
  return THAI_WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()];
}

/** The column of a YYYY-MM-DD day in a calendar whose weeks start on Monday: 0 for a Monday, 6 for a Sunday. */
export function mondayFirstColumn(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

import { BUDDHIST_ERA_OFFSET } from '@sujarit/domain';

/*
 * Calendar arithmetic on Bangkok wall dates. Bangkok keeps UTC+7 all year, so shifting an instant
 * by seven hours and reading its UTC fields gives the Bangkok date whatever zone the device is in.
 */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/** A month of the Christian calendar, as date inputs and the API count them (month 1–12). */
export interface CalendarMonth {
  year: number;
  month: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Bangkok date of an instant as YYYY-MM-DD (the value a date input takes). */
export const bangkokDateInput = (iso: string) => new Date(Date.parse(iso) + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);

/** The Bangkok wall time of an instant as HH:MM (the value a time input takes). */
export const bangkokTimeInput = (iso: string) => new Date(Date.parse(iso) + BANGKOK_OFFSET_MS).toISOString().slice(11, 16);

export const monthOfDateInput = (date: string): CalendarMonth => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
});

/** e.g. "2027-03", as the address keeps it. */
export const monthParam = ({ year, month }: CalendarMonth) => `${year}-${pad(month)}`;

export function parseMonthParam(raw: string | null): CalendarMonth | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(raw ?? '');
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return year >= 1957 && year <= 2157 && month >= 1 && month <= 12 ? { year, month } : undefined;
}

export function addMonths({ year, month }: CalendarMonth, delta: number): CalendarMonth {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The Thai fiscal year (พ.ศ.) a month belongs to: October starts the next one. */
export const fiscalYearOfMonth = ({ year, month }: CalendarMonth) => (month >= 10 ? year + 1 : year) + BUDDHIST_ERA_OFFSET;

/** October, the first month of a fiscal year (พ.ศ.). */
export const firstMonthOfFiscalYear = (fiscalYear: number): CalendarMonth => ({
  year: fiscalYear - BUDDHIST_ERA_OFFSET - 1,
  month: 10,
});

export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string;
  day: number;
  inMonth: boolean;
}

/** The weeks that show a month, Monday first, padded with the neighbouring months' days. */
export function monthWeeks({ year, month }: CalendarMonth): CalendarDay[][] {
  const first = Date.UTC(year, month - 1, 1);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // getUTCDay counts from Sunday; Monday-first puts Sunday last.
  const leading = (new Date(first).getUTCDay() + 6) % 7;
  const cells = Math.ceil((leading + daysInMonth) / 7) * 7;
  const days = Array.from({ length: cells }, (_, i) => {
    const date = new Date(first + (i - leading) * 24 * 60 * 60 * 1000);
    return { date: date.toISOString().slice(0, 10), day: date.getUTCDate(), inMonth: date.getUTCMonth() === month - 1 };
  });
  return Array.from({ length: cells / 7 }, (_, w) => days.slice(w * 7, w * 7 + 7));
}

/*
 * What a date field shows and what it reads back, kept apart from lib/dates so the trainee's pages never load it.
 * The value stays an ISO date (YYYY-MM-DD, Christian year) as the API has it; the person sees and types the
 * Buddhist year in Thai ("15 ม.ค. 2570", "15/1/2570") and the Christian one in English ("15 Jan 2027").
 */

/** Years from here on are Buddhist Era; a Christian year this large is centuries away. */
const FIRST_BE_YEAR = 2400;
export const BE_OFFSET = 543;

type Language = 'th' | 'en';

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day as an ISO date, or null when there is no such day. */
export function isoDateOf(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The local midnight of an ISO date, as a calendar widget counts days; null when it is not one. */
export function calendarDayOf(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || !isoDateOf(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** The ISO date of a calendar widget's day (its local year, month and day). */
export const isoDateOfCalendarDay = (day: Date) => `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;

const intlLocale = (language: Language) => (language === 'th' ? 'th-TH-u-ca-buddhist-nu-latn' : 'en-GB-u-ca-gregory');

/** e.g. "15 ม.ค. 2570" in Thai, "15 Jan 2027" in English; '' for anything that is not an ISO date. */
export function displayDate(iso: string, language: Language): string {
  const day = calendarDayOf(iso);
  if (!day) return '';
  return new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'short', year: 'numeric' }).format(day);
}

/** Month names as people type them: full and short, with and without dots, in both languages. */
const MONTH_NAMES: ReadonlyMap<string, number> = (() => {
  const names = new Map<string, number>();
  for (const locale of ['th-TH', 'en-GB']) {
    for (const month of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
      for (let m = 1; m <= 12; m++) {
        const name = format.format(new Date(Date.UTC(2000, m - 1, 1))).toLowerCase();
        names.set(name, m);
        names.set(name.replace(/\./g, ''), m);
      }
    }
  }
  return names;
})();

const toCommonEra = (year: number) => (year >= FIRST_BE_YEAR ? year - BE_OFFSET : year);

/**
 * A typed date as an ISO date, or null when it cannot be read. Takes day/month/year ("15/1/2570", "15-01-2027",
 * "15.1.2570"), a month by name ("15 ม.ค. 2570", "15 มกราคม 2570", "15 Jan 2027") and ISO ("2027-01-15").
 * A year from 2400 on is Buddhist Era, any other Christian: the two never meet in a training calendar.
 */
export function parseTypedDate(text: string): string | null {
  const typed = text.trim().replace(/\s+/g, ' ');
  if (typed === '') return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) return isoDateOf(toCommonEra(Number(iso[1])), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(typed);
  if (numeric) return isoDateOf(toCommonEra(Number(numeric[3])), Number(numeric[2]), Number(numeric[1]));
  const named = /^(\d{1,2}) ?([^\d\s]+(?: [^\d\s]+)?) ?(\d{4})$/.exec(typed);
  if (named) {
    const month = MONTH_NAMES.get(named[2].toLowerCase()) ?? MONTH_NAMES.get(named[2].toLowerCase().replace(/[.\s]/g, ''));
    if (month) return isoDateOf(toCommonEra(Number(named[3])), month, Number(named[1]));
  }
  return null;
}

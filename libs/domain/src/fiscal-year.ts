/** Thai fiscal years: 1 October to 30 September, named by the Buddhist Era year in which they end. */

export const BANGKOK_TIME_ZONE = 'Asia/Bangkok';
export const BUDDHIST_ERA_OFFSET = 543;
/** Bangkok has kept UTC+7 without daylight saving since 1920. */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

export function toBuddhistYear(christianYear: number): number {
  return christianYear + BUDDHIST_ERA_OFFSET;
}

export function toChristianYear(buddhistYear: number): number {
  return buddhistYear - BUDDHIST_ERA_OFFSET;
}

/** The fiscal year (Buddhist Era) that an instant falls in, read on the Bangkok calendar. */
export function fiscalYearOf(instant: Date): number {
  const bangkok = new Date(instant.getTime() + BANGKOK_OFFSET_MS);
  const year = bangkok.getUTCFullYear();
  const month = bangkok.getUTCMonth() + 1;
  return toBuddhistYear(month >= 10 ? year + 1 : year);
}

export interface FiscalYearRange {
  /** First instant of the year: 1 October 00:00 in Bangkok. */
  start: Date;
  /** First instant after the year (exclusive). */
  end: Date;
}

export function fiscalYearRange(fiscalYear: number): FiscalYearRange {
  const endsInChristianYear = toChristianYear(fiscalYear);
  return {
    start: new Date(Date.UTC(endsInChristianYear - 1, 9, 1) - BANGKOK_OFFSET_MS),
    end: new Date(Date.UTC(endsInChristianYear, 9, 1) - BANGKOK_OFFSET_MS),
  };
}

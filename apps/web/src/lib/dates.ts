import { BANGKOK_TIME_ZONE } from '@sujarit/domain';
import { i18n } from './i18n';

/** Dates are always shown on the Buddhist calendar in Bangkok time, whatever the device is set to. */
const locale = () => (i18n.language === 'en' ? 'en-GB-u-ca-buddhist' : 'th-TH-u-ca-buddhist');

const format = (iso: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale(), { timeZone: BANGKOK_TIME_ZONE, ...options }).format(new Date(iso));

/** e.g. "15 ม.ค. 2569" */
export const formatDate = (iso: string) => format(iso, { day: 'numeric', month: 'short', year: 'numeric' });

/** e.g. "วันพฤหัสบดีที่ 15 มกราคม 2569" */
export const formatLongDate = (iso: string) =>
  format(iso, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** e.g. "09:00" */
export const formatTime = (iso: string) => format(iso, { hour: '2-digit', minute: '2-digit', hour12: false });

/** e.g. "15 ม.ค. 2569 09:00" */
export const formatDateTime = (iso: string) => `${formatDate(iso)} ${formatTime(iso)}`;

/** e.g. "15 ม.ค. 2569 09:00–16:00", or both ends in full when the session runs over midnight. */
export function formatTimeRange(startIso: string, endIso: string): string {
  if (formatDate(startIso) === formatDate(endIso)) return `${formatDate(startIso)} ${formatTime(startIso)}–${formatTime(endIso)}`;
  return `${formatDateTime(startIso)} – ${formatDateTime(endIso)}`;
}

const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_INPUT = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/;

export const isDateInput = (value: string) => {
  const match = DATE_INPUT.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
};

export const isTimeInput = (value: string) => TIME_INPUT.test(value);

/**
 * A date input (YYYY-MM-DD, Christian year as browsers give it) and a time input (HH:MM),
 * both read as Bangkok wall time, as an ISO 8601 instant with the +07:00 offset.
 * Bangkok keeps UTC+7 all year, so the offset is fixed and the device's own zone never matters.
 */
export function bangkokWallTimeToIso(date: string, time: string): string | null {
  if (!isDateInput(date) || !isTimeInput(time)) return null;
  return `${date}T${time.slice(0, 5)}:00+07:00`;
}

/** Today's date in Bangkok as a date input value (YYYY-MM-DD). */
export function bangkokToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: BANGKOK_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

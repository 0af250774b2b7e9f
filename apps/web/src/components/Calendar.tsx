import { DayPicker } from 'react-day-picker';
import { DayPicker as BuddhistDayPicker, th } from 'react-day-picker/buddhist';
import 'react-day-picker/style.css';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDayOf, isoDateOfCalendarDay } from '../lib/date-input';

/** The years the calendar's year list offers around today; typing reaches any other. */
const YEARS_AROUND = 10;

interface CalendarProps {
  /** The ISO date chosen, if the field holds one. */
  value: string;
  /** Today in Bangkok (ISO), whatever the device's own zone. */
  today: string;
  onPick: (iso: string) => void;
}

/**
 * A month grid to pick a day from: react-day-picker's Buddhist build in Thai (Thai months, พ.ศ. in the caption and
 * the year list), its usual one in English. Arrow keys move between days; it opens on the day chosen, else today.
 */
export function Calendar({ value, today: todayIso, onPick }: CalendarProps) {
  const { i18n } = useTranslation();
  const selected = calendarDayOf(value) ?? undefined;
  const today = calendarDayOf(todayIso) ?? new Date();
  const props = {
    mode: 'single' as const,
    selected,
    onSelect: (day: Date | undefined) => day && onPick(isoDateOfCalendarDay(day)),
    defaultMonth: selected ?? today,
    today,
    captionLayout: 'dropdown' as const,
    startMonth: new Date(today.getFullYear() - YEARS_AROUND, 0),
    endMonth: new Date(today.getFullYear() + YEARS_AROUND, 11),
    // Arabic digits, as the rest of the app writes its Thai dates.
    numerals: 'latn' as const,
  };
  // The day to start from takes the focus once the calendar is drawn and listening, so the calendar knows which day
  // the arrow keys move from (its own autoFocus could land before its focus handler, under Preact, and the keys then
  // did nothing); before the browser paints, so no key reaches the button that opened it first.
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    box.current?.querySelector<HTMLButtonElement>('.rdp-day_button[tabindex="0"]')?.focus();
  }, []);
  return (
    <div ref={box}>
      {i18n.language !== 'en' ? <BuddhistDayPicker {...props} locale={th} /> : <DayPicker {...props} />}
    </div>
  );
}

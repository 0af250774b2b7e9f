import { lazy, Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { displayDate, parseTypedDate } from '../lib/date-input';
import { bangkokToday } from '../lib/dates';
import './date-picker.css';

// The calendar (react-day-picker and date-fns, about 25 KB) loads when first opened, not with every form.
const Calendar = lazy(() => import('./Calendar').then((m) => ({ default: m.Calendar })));

interface DateInputProps {
  id: string;
  /** An ISO date (YYYY-MM-DD), '' for none, or the text typed when it is not a date (for the form to refuse). */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  invalid?: boolean;
  describedBy?: string;
  /** Names the input when no <label> points at it (a part of a date-and-time group). */
  ariaLabel?: string;
  /** The form's handle on the input, so a refused form can focus it. */
  inputRef?: (element: HTMLInputElement | null) => void;
}

/**
 * A date typed or picked from a calendar: the Buddhist year and Thai months in Thai ("15 ม.ค. 2570"), the
 * Christian year in English. The calendar opens under the field (no floating layer to fall off a 320 px screen),
 * takes arrow keys, and Escape closes it.
 */
export function DateInput({ id, value, onChange, onBlur, invalid, describedBy, ariaLabel, inputRef: formRef }: DateInputProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'th';
  const [text, setText] = useState(() => displayDate(value, language) || value);
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const calendarId = useId();

  // A value set from outside (a form reset) shows as that date; what is being typed stays as typed.
  useEffect(() => {
    setText((current) => ((parseTypedDate(current) ?? current.trim()) === value ? current : displayDate(value, language) || value));
  }, [value, language]);
  // A language switched shows the date in the new language's year.
  const shownLanguage = useRef(language);
  useEffect(() => {
    if (shownLanguage.current === language) return;
    shownLanguage.current = language;
    setText((current) => displayDate(parseTypedDate(current) ?? '', language) || current);
  }, [language]);

  const type = (typed: string) => {
    setText(typed);
    onChange(parseTypedDate(typed) ?? typed.trim());
  };
  const close = (focus: 'input' | 'toggle') => {
    setOpen(false);
    (focus === 'input' ? inputRef : toggleRef).current?.focus();
  };
  const pick = (iso: string) => {
    onChange(iso);
    setText(displayDate(iso, language));
    close('input');
  };
  const onCalendarKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close('toggle');
    }
    // Enter on a day picks it once the key's own handling is over: picking closes the calendar, and closing it while
    // the browser still dispatches the key to the day's button (under Preact) froze the page.
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLButtonElement && target.classList.contains('rdp-day_button')) {
      event.preventDefault();
      setTimeout(() => target.click(), 0);
    }
  };

  return (
    <div className="date-input">
      <div className="date-input__row">
        <input
          ref={(element) => {
            inputRef.current = element;
            formRef?.(element);
          }}
          id={id}
          className="input"
          type="text"
          autoComplete="off"
          placeholder={t('datePicker.placeholder')}
          value={text}
          aria-label={ariaLabel}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => type(event.target.value)}
          onBlur={() => {
            const iso = parseTypedDate(text);
            if (iso) setText(displayDate(iso, language));
            onBlur?.();
          }}
        />
        <button
          ref={toggleRef}
          type="button"
          className="button date-input__toggle"
          aria-expanded={open}
          aria-controls={open ? calendarId : undefined}
          aria-label={t('datePicker.open')}
          onClick={() => setOpen(!open)}
        >
          <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
            <rect x="3" y="5" width="18" height="16" rx="2" />
            <path d="M3 10h18M8 3v4M16 3v4" />
          </svg>
        </button>
      </div>
      {open && (
        <div id={calendarId} className="date-input__calendar" role="group" aria-label={t('datePicker.calendar')} onKeyDown={onCalendarKey}>
          <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
            <Calendar value={value} today={bangkokToday()} onPick={pick} />
          </Suspense>
        </div>
      )}
    </div>
  );
}

/** How a date may be typed, in the language's own year. */
export function DateFormatHint({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <p className="field__hint" id={id}>
      {t('datePicker.format')}
    </p>
  );
}

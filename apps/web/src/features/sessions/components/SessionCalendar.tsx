import type { Session } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { bangkokToday, formatTime } from '../../../lib/dates';
import { addMonths, bangkokDateInput, monthWeeks, type CalendarMonth } from './calendar-month';
import { WarningIcon } from './OverlapWarning';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

interface SessionCalendarProps {
  sessions: Session[];
  month: CalendarMonth;
  onMonthChange: (month: CalendarMonth) => void;
}

/**
 * A month of sessions, each on its Bangkok date whatever zone the device is in. A desk gets the
 * Monday-first grid; a phone gets the same month as a list of the days that have sessions.
 */
export function SessionCalendar({ sessions, month, onMonthChange }: SessionCalendarProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB-u-ca-buddhist' : 'th-TH-u-ca-buddhist';
  const firstOfMonth = Date.UTC(month.year, month.month - 1, 1);
  // The calendar's own dates are wall dates already: format them in UTC so nothing shifts them.
  const heading = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(firstOfMonth);
  const dayHeading = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const today = bangkokToday();
  const weeks = monthWeeks(month);

  const byDay = new Map<string, Session[]>();
  for (const session of sessions) {
    const day = bangkokDateInput(session.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), session]);
  }
  const daysWithSessions = weeks.flat().filter((day) => day.inMonth && byDay.has(day.date));

  return (
    <section className="calendar" aria-labelledby="calendar-heading">
      <div className="calendar__nav">
        <button type="button" className="button button--small calendar__previous" onClick={() => onMonthChange(addMonths(month, -1))}>
          ‹ {t('sessionAdmin.calendar.previous')}
        </button>
        <h2 id="calendar-heading" className="calendar__heading" aria-live="polite">
          {heading}
        </h2>
        <button type="button" className="button button--small calendar__next" onClick={() => onMonthChange(addMonths(month, 1))}>
          {t('sessionAdmin.calendar.next')} ›
        </button>
      </div>

      <table className="calendar__grid" aria-labelledby="calendar-heading">
        <thead>
          <tr>
            {WEEKDAYS.map((weekday) => (
              <th key={weekday} scope="col">
                <abbr title={t(`sessionAdmin.calendar.weekdayNames.${weekday}`)}>
                  {t(`sessionAdmin.calendar.weekdays.${weekday}`)}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0].date}>
              {week.map((day) =>
                day.inMonth ? (
                  <td
                    key={day.date}
                    data-date={day.date}
                    className={day.date === today ? 'calendar__day calendar__day--today' : 'calendar__day'}
                    aria-current={day.date === today ? 'date' : undefined}
                  >
                    <span className="calendar__date">{day.day}</span>
                    <SessionLinks sessions={byDay.get(day.date) ?? []} />
                  </td>
                ) : (
                  <td key={day.date} className="calendar__day calendar__day--outside" aria-hidden="true" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>

      <div className="calendar__agenda">
        {daysWithSessions.length === 0 ? (
          <p className="muted">{t('sessionAdmin.calendar.emptyMonth')}</p>
        ) : (
          <ol className="agenda">
            {daysWithSessions.map((day) => (
              <li key={day.date} className="agenda__day" data-date={day.date}>
                <h3 className="agenda__heading">
                  {dayHeading.format(Date.parse(`${day.date}T00:00:00Z`))}
                  {day.date === today && <span className="badge">{t('sessionAdmin.calendar.today')}</span>}
                </h3>
                <SessionLinks sessions={byDay.get(day.date) ?? []} />
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function SessionLinks({ sessions }: { sessions: Session[] }) {
  const { t } = useTranslation();
  if (sessions.length === 0) return null;
  return (
    <ul className="calendar__sessions">
      {sessions.map((session) => (
        <li key={session.id}>
          <Link to={`/sessions/${session.id}`} className={`calendar__session calendar__session--${session.status}`}>
            <span className="calendar__time">{formatTime(session.startsAt)}</span> {session.title}
            {session.status !== 'scheduled' && session.status !== 'open' && (
              <span className="calendar__status"> ({t(`sessionAdmin.status.${session.status}`)})</span>
            )}
            {session.overlaps.length > 0 && (
              <span className="calendar__overlap" title={t('sessionAdmin.overlap.heading')}>
                <WarningIcon />
                <span className="visually-hidden">{t('sessionAdmin.overlap.heading')}</span>
              </span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}

import { SESSION_STATUSES, type Session } from '@sujarit/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { Loading } from '../../../components/Loading';
import { bangkokToday } from '../../../lib/dates';
import { formatCount } from '../../../lib/numbers';
import { useSessionList } from '../api/get-sessions';
import {
  bangkokDateInput,
  firstMonthOfFiscalYear,
  fiscalYearOfMonth,
  monthOfDateInput,
  type CalendarMonth,
} from './calendar-month';
import { SESSION_VIEWS, useSessionFilters } from './session-filters';
import { SessionCalendar } from './SessionCalendar';
import { SessionRows } from './SessionRows';

/** A program as the filter offers it; the page that composes this one fetches them. */
export interface ProgramChoice {
  id: string;
  code: string;
  name: string;
}

interface SessionsPageProps {
  programs: ProgramChoice[];
}

/** This month when it is in the chosen year, else the month of the year's first session, else October. */
function defaultMonth(fiscalYear: number, sessions: Session[]): CalendarMonth {
  const thisMonth = monthOfDateInput(bangkokToday());
  if (fiscalYearOfMonth(thisMonth) === fiscalYear) return thisMonth;
  const first = sessions[0];
  return first ? monthOfDateInput(bangkokDateInput(first.startsAt)) : firstMonthOfFiscalYear(fiscalYear);
}

/** Every session of the organization in one place: filtered by year, program and status, as a list or a month. */
export function SessionsPage({ programs }: SessionsPageProps) {
  const { t } = useTranslation();
  const [filters, setFilters] = useSessionFilters();
  const list = useSessionList({ fiscalYear: filters.fiscalYear, programId: filters.programId }, { keepPrevious: true });
  const sessions = (list.data?.sessions ?? []).filter((s) => !filters.status || s.status === filters.status);
  const month = filters.month ?? defaultMonth(filters.fiscalYear, sessions);

  return (
    <main className="page stack">
      <div className="page__head">
        <h1>{t('sessionAdmin.title')}</h1>
      </div>
      <div className="page__filters session-filters">
        <FiscalYearSelect
          value={filters.fiscalYear}
          onChange={(fiscalYear) => setFilters({ fiscalYear, month: null })}
        />
        <FilterSelect
          label={t('sessionAdmin.filters.program')}
          value={filters.programId ?? ''}
          onChange={(programId) => setFilters({ programId })}
          options={[
            { value: '', label: t('sessionAdmin.filters.allPrograms') },
            ...programs.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` })),
          ]}
        />
        <FilterSelect
          label={t('sessionAdmin.filters.status')}
          value={filters.status ?? ''}
          onChange={(status) => setFilters({ status: SESSION_STATUSES.find((s) => s === status) ?? null })}
          options={[
            { value: '', label: t('sessionAdmin.filters.allStatuses') },
            ...SESSION_STATUSES.map((status) => ({ value: status, label: t(`sessionAdmin.status.${status}`) })),
          ]}
        />
      </div>
      <div className="view-toggle" role="group" aria-label={t('sessionAdmin.views.label')}>
        {SESSION_VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            className={filters.view === view ? 'button button--small button--primary' : 'button button--small'}
            aria-pressed={filters.view === view}
            onClick={() => setFilters({ view })}
          >
            {t(`sessionAdmin.views.${view}`)}
          </button>
        ))}
      </div>
      {list.isPending && <Loading />}
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.data && (
        <>
          <p className="muted" role="status">
            {t('sessionAdmin.list.count', { n: formatCount(sessions.length), year: filters.fiscalYear })}
          </p>
          {filters.view === 'calendar' ? (
            <SessionCalendar
              sessions={sessions}
              month={month}
              // The list holds one fiscal year: a month of another year brings that year's sessions.
              onMonthChange={(next) => setFilters({ month: next, fiscalYear: fiscalYearOfMonth(next) })}
            />
          ) : sessions.length === 0 ? (
            <p className="muted">{t('sessionAdmin.list.empty')}</p>
          ) : (
            <SessionRows sessions={sessions} />
          )}
        </>
      )}
    </main>
  );
}

interface FilterSelectProps {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}

function FilterSelect({ label, value, options, onChange }: FilterSelectProps) {
  const id = useId();
  return (
    <div className="field field--inline">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

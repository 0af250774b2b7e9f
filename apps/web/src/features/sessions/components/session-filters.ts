import { SESSION_STATUSES, type Session } from '@sujarit/contracts';
import { useSearchParams } from 'react-router-dom';
import { currentFiscalYear } from '../../../lib/fiscal-year';
import { monthParam, parseMonthParam, type CalendarMonth } from './calendar-month';

export const SESSION_VIEWS = ['list', 'calendar'] as const;
export type SessionView = (typeof SESSION_VIEWS)[number];

export interface SessionFilters {
  fiscalYear: number;
  programId?: string;
  status?: Session['status'];
  view: SessionView;
  /** The calendar's month; without it the page picks one of the fiscal year. */
  month?: CalendarMonth;
}

export interface SessionFiltersChange {
  fiscalYear?: number;
  programId?: string | null;
  status?: Session['status'] | null;
  view?: SessionView;
  month?: CalendarMonth | null;
}

const isStatus = (raw: string | null): raw is Session['status'] =>
  (SESSION_STATUSES as readonly (string | null)[]).includes(raw);

/**
 * The list's filters live in the address (?fiscalYear=2570&programId=…&status=open&view=calendar&month=2027-03),
 * so a link or a reload shows the same sessions. One setter changes several at once.
 */
export function useSessionFilters(): [SessionFilters, (change: SessionFiltersChange) => void] {
  const [params, setParams] = useSearchParams();
  const rawYear = Number(params.get('fiscalYear'));
  const status = params.get('status');
  const filters: SessionFilters = {
    fiscalYear: Number.isInteger(rawYear) && rawYear >= 2500 && rawYear <= 2700 ? rawYear : currentFiscalYear(),
    programId: params.get('programId') || undefined,
    status: isStatus(status) ? status : undefined,
    view: params.get('view') === 'calendar' ? 'calendar' : 'list',
    month: parseMonthParam(params.get('month')),
  };
  const setFilters = (change: SessionFiltersChange) =>
    setParams(
      (prev) => {
        const updated = new URLSearchParams(prev);
        const put = (key: string, value: string | null | undefined) => {
          if (value === undefined) return;
          if (value === null || value === '') updated.delete(key);
          else updated.set(key, value);
        };
        put('fiscalYear', change.fiscalYear === undefined ? undefined : String(change.fiscalYear));
        put('programId', change.programId);
        put('status', change.status);
        put('view', change.view === undefined ? undefined : change.view === 'list' ? null : change.view);
        put('month', change.month === undefined ? undefined : change.month === null ? null : monthParam(change.month));
        return updated;
      },
      { replace: true },
    );
  return [filters, setFilters];
}

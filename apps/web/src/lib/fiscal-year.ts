import { fiscalYearOf } from '@sujarit/domain';
import { useSearchParams } from 'react-router-dom';

/** The plan covers fiscal years 2566–2570; the current year is offered too once the plan has run out. */
const PLAN_YEARS = [2566, 2567, 2568, 2569, 2570];

export const currentFiscalYear = () => fiscalYearOf(new Date());

export function fiscalYearOptions(current: number = currentFiscalYear()): number[] {
  return [...new Set([...PLAN_YEARS, current])].sort((a, b) => a - b);
}

/** Years a plan is drawn up for: the plan's years through a few years ahead, and any year already in view. */
export function planningYearOptions(shown: number[] = [], current: number = currentFiscalYear()): number[] {
  const ahead = Array.from({ length: 4 }, (_, i) => current + i);
  return [...new Set([...PLAN_YEARS, ...ahead, ...shown])].sort((a, b) => a - b);
}

/** The fiscal year chosen on a page, kept in the address (?fiscalYear=2569) so a link shows the same year. */
export function useFiscalYearParam(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('fiscalYear'));
  const year = Number.isInteger(raw) && raw >= 2500 && raw <= 2700 ? raw : currentFiscalYear();
  const setYear = (next: number) =>
    setParams(
      (prev) => {
        const updated = new URLSearchParams(prev);
        updated.set('fiscalYear', String(next));
        return updated;
      },
      { replace: true },
    );
  return [year, setYear];
}

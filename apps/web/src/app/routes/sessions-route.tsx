import { useProgramList } from '../../features/programs/api/get-programs';
import { SessionsPage } from '../../features/sessions/components/SessionsPage';
import { useFiscalYearParam } from '../../lib/fiscal-year';

/**
 * The sessions list filters by program; the programs feature is where the programs come from. Archived
 * programs are offered too: their sessions are still listed.
 */
export function SessionsRoute() {
  const [fiscalYear] = useFiscalYearParam();
  const programs = useProgramList(fiscalYear, { includeArchived: true });
  return <SessionsPage programs={programs.data?.programs ?? []} />;
}

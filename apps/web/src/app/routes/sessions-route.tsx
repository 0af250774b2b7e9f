import { useProgramList } from '../../features/programs/api/get-programs';
import { SessionsPage } from '../../features/sessions/components/SessionsPage';
import { useFiscalYearParam } from '../../lib/fiscal-year';

/** The sessions list filters by program; the programs feature is where the programs come from. */
export function SessionsRoute() {
  const [fiscalYear] = useFiscalYearParam();
  const programs = useProgramList(fiscalYear);
  return <SessionsPage programs={programs.data?.programs ?? []} />;
}

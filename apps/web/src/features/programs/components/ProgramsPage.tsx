import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { Loading } from '../../../components/Loading';
import { useFiscalYearParam } from '../../../lib/fiscal-year';
import { useProgramList } from '../api/get-programs';
import { ProgramCard } from './ProgramCard';

export function ProgramsPage() {
  const { t } = useTranslation();
  const [fiscalYear, setFiscalYear] = useFiscalYearParam();
  const programs = useProgramList(fiscalYear);
  return (
    <main className="page">
      <div className="page__head">
        <h1>{t('programs.title')}</h1>
        <FiscalYearSelect value={fiscalYear} onChange={setFiscalYear} />
      </div>
      {programs.isPending && <Loading />}
      <ErrorAlert error={programs.error} onRetry={() => void programs.refetch()} />
      {programs.data && programs.data.programs.length === 0 && <p className="muted">{t('programs.empty')}</p>}
      <div className="card-grid">
        {programs.data?.programs.map((program) => (
          <ProgramCard key={program.id} program={program} fiscalYear={programs.data.fiscalYear} />
        ))}
      </div>
    </main>
  );
}

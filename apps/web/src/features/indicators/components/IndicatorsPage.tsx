import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { Loading } from '../../../components/Loading';
import { useFiscalYearParam } from '../../../lib/fiscal-year';
import { useIndicatorList } from '../api/get-indicators';
import { IndicatorCard } from './IndicatorCard';

export function IndicatorsPage() {
  const { t } = useTranslation();
  const [fiscalYear, setFiscalYear] = useFiscalYearParam();
  const indicators = useIndicatorList(fiscalYear);
  return (
    <main className="page">
      <div className="page__head">
        <h1>{t('indicators.title')}</h1>
        <FiscalYearSelect value={fiscalYear} onChange={setFiscalYear} />
      </div>
      <p className="muted">{t('indicators.intro')}</p>
      {indicators.isPending && <Loading />}
      <ErrorAlert error={indicators.error} onRetry={() => void indicators.refetch()} />
      {indicators.data && indicators.data.programs.length === 0 && <p className="muted">{t('indicators.empty')}</p>}
      <div className="card-grid">
        {indicators.data?.programs.map((indicator) => (
          <IndicatorCard key={indicator.programId} indicator={indicator} />
        ))}
      </div>
    </main>
  );
}

import { useTranslation } from 'react-i18next';
import { DownloadButtons } from '../../../components/DownloadButtons';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { Loading } from '../../../components/Loading';
import { useFiscalYearParam } from '../../../lib/fiscal-year';
import { indicatorsExportUrl, sessionsExportUrl } from '../api/export-files';
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
      <section className="card stack" aria-label={t('downloads.hint')}>
        <DownloadButtons what={t('downloads.indicators')} url={(format) => indicatorsExportUrl(fiscalYear, format)} />
        <DownloadButtons what={t('downloads.sessions')} url={(format) => sessionsExportUrl(fiscalYear, format)} />
        <p className="note">{t('downloads.hint')}</p>
      </section>
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

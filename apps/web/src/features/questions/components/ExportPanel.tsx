import { useTranslation } from 'react-i18next';
import { questionExportUrl } from '../api/question-files';

/** The program's active bank as files: GIFT for Moodle, CSV for Excel. */
export function ExportPanel({ programId }: { programId: string }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="question-export-heading">
      <h2 id="question-export-heading">{t('questionBank.export.heading')}</h2>
      <p className="field__hint">{t('questionBank.export.intro')}</p>
      <div className="button-row">
        <a className="button" href={questionExportUrl(programId, 'gift')} download>
          {t('questionBank.export.gift')}
        </a>
        <a className="button" href={questionExportUrl(programId, 'csv')} download>
          {t('questionBank.export.csv')}
        </a>
      </div>
    </section>
  );
}

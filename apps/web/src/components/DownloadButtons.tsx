import { EXPORT_FILE_FORMATS, type ExportFileFormat } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';

/**
 * XLSX and CSV downloads of one export. Plain links: the browser downloads the file itself and the session cookie goes
 * along, so nothing is held in memory and the file name comes from the server (Thai, with an ASCII fallback).
 */
export function DownloadButtons({ what, url }: { what: string; url: (format: ExportFileFormat) => string }) {
  const { t } = useTranslation();
  const label = t('downloads.label', { what });
  return (
    <div className="button-row downloads" role="group" aria-label={label}>
      <span className="muted">{label}</span>
      {EXPORT_FILE_FORMATS.map((format) => (
        <a key={format} className="button button--small" href={url(format)} download aria-label={`${label} ${t(`downloads.${format}`)}`}>
          {t(`downloads.${format}`)}
        </a>
      ))}
    </div>
  );
}

import { useTranslation } from 'react-i18next';

/** The signed sheet the office files: as a PDF, as Excel, or printed from the browser itself. */
export function AttendanceSheetLinks({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const base = `/api/sessions/${encodeURIComponent(sessionId)}/attendance-sheet`;
  return (
    <div className="sheet-links" role="group" aria-label={t('enrolment.sheets.label')}>
      <a className="button button--small" href={`${base}.pdf`} download>
        {t('enrolment.sheets.pdf')}
      </a>
      <a className="button button--small" href={`${base}.xlsx`} download>
        {t('enrolment.sheets.xlsx')}
      </a>
      <a
        className="button button--small"
        href={`${base}.html`}
        target="_blank"
        rel="noopener"
        aria-label={t('enrolment.sheets.printLabel')}
      >
        {t('enrolment.sheets.print')}
      </a>
    </div>
  );
}

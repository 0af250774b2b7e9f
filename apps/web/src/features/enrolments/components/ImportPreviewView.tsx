import type { ImportPreview } from '@sujarit/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../lib/numbers';

type PreviewRow = ImportPreview['valid'][number];

/** Everything else the row says, in one line under the name and its status, so the table fits a phone. */
function describeRow(t: TFunction, row: PreviewRow): string {
  return [
    t(`groups.${row.group}`),
    row.village !== null ? t('enrolment.village', { n: row.village }) : null,
    row.school,
    row.ageBand ? t(`people.ageBands.${row.ageBand}`) : null,
    row.phone,
    row.guardianName ? t('people.list.consent', { name: row.guardianName }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** What the file holds, before anything changes: the rows that will come in, and every problem of the others. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const badRows = new Set(preview.errors.map((error) => error.line)).size;
  return (
    <>
      <p>
        {t('enrolment.import.summary', {
          total: formatCount(preview.totalRows),
          valid: formatCount(preview.valid.length),
          bad: formatCount(badRows),
        })}
      </p>
      {preview.errors.length > 0 && (
        <div className="alert alert--error">
          <p>{t('enrolment.import.errorsHeading', { n: formatCount(preview.errors.length) })}</p>
          <ul className="import-errors">
            {preview.errors.map((error) => (
              <li key={`${error.line}-${error.field}-${error.reason}`}>{t('enrolment.import.error', error)}</li>
            ))}
          </ul>
        </div>
      )}
      {preview.valid.length > 0 && (
        <div className="table-scroll">
          <table className="table import-table">
            <caption>{t('enrolment.import.validCaption', { n: formatCount(preview.valid.length) })}</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {t('enrolment.import.line')}
                </th>
                <th scope="col">{t('people.fields.fullName')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.valid.map((row) => (
                <tr key={row.line}>
                  <td className="numeric">{row.line}</td>
                  <td>
                    <span className="import-table__name">{row.fullName}</span>{' '}
                    {row.alreadyEnrolled ? (
                      <span className="badge badge--enrolment-enrolled">{t('enrolment.import.alreadyEnrolled')}</span>
                    ) : (
                      <span className="badge">{t('enrolment.import.willImport')}</span>
                    )}
                    <span className="import-table__details">{describeRow(t, row)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

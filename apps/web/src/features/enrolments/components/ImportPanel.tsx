import type { ImportResult } from '@sujarit/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SubmitButton, TextField } from '../../../components/fields';
import { formatCount } from '../../../lib/numbers';
import { uploadFileSchema } from '../../../lib/upload-file';
import { useConfirmImport } from '../api/confirm-import';
import { usePreviewImport } from '../api/preview-import';
import { ImportPreviewView } from './ImportPreviewView';

const IMPORT_TEMPLATE_URL = '/api/enrolments/import-template.csv';

function useImportFileSchema() {
  const { t } = useTranslation();
  return useMemo(
    () =>
      uploadFileSchema(/\.(csv|xlsx)$/i, {
        chooseFile: t('enrolment.import.chooseFile'),
        wrongType: t('enrolment.import.wrongType'),
        tooLarge: t('enrolment.import.tooLarge'),
      }),
    [t],
  );
}

/** A list from a spreadsheet: checked first (nothing changes), then imported; people already enrolled are skipped. */
export function ImportPanel({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const schema = useImportFileSchema();
  const previewMutation = usePreviewImport();
  const confirmMutation = useConfirmImport(sessionId);
  // A new key after an import empties the file input for the next file.
  const [formKey, setFormKey] = useState(0);
  const preview = previewMutation.data;
  const newRows = preview?.valid.filter((row) => !row.alreadyEnrolled).length ?? 0;

  return (
    <div className="stack">
      <p className="field__hint">{t('enrolment.import.intro')}</p>
      <p>
        <a href={IMPORT_TEMPLATE_URL} download>
          {t('enrolment.import.template')}
        </a>
      </p>
      <Form
        key={formKey}
        schema={schema}
        className="form import-form"
        aria-label={t('enrolment.import.heading')}
        onSubmit={({ file }) => {
          confirmMutation.reset();
          previewMutation.mutate({ sessionId, file });
        }}
      >
        <TextField
          name="file"
          type="file"
          label={t('enrolment.import.file')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
        <SubmitButton pending={previewMutation.isPending} pendingLabel={t('enrolment.import.checking')}>
          {t('enrolment.import.check')}
        </SubmitButton>
      </Form>
      <ErrorAlert error={previewMutation.error} />
      {preview && (
        <section className="stack import-preview" aria-labelledby="import-preview-heading">
          <h3 id="import-preview-heading">{t('enrolment.import.previewHeading')}</h3>
          <ImportPreviewView preview={preview} />
          {preview.valid.length > 0 && newRows === 0 && <p className="note">{t('enrolment.import.nothingNew')}</p>}
          {preview.valid.length > 0 && (
            <button
              type="button"
              className="button button--primary"
              disabled={newRows === 0 || confirmMutation.isPending}
              aria-busy={confirmMutation.isPending || undefined}
              onClick={() =>
                confirmMutation.mutate(preview.valid, {
                  onSuccess: () => {
                    previewMutation.reset();
                    setFormKey((key) => key + 1);
                  },
                })
              }
            >
              {confirmMutation.isPending
                ? t('enrolment.import.importing')
                : t('enrolment.import.confirm', { n: formatCount(newRows) })}
            </button>
          )}
          <ErrorAlert error={confirmMutation.error} />
        </section>
      )}
      {confirmMutation.data && <ImportResultSummary result={confirmMutation.data} />}
    </div>
  );
}

function ImportResultSummary({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--ok" role="status">
      <p>
        <strong>{t('enrolment.import.resultHeading')}</strong>
      </p>
      <p>
        {t('enrolment.import.result', {
          enrolled: formatCount(result.enrolled),
          waitlisted: formatCount(result.waitlisted),
          alreadyEnrolled: formatCount(result.alreadyEnrolled),
          newPeople: formatCount(result.newPeople),
        })}
      </p>
      {result.errors.length > 0 && (
        <>
          <p>{t('enrolment.import.resultErrors', { n: formatCount(new Set(result.errors.map((e) => e.line)).size) })}</p>
          <ul className="import-errors">
            {result.errors.map((error) => (
              <li key={`${error.line}-${error.field}-${error.reason}`}>{t('enrolment.import.error', error)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

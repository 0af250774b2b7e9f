import type { QuestionImportPreview } from '@sujarit/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SubmitButton, TextField } from '../../../components/fields';
import { formatCount } from '../../../lib/numbers';
import { uploadFileSchema } from '../../../lib/upload-file';
import { useImportQuestions } from '../api/import-questions';
import { usePreviewImport } from '../api/preview-import';
import { QUESTION_TEMPLATE_URL } from '../api/question-files';
import { QuestionOptions } from './QuestionOptions';

const ACCEPT = '.gift,.txt,.xml,.csv,text/plain,text/xml,application/xml,text/csv';

function useQuestionFileSchema() {
  const { t } = useTranslation();
  return useMemo(
    () =>
      uploadFileSchema(/\.(gift|txt|xml|csv)$/i, {
        chooseFile: t('questionBank.import.chooseFile'),
        wrongType: t('questionBank.import.wrongType'),
        tooLarge: t('questionBank.import.tooLarge'),
      }),
    [t],
  );
}

/** Questions from a GIFT, Moodle XML or CSV file: checked first (nothing changes), then added. */
export function ImportPanel({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const schema = useQuestionFileSchema();
  const previewMutation = usePreviewImport();
  const importMutation = useImportQuestions(programId);
  // A new key after an import empties the file input for the next file.
  const [formKey, setFormKey] = useState(0);
  const preview = previewMutation.data;
  return (
    <section className="card stack" aria-labelledby="question-import-heading">
      <h2 id="question-import-heading">{t('questionBank.import.heading')}</h2>
      <p className="field__hint">{t('questionBank.import.intro')}</p>
      <p>
        <a href={QUESTION_TEMPLATE_URL} download>
          {t('questionBank.import.template')}
        </a>
      </p>
      <Form
        key={formKey}
        schema={schema}
        className="form import-form"
        aria-label={t('questionBank.import.heading')}
        onSubmit={({ file }) => {
          importMutation.reset();
          previewMutation.mutate({ programId, file });
        }}
      >
        <TextField name="file" type="file" label={t('questionBank.import.file')} accept={ACCEPT} />
        <SubmitButton pending={previewMutation.isPending} pendingLabel={t('questionBank.import.checking')}>
          {t('questionBank.import.check')}
        </SubmitButton>
      </Form>
      <ErrorAlert error={previewMutation.error} />
      {preview && (
        <section className="stack import-preview" aria-labelledby="question-preview-heading">
          <h3 id="question-preview-heading">{t('questionBank.import.previewHeading')}</h3>
          <PreviewQuestions preview={preview} />
          {preview.errors.length > 0 && (
            <ul className="import-errors" aria-label={t('questionBank.import.errors')}>
              {preview.errors.map((error) => (
                <li key={`${error.position}-${error.reason}`}>
                  {t(error.title ? 'questionBank.import.errorWithTitle' : 'questionBank.import.error', {
                    position: t(`questionBank.import.position.${preview.format}`, { n: error.position }),
                    title: error.title,
                    reason: error.reason,
                  })}
                </li>
              ))}
            </ul>
          )}
          {preview.questions.length > 0 && (
            <button
              type="button"
              className="button button--primary"
              disabled={importMutation.isPending}
              aria-busy={importMutation.isPending || undefined}
              onClick={() =>
                importMutation.mutate(preview.questions, {
                  onSuccess: () => {
                    previewMutation.reset();
                    setFormKey((key) => key + 1);
                  },
                })
              }
            >
              {importMutation.isPending
                ? t('questionBank.import.importing')
                : t('questionBank.import.confirm', { n: formatCount(preview.questions.length) })}
            </button>
          )}
          <ErrorAlert error={importMutation.error} />
        </section>
      )}
      {importMutation.data && (
        <p className="alert alert--ok" role="status">
          {t('questionBank.import.done', { n: formatCount(importMutation.data.created) })}
        </p>
      )}
    </section>
  );
}

function PreviewQuestions({ preview }: { preview: QuestionImportPreview }) {
  const { t } = useTranslation();
  if (preview.questions.length === 0) return <p className="note">{t('questionBank.import.nothing')}</p>;
  return (
    <ul className="stack" aria-label={t('questionBank.import.addable')}>
      {preview.questions.map((q) => (
        <li key={q.position}>
          <strong>{q.stem}</strong>{' '}
          <span className="muted">
            ({q.topic} · {t(`questionBank.types.${q.type}`)})
          </span>
          <QuestionOptions type={q.type} options={q.options} />
        </li>
      ))}
    </ul>
  );
}

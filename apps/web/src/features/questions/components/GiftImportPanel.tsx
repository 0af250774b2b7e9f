import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SubmitButton, TextField } from '../../../components/fields';
import { formatCount } from '../../../lib/numbers';
import { useImportQuestions } from '../api/import-questions';
import { usePreviewGift } from '../api/preview-gift';

/** The server's own limit; checked here too so a large file is refused before it is sent. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

function useGiftFileSchema() {
  const { t } = useTranslation();
  return useMemo(
    () =>
      z.object({
        file: z
          .custom<FileList>((files) => files instanceof FileList && files.length > 0, { message: t('questionBank.gift.chooseFile') })
          .transform((files) => files[0] as File)
          .refine((file) => file.size <= MAX_FILE_BYTES, { message: t('questionBank.gift.tooLarge') }),
      }),
    [t],
  );
}

/** Questions from a Moodle GIFT file: checked first (nothing changes), then added. */
export function GiftImportPanel({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const schema = useGiftFileSchema();
  const previewMutation = usePreviewGift();
  const importMutation = useImportQuestions(programId);
  const [formKey, setFormKey] = useState(0);
  const preview = previewMutation.data;
  return (
    <section className="card stack" aria-labelledby="gift-import-heading">
      <h2 id="gift-import-heading">{t('questionBank.gift.heading')}</h2>
      <p className="field__hint">{t('questionBank.gift.intro')}</p>
      <Form
        key={formKey}
        schema={schema}
        className="form import-form"
        aria-label={t('questionBank.gift.heading')}
        onSubmit={({ file }) => {
          importMutation.reset();
          previewMutation.mutate({ programId, file });
        }}
      >
        <TextField name="file" type="file" label={t('questionBank.gift.file')} accept=".gift,.txt,text/plain" />
        <SubmitButton pending={previewMutation.isPending} pendingLabel={t('questionBank.gift.checking')}>
          {t('questionBank.gift.check')}
        </SubmitButton>
      </Form>
      <ErrorAlert error={previewMutation.error} />
      {preview && (
        <section className="stack import-preview" aria-labelledby="gift-preview-heading">
          <h3 id="gift-preview-heading">{t('questionBank.gift.previewHeading')}</h3>
          {preview.questions.length === 0 ? (
            <p className="note">{t('questionBank.gift.nothing')}</p>
          ) : (
            <ul className="stack" aria-label={t('questionBank.gift.addable')}>
              {preview.questions.map((q) => (
                <li key={q.line}>
                  <strong>{q.stem}</strong> <span className="muted">({q.topic})</span>
                  <ol className="bank-question__options">
                    {q.options.map((option, index) => (
                      <li key={index} className={index === q.correctIndex ? 'bank-question__option--correct' : undefined}>
                        {option}
                        {index === q.correctIndex && <strong> ✓ {t('questionBank.correctMark')}</strong>}
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ul>
          )}
          {preview.errors.length > 0 && (
            <ul className="import-errors" aria-label={t('questionBank.gift.errors')}>
              {preview.errors.map((error) => (
                <li key={`${error.line}-${error.reason}`}>{t('questionBank.gift.error', { line: error.line, reason: error.reason })}</li>
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
                ? t('questionBank.gift.importing')
                : t('questionBank.gift.confirm', { n: formatCount(preview.questions.length) })}
            </button>
          )}
          <ErrorAlert error={importMutation.error} />
        </section>
      )}
      {importMutation.data && (
        <p className="alert alert--ok" role="status">
          {t('questionBank.gift.done', { n: formatCount(importMutation.data.created) })}
        </p>
      )}
    </section>
  );
}

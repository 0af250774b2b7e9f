import { ProgramDetailsRequestSchema, type ProgramDetails } from '@sujarit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ConfirmBox } from '../../../components/ConfirmBox';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SubmitButton } from '../../../components/fields';
import { Loading } from '../../../components/Loading';
import { formatDate } from '../../../lib/dates';
import { formatCount } from '../../../lib/numbers';
import { useArchiveProgram } from '../api/archive-program';
import { useDeleteProgram } from '../api/delete-program';
import { useProgram } from '../api/get-program';
import { useUnarchiveProgram } from '../api/unarchive-program';
import { useUpdateProgram } from '../api/update-program';
import { placeCodeTaken } from './code-taken';
import { ProgramDetailsFields } from './ProgramDetailsFields';

type Step = 'view' | 'edit' | 'archive' | 'delete';

/** The program's own details on its page: edit them, archive or restore it, delete it while it has no sessions. */
export function ProgramDetailsCard({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const program = useProgram(programId);
  const [step, setStep] = useState<Step>('view');
  const [notice, setNotice] = useState<string | null>(null);
  const archiveMutation = useArchiveProgram();
  const unarchiveMutation = useUnarchiveProgram();
  const deleteMutation = useDeleteProgram();
  const navigate = useNavigate();

  if (program.isPending) return <Loading />;
  if (program.isError) return <ErrorAlert error={program.error} onRetry={() => void program.refetch()} />;
  const details = program.data;
  const archived = details.archivedAt !== null;
  const show = (next: Step) => {
    setNotice(null);
    setStep(next);
  };

  return (
    <section className="card stack" aria-labelledby="program-details-heading">
      <h2 id="program-details-heading">{t('programs.manage.detailsHeading')}</h2>
      {archived && details.archivedAt && (
        <p className="alert alert--warning">{t('programs.manage.archivedNotice', { date: formatDate(details.archivedAt) })}</p>
      )}
      {step === 'edit' ? (
        <EditProgramForm
          details={details}
          onSaved={(saved) => {
            setStep('view');
            setNotice(
              saved.ownerUnit !== details.ownerUnit
                ? `${t('programs.manage.saved')} ${t('programs.manage.ownerUnitChangeHint')}`
                : t('programs.manage.saved'),
            );
          }}
          onCancel={() => show('view')}
        />
      ) : (
        <>
          <p className="program-description">{details.description || <span className="muted">{t('programs.manage.noDescription')}</span>}</p>
          <h3>{t('programs.manage.objectivesHeading')}</h3>
          <p className="program-description">{details.objectives || <span className="muted">{t('programs.manage.noObjectives')}</span>}</p>
          <p className="muted">
            {t('programs.manage.counts', { sessions: formatCount(details.sessionCount), questions: formatCount(details.questionCount) })}
          </p>
          <div role="status">{notice && <p className="alert alert--ok">{notice}</p>}</div>
          {step === 'view' && (
            <div className="button-row">
              <button type="button" className="button" onClick={() => show('edit')}>
                {t('programs.manage.edit')}
              </button>
              {archived ? (
                <button
                  type="button"
                  className="button"
                  disabled={unarchiveMutation.isPending}
                  onClick={() =>
                    unarchiveMutation.mutate(details.id, {
                      onSuccess: (restored) => setNotice(t('programs.manage.restored', { code: restored.code })),
                    })
                  }
                >
                  {t('programs.manage.restore')}
                </button>
              ) : (
                <button type="button" className="button button--danger-outline" onClick={() => show('archive')}>
                  {t('programs.manage.archive')}
                </button>
              )}
              {details.sessionCount === 0 && (
                <button type="button" className="button button--danger-outline" onClick={() => show('delete')}>
                  {t('programs.manage.delete')}
                </button>
              )}
            </div>
          )}
          {step === 'view' && details.sessionCount > 0 && <p className="field__hint">{t('programs.manage.deleteUnavailable')}</p>}
          <ErrorAlert error={unarchiveMutation.error} />
          {step === 'archive' && (
            <ConfirmBox
              label={t('programs.manage.archive')}
              warning={t('programs.manage.archiveWarning', { code: details.code })}
              confirmLabel={t('programs.manage.archiveConfirm')}
              cancelLabel={t('programs.manage.cancel')}
              pending={archiveMutation.isPending}
              error={archiveMutation.error}
              onConfirm={() =>
                archiveMutation.mutate(details.id, {
                  onSuccess: (saved) => {
                    setStep('view');
                    setNotice(t('programs.manage.archived', { code: saved.code }));
                  },
                })
              }
              onCancel={() => show('view')}
            />
          )}
          {step === 'delete' && (
            <ConfirmBox
              label={t('programs.manage.delete')}
              warning={t('programs.manage.deleteWarning', { code: details.code, questions: formatCount(details.questionCount) })}
              confirmLabel={t('programs.manage.deleteConfirm')}
              cancelLabel={t('programs.manage.cancel')}
              pending={deleteMutation.isPending}
              error={deleteMutation.error}
              onConfirm={() => deleteMutation.mutate(details.id, { onSuccess: () => navigate('/programs', { replace: true }) })}
              onCancel={() => show('view')}
            />
          )}
        </>
      )}
    </section>
  );
}

interface EditProgramFormProps {
  details: ProgramDetails;
  onSaved: (saved: ProgramDetails) => void;
  onCancel: () => void;
}

function EditProgramForm({ details, onSaved, onCancel }: EditProgramFormProps) {
  const { t } = useTranslation();
  const updateMutation = useUpdateProgram();
  const [topError, setTopError] = useState<unknown>(null);
  return (
    <Form
      serverError={updateMutation.error}
      schema={ProgramDetailsRequestSchema}
      aria-label={t('programs.manage.edit')}
      defaultValues={{
        code: details.code,
        name: details.name,
        audience: details.audience,
        ownerUnit: details.ownerUnit,
        description: details.description,
        objectives: details.objectives,
      }}
      onSubmit={(request, form) => {
        setTopError(null);
        updateMutation.mutate(
          { programId: details.id, details: request },
          { onSuccess: onSaved, onError: (error) => setTopError(placeCodeTaken(error, form.setError)) },
        );
      }}
    >
      <ProgramDetailsFields />
      <ErrorAlert error={topError} />
      <div className="button-row">
        <SubmitButton pending={updateMutation.isPending} pendingLabel={t('common.saving')}>
          {t('programs.manage.editSubmit')}
        </SubmitButton>
        <button type="button" className="button" onClick={onCancel}>
          {t('programs.manage.cancel')}
        </button>
      </div>
    </Form>
  );
}

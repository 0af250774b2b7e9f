import { UpdateSessionRequestSchema, type Session } from '@sujarit/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PastWindowConfirm, usePastWindowConfirmation } from '../../../components/PastWindowConfirm';
import { Form } from '../../../components/Form';
import { SubmitButton } from '../../../components/fields';
import { useUpdateSession } from '../api/update-session';
import { formValuesOf, useSessionFormSchema, type SessionFields } from './session-form';
import { FormLevelError, SessionFormFields } from './SessionFormFields';

interface EditSessionFormProps {
  session: Session;
  onSaved: () => void;
  onClose: () => void;
}

/** The create form's fields, filled in from the session; the program stays as it is. */
export function EditSessionForm({ session, onSaved, onClose }: EditSessionFormProps) {
  const { t } = useTranslation();
  const toRequest = useCallback((fields: SessionFields) => UpdateSessionRequestSchema.safeParse(fields), []);
  const schema = useSessionFormSchema(toRequest);
  const updateMutation = useUpdateSession();
  const past = usePastWindowConfirmation();
  const heading = t('sessionAdmin.form.editHeading');
  return (
    <section className="card stack session-edit" aria-labelledby="edit-session-heading">
      <h2 id="edit-session-heading">{heading}</h2>
      <Form
        serverError={updateMutation.error}
        schema={schema}
        aria-label={heading}
        defaultValues={formValuesOf(session)}
        onSubmit={(changes) =>
          past.submit({ startsAt: changes.startsAt ?? null, endsAt: changes.endsAt ?? null }, { startsAt: session.startsAt, endsAt: session.endsAt }, () =>
            updateMutation.mutate({ sessionId: session.id, changes }, { onSuccess: onSaved }),
          )
        }
      >
        <SessionFormFields />
        <FormLevelError />
        <ErrorAlert error={updateMutation.error} />
        <PastWindowConfirm held={past.held} onConfirm={past.confirm} onCancel={past.cancel} />
        <div className="button-row">
          <SubmitButton pending={updateMutation.isPending} pendingLabel={t('common.saving')}>
            {t('sessionAdmin.form.save')}
          </SubmitButton>
          <button type="button" className="button" disabled={updateMutation.isPending} onClick={onClose}>
            {t('sessionAdmin.form.close')}
          </button>
        </div>
      </Form>
    </section>
  );
}

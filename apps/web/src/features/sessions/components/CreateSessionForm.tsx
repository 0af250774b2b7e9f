import { CreateSessionRequestSchema } from '@sujarit/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PastWindowConfirm, usePastWindowConfirmation } from '../../../components/PastWindowConfirm';
import { Form } from '../../../components/Form';
import { CheckboxField, SubmitButton } from '../../../components/fields';
import { bangkokToday } from '../../../lib/dates';
import { useCreateSession } from '../api/create-session';
import { emptySpeaker, useSessionFormSchema, type SessionFields, type SessionFormValues } from './session-form';
import { FormLevelError, SessionFormFields } from './SessionFormFields';

export function CreateSessionForm({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toRequest = useCallback(
    (fields: SessionFields, values: SessionFormValues) =>
      CreateSessionRequestSchema.safeParse({ programId, ...fields, status: values.draft ? 'draft' : 'scheduled' }),
    [programId],
  );
  const schema = useSessionFormSchema(toRequest);
  const createMutation = useCreateSession();
  const past = usePastWindowConfirmation();
  return (
    <section className="card stack" aria-labelledby="create-session-heading">
      <h2 id="create-session-heading">{t('sessions.form.heading')}</h2>
      <Form
        serverError={createMutation.error}
        schema={schema}
        aria-label={t('sessions.form.heading')}
        defaultValues={{
          title: '',
          date: bangkokToday(),
          startTime: '09:00',
          endTime: '16:00',
          venue: '',
          speakers: [emptySpeaker()],
          notes: '',
          allowWalkIns: true,
          requireCheckInCode: false,
          draft: false,
        }}
        onSubmit={(request) =>
          past.submit({ startsAt: request.startsAt, endsAt: request.endsAt }, null, () =>
            createMutation.mutate(request, { onSuccess: (session) => navigate(`/sessions/${session.id}`) }),
          )
        }
      >
        <SessionFormFields />
        <CheckboxField name="draft" label={t('sessionAdmin.form.draft')} hint={t('sessionAdmin.form.draftHint')} />
        <FormLevelError />
        <ErrorAlert error={createMutation.error} />
        <PastWindowConfirm held={past.held} onConfirm={past.confirm} onCancel={past.cancel} />
        <SubmitButton pending={createMutation.isPending} pendingLabel={t('common.saving')}>
          {t('sessions.form.submit')}
        </SubmitButton>
      </Form>
    </section>
  );
}

import { JoinRequestSchema, PERSON_GROUPS } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SelectField, SubmitButton, TextField } from '../../../components/fields';
import { useJoinSession } from '../api/join-session';

/** Listed people check in by their name and group; walk-ins register the same way when the session allows it. */
export function JoinForm({ code, walkInsAllowed }: { code: string; walkInsAllowed: boolean }) {
  const { t } = useTranslation();
  const joinMutation = useJoinSession(code);
  const groups = PERSON_GROUPS.map((group) => ({ value: group, label: t(`groups.${group}`) }));
  return (
    <section className="card stack" aria-labelledby="join-form-heading">
      <h2 id="join-form-heading">{t('trainee.join.heading')}</h2>
      <p className="muted">{walkInsAllowed ? t('trainee.join.intro') : t('trainee.join.listedOnly')}</p>
      <Form
        schema={JoinRequestSchema}
        defaultValues={{ fullName: '' }}
        aria-label={t('trainee.join.heading')}
        onSubmit={(values) => joinMutation.mutate(values)}
      >
        <TextField name="fullName" label={t('trainee.join.fullName')} autoComplete="name" />
        <SelectField name="group" label={t('trainee.join.group')} placeholder={t('trainee.join.groupPlaceholder')} options={groups} />
        <ErrorAlert error={joinMutation.error} />
        <SubmitButton pending={joinMutation.isPending} pendingLabel={t('common.saving')}>
          {t('trainee.join.submit')}
        </SubmitButton>
      </Form>
      <p className="note">{t('trainee.join.privacy')}</p>
    </section>
  );
}

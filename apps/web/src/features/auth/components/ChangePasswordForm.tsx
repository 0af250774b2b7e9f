import { PASSWORD_MAX_LENGTH } from '@sujarit/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SubmitButton, TextField } from '../../../components/fields';
import { useChangePassword } from '../api/change-password';
import { matchingPasswords, newPasswordFields } from './password-form';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** The current password, then the new one twice. */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const changeMutation = useChangePassword();
  const [done, setDone] = useState(false);
  const schema = useMemo(() => {
    const matching = matchingPasswords(t);
    return z
      .object({
        currentPassword: z.string().min(1, { message: t('account.password.current') }).max(PASSWORD_MAX_LENGTH),
        ...newPasswordFields(),
      })
      .refine(matching.check, matching.error)
      .transform(({ currentPassword, newPassword }) => ({ currentPassword, newPassword }));
  }, [t]);
  return (
    <Form
      serverError={changeMutation.error}
      schema={schema}
      defaultValues={EMPTY}
      aria-label={t('account.password.heading')}
      onSubmit={(request, form) => {
        setDone(false);
        changeMutation.mutate(request, {
          onSuccess: () => {
            form.reset(EMPTY);
            setDone(true);
            onChanged?.();
          },
        });
      }}
    >
      <TextField name="currentPassword" label={t('account.password.current')} type="password" autoComplete="current-password" />
      <TextField
        name="newPassword"
        label={t('account.password.new')}
        hint={t('account.password.hint')}
        type="password"
        autoComplete="new-password"
      />
      <TextField name="confirmPassword" label={t('account.password.confirm')} type="password" autoComplete="new-password" />
      <ErrorAlert error={changeMutation.error} />
      {done && (
        <p className="alert alert--ok" role="status">
          {t('account.password.done')}
        </p>
      )}
      <SubmitButton pending={changeMutation.isPending} pendingLabel={t('common.saving')}>
        {t('account.password.submit')}
      </SubmitButton>
    </Form>
  );
}

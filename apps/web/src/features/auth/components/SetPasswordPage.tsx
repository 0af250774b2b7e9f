import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SubmitButton, TextField } from '../../../components/fields';
import { Loading } from '../../../components/Loading';
import { formatDateTime } from '../../../lib/dates';
import { useAccountLink } from '../api/inspect-account-link';
import { useRedeemAccountLink } from '../api/redeem-account-link';
import { homePathFor } from './home-path';
import { matchingPasswords, newPasswordFields } from './password-form';

/**
 * The page a one-time link opens (`/set-password#<secret>`): an invited user sets their first password, or
 * anyone their new one, and is signed in. The secret stays in the fragment, which the browser never sends.
 */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hash } = useLocation();
  const token = hash.replace(/^#/, '');
  const link = useAccountLink(token);
  const redeemMutation = useRedeemAccountLink();
  const schema = useMemo(() => {
    const matching = matchingPasswords(t);
    return z.object(newPasswordFields()).refine(matching.check, matching.error);
  }, [t]);

  let body;
  if (token === '') body = <p className="alert alert--error">{t('account.link.missing')}</p>;
  else if (link.isPending) body = <Loading />;
  else if (link.isError) body = <ErrorAlert error={link.error} />;
  else {
    const info = link.data;
    const invite = info.purpose === 'invite';
    body = (
      <>
        <h1>{t(invite ? 'account.link.inviteHeading' : 'account.link.resetHeading', { name: info.displayName })}</h1>
        <p>
          {invite
            ? t('account.link.inviteIntro', { organization: info.organizationName, email: info.email })
            : t('account.link.resetIntro', { email: info.email })}
        </p>
        <p className="muted">{t('account.link.expires', { at: formatDateTime(info.expiresAt) })}</p>
        <Form
          schema={schema}
          defaultValues={{ newPassword: '', confirmPassword: '' }}
          aria-label={t('account.link.title')}
          onSubmit={(values) =>
            redeemMutation.mutate(
              { token, password: values.newPassword },
              { onSuccess: (user) => navigate(homePathFor(user.role), { replace: true }) },
            )
          }
        >
          {/* Lets password managers file the new password under the right user name. */}
          <input type="email" name="username" autoComplete="username" value={info.email} readOnly hidden />
          <TextField
            name="newPassword"
            label={t('account.password.new')}
            hint={t('account.password.hint')}
            type="password"
            autoComplete="new-password"
          />
          <TextField name="confirmPassword" label={t('account.password.confirm')} type="password" autoComplete="new-password" />
          <ErrorAlert error={redeemMutation.error} />
          <SubmitButton pending={redeemMutation.isPending} pendingLabel={t('common.saving')}>
            {t('account.link.submit')}
          </SubmitButton>
        </Form>
      </>
    );
  }
  return (
    <main className="page page--narrow stack">
      <p className="brand brand--large">{t('app.name')}</p>
      {body}
      <p>
        <Link to="/login">{t('account.link.toLogin')}</Link>
      </p>
    </main>
  );
}

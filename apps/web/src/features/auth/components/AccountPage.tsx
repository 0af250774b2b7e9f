import type { CurrentUser } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SignOutEverywhere } from './SignOutEverywhere';

/** Every user's own account, whatever their role: their password and their signed-in devices. */
export function AccountPage({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  return (
    <main className="page page--narrow stack">
      <h1>{t('account.title')}</h1>
      <p className="muted">
        {t('account.signedInAs', { name: user.displayName, email: user.email })} · {t(`app.roles.${user.role}`)}
      </p>
      <section className="card stack" aria-labelledby="change-password-heading">
        <h2 id="change-password-heading">{t('account.password.heading')}</h2>
        <ChangePasswordForm />
      </section>
      <SignOutEverywhere />
    </main>
  );
}

import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useMe } from '../api/get-me';
import { useLogout } from '../api/logout';
import { ChangePasswordForm } from './ChangePasswordForm';
import { homePathFor } from './home-path';

/**
 * Where a user who must choose a new password (the demo accounts) is kept until they have: the API refuses
 * everything else meanwhile.
 */
export function PasswordChangeRequiredPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const logoutMutation = useLogout();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace />;
  if (!me.data.mustChangePassword) return <Navigate to={homePathFor(me.data.role)} replace />;
  return (
    <main className="page page--narrow stack">
      <p className="brand brand--large">{t('app.name')}</p>
      <h1>{t('account.mustChange.title')}</h1>
      <p>{t('account.mustChange.intro')}</p>
      <p className="muted">{t('account.signedInAs', { name: me.data.displayName, email: me.data.email })}</p>
      <ChangePasswordForm />
      <p>
        <button
          type="button"
          className="button button--small"
          disabled={logoutMutation.isPending}
          onClick={() => logoutMutation.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
        >
          {t('account.mustChange.signOut')}
        </button>
      </p>
    </main>
  );
}

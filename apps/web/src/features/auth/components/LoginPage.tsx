import { LoginRequestSchema } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SubmitButton, TextField } from '../../../components/fields';
import { Loading } from '../../../components/Loading';
import { useMe } from '../api/get-me';
import { useLogin } from '../api/login';
import { homePathFor, PASSWORD_CHANGE_PATH } from './home-path';

const returnPathFrom = (state: unknown): string | null => {
  if (typeof state !== 'object' || state === null || !('from' in state)) return null;
  const from = (state as { from: unknown }).from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : null;
};

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const loginMutation = useLogin();

  if (me.isPending) return <Loading />;
  if (me.data?.mustChangePassword) return <Navigate to={PASSWORD_CHANGE_PATH} replace />;
  if (me.data) return <Navigate to={returnPathFrom(location.state) ?? homePathFor(me.data.role)} replace />;

  return (
    <main className="page page--narrow">
      <p className="brand brand--large">{t('app.name')}</p>
      <h1>{t('auth.heading')}</h1>
      <p className="muted">{t('auth.intro')}</p>
      <p className="muted">
        {t('auth.traineeHint')} <Link to="/j">{t('auth.traineeLink')}</Link>
      </p>
      <Form
        schema={LoginRequestSchema}
        defaultValues={{ email: '', password: '' }}
        aria-label={t('auth.title')}
        onSubmit={(values) =>
          loginMutation.mutate(values, {
            onSuccess: (user) =>
              navigate(user.mustChangePassword ? PASSWORD_CHANGE_PATH : (returnPathFrom(location.state) ?? homePathFor(user.role)), {
                replace: true,
              }),
          })
        }
      >
        <TextField name="email" label={t('auth.email')} type="email" autoComplete="username" inputMode="email" />
        <TextField name="password" label={t('auth.password')} type="password" autoComplete="current-password" />
        <ErrorAlert error={loginMutation.error} />
        <SubmitButton pending={loginMutation.isPending} pendingLabel={t('auth.signingIn')}>
          {t('auth.submit')}
        </SubmitButton>
      </Form>
    </main>
  );
}

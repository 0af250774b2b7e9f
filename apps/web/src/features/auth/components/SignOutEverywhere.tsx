import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSignOutEverywhere } from '../api/sign-out-everywhere';

/** Ends every session of this user, this one included, after one confirmation. */
export function SignOutEverywhere() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOutMutation = useSignOutEverywhere();
  const [confirming, setConfirming] = useState(false);
  const signOut = () => signOutMutation.mutate(undefined, { onSuccess: () => navigate('/login', { replace: true }) });
  return (
    <section className="card stack" aria-labelledby="sign-out-everywhere-heading">
      <h2 id="sign-out-everywhere-heading">{t('account.signOutEverywhere.heading')}</h2>
      <p className="muted">{t('account.signOutEverywhere.intro')}</p>
      {confirming ? (
        <div className="alert alert--warning" role="group" aria-label={t('account.signOutEverywhere.warning')}>
          <p>{t('account.signOutEverywhere.warning')}</p>
          <div className="button-row">
            <button type="button" className="button button--danger" disabled={signOutMutation.isPending} onClick={signOut}>
              {t('account.signOutEverywhere.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('account.signOutEverywhere.cancel')}
            </button>
          </div>
          <ErrorAlert error={signOutMutation.error} />
        </div>
      ) : (
        <p>
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t('account.signOutEverywhere.button')}
          </button>
        </p>
      )}
    </section>
  );
}

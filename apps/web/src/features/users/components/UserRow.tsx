import { ROLES, type Role, type User, type UserWithLink } from '@sujarit/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useIssuePasswordLink } from '../api/issue-password-link';
import { useSetUserActive } from '../api/set-user-active';
import { useUpdateUser } from '../api/update-user';

interface UserRowProps {
  user: User;
  isSelf: boolean;
  onLinkIssued: (result: UserWithLink) => void;
}

/** One account: its role (changed at once), deactivation (asked once more) and a new password link. */
export function UserRow({ user, isSelf, onLinkIssued }: UserRowProps) {
  const { t } = useTranslation();
  const roleId = useId();
  const warningId = useId();
  const warningRef = useRef<HTMLParagraphElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const updateMutation = useUpdateUser();
  const activeMutation = useSetUserActive();
  const linkMutation = useIssuePasswordLink();
  useEffect(() => {
    if (confirming) warningRef.current?.focus();
  }, [confirming]);
  const deactivated = user.status === 'deactivated';
  const name = user.displayName;
  const error = updateMutation.error ?? activeMutation.error ?? linkMutation.error;

  const changeRole = (role: Role) => {
    setNotice(null);
    updateMutation.mutate({ userId: user.id, changes: { role } }, { onSuccess: () => setNotice(t('users.role.saved', { name })) });
  };
  const setActive = (active: boolean) => {
    setNotice(null);
    activeMutation.mutate(
      { userId: user.id, active },
      {
        onSuccess: () => {
          setConfirming(false);
          setNotice(t(active ? 'users.reactivate.done' : 'users.deactivate.done', { name }));
        },
      },
    );
  };
  return (
    <li className="user-row" aria-label={name}>
      <div className="user-row__main">
        <p className="user-row__name">
          {name} {isSelf && <span className="muted">{t('users.you')}</span>}
        </p>
        <p className="user-row__meta">{user.email}</p>
        {user.unit && <p className="user-row__meta">{user.unit}</p>}
        <p className="user-row__meta">
          <span className={`badge badge--user-${user.status}`}>{t(`users.status.${user.status}`)}</span>{' '}
          {user.mustChangePassword && <span className="badge">{t('users.mustChange')}</span>}
        </p>
      </div>
      <div className="user-row__actions">
        <div className="field">
          <label className="field__label" htmlFor={roleId}>
            {t('users.role.label', { name })}
          </label>
          <select
            id={roleId}
            className="input"
            value={user.role}
            disabled={updateMutation.isPending || deactivated}
            onChange={(event) => changeRole(event.target.value as Role)}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`app.roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          {!deactivated && (
            <button
              type="button"
              className="button button--small"
              disabled={linkMutation.isPending}
              aria-label={t(user.status === 'invited' ? 'users.link.inviteLabel' : 'users.link.resetLabel', { name })}
              onClick={() => linkMutation.mutate(user.id, { onSuccess: onLinkIssued })}
            >
              {t(user.status === 'invited' ? 'users.link.invite' : 'users.link.reset')}
            </button>
          )}
          {deactivated ? (
            <button
              type="button"
              className="button button--small"
              disabled={activeMutation.isPending}
              aria-label={t('users.reactivate.label', { name })}
              onClick={() => setActive(true)}
            >
              {t('users.reactivate.button')}
            </button>
          ) : (
            !isSelf &&
            !confirming && (
              <button
                type="button"
                className="button button--small"
                aria-label={t('users.deactivate.label', { name })}
                onClick={() => setConfirming(true)}
              >
                {t('users.deactivate.button')}
              </button>
            )
          )}
        </div>
        {confirming && (
          <div className="alert alert--warning" role="group" aria-labelledby={warningId}>
            <p id={warningId} ref={warningRef} tabIndex={-1}>
              {t('users.deactivate.warning', { name })}
            </p>
            <div className="button-row">
              <button
                type="button"
                className="button button--danger"
                disabled={activeMutation.isPending}
                onClick={() => setActive(false)}
              >
                {t('users.deactivate.confirm')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('users.deactivate.cancel')}
              </button>
            </div>
          </div>
        )}
        {notice && (
          <p className="alert alert--ok" role="status">
            {notice}
          </p>
        )}
        <ErrorAlert error={error} />
      </div>
    </li>
  );
}

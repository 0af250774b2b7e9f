import type { UserWithLink } from '@sujarit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useUsers } from '../api/get-users';
import { CreateUserForm } from './CreateUserForm';
import { OneTimeLink } from './OneTimeLink';
import { UserRow } from './UserRow';

/** An admin's users page: the organization's accounts, a form for a new one, and the one-time link just issued. */
export function UsersPage({ currentUserId }: { currentUserId: string }) {
  const { t } = useTranslation();
  const users = useUsers();
  const [shownLink, setShownLink] = useState<UserWithLink | null>(null);
  return (
    <main className="page stack">
      <h1>{t('users.title')}</h1>
      <p className="note">{t('users.intro')}</p>
      {shownLink && <OneTimeLink result={shownLink} onClose={() => setShownLink(null)} />}
      <div className="users-layout">
        <section className="stack" aria-labelledby="users-heading">
          <h2 id="users-heading">{t('users.listHeading')}</h2>
          {users.isPending ? (
            <Loading />
          ) : users.isError ? (
            <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
          ) : (
            <ul className="user-list">
              {users.data.users.map((user) => (
                <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} onLinkIssued={setShownLink} />
              ))}
            </ul>
          )}
        </section>
        <CreateUserForm onCreated={setShownLink} />
      </div>
    </main>
  );
}

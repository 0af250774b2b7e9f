import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { useMe } from '../../features/auth/api/get-me';
import { homePathFor } from '../../features/auth/components/home-path';
import { RequireAuth } from '../../features/auth/components/RequireAuth';
import { StaffLayout } from '../StaffLayout';
import { canManage, useStaffUser } from './staff-user';

/** Staff pages share the guard and the header. */
export function StaffArea() {
  return <RequireAuth>{(user) => <StaffLayout user={user} />}</RequireAuth>;
}

/** Program pages are for those who run the programs; managers read the indicators instead. */
export function OrganizerArea() {
  const user = useStaffUser();
  return canManage(user.role) ? <Outlet context={user} /> : <Navigate to={homePathFor(user.role)} replace />;
}

/** The admin area: the organization's users, its profile and its audit log. */
export function AdminArea() {
  const user = useStaffUser();
  return user.role === 'admin' ? <Outlet context={user} /> : <Navigate to={homePathFor(user.role)} replace />;
}

export function HomeRedirect() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  return <Navigate to={me.data ? homePathFor(me.data.role) : '/login'} replace />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main className="page page--narrow stack">
      <h1>{t('app.notFound')}</h1>
      <Link to="/">{t('app.home')}</Link>
    </main>
  );
}

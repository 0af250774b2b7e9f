import type { CurrentUser, Role } from '@sujarit/contracts';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useMe } from '../api/get-me';
import { homePathFor, PASSWORD_CHANGE_PATH } from './home-path';

interface RequireAuthProps {
  roles?: readonly Role[];
  children: (user: CurrentUser) => ReactNode;
}

/** Staff pages only: a visitor who is not signed in goes to the login page and comes back after. */
export function RequireAuth({ roles, children }: RequireAuthProps) {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // The API refuses such a user everything else until they have chosen a new password.
  if (me.data.mustChangePassword) return <Navigate to={PASSWORD_CHANGE_PATH} replace />;
  if (roles && !roles.includes(me.data.role)) return <Navigate to={homePathFor(me.data.role)} replace />;
  return <>{children(me.data)}</>;
}

import { Navigate } from 'react-router-dom';
import type { ReactNode } from 'react';
import { AuditLogPage } from '../../features/audit/components/AuditLogPage';
import { homePathFor } from '../../features/auth/components/home-path';
import { OrganizationProfilePage } from '../../features/organization/components/OrganizationProfilePage';
import { useStaffUser } from './staff-user';

/** Pages for the organization's admins alone; anyone else goes to their own home page. */
function AdminOnly({ children }: { children: ReactNode }) {
  const user = useStaffUser();
  return user.role === 'admin' ? <>{children}</> : <Navigate to={homePathFor(user.role)} replace />;
}

export const AuditLogRoute = () => (
  <AdminOnly>
    <AuditLogPage />
  </AdminOnly>
);

export const OrganizationRoute = () => (
  <AdminOnly>
    <OrganizationProfilePage />
  </AdminOnly>
);

import { Navigate } from 'react-router-dom';
import { AuditLogPage } from '../../features/audit/components/AuditLogPage';
import { homePathFor } from '../../features/auth/components/home-path';
import { useStaffUser } from './staff-user';

/** The audit log is the organization admins' alone. */
export function AuditLogRoute() {
  const user = useStaffUser();
  return user.role === 'admin' ? <AuditLogPage /> : <Navigate to={homePathFor(user.role)} replace />;
}

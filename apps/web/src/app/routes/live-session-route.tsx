import { LiveSessionPage } from '../../features/sessions/components/LiveSessionPage';
import { canManage, useStaffUser } from './staff-user';

/** The projector screen: organizers and admins open and close tests there; managers watch the counts. */
export function LiveSessionRoute() {
  const user = useStaffUser();
  return <LiveSessionPage canManage={canManage(user.role)} />;
}

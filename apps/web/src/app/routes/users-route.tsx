import { UsersPage } from '../../features/users/components/UsersPage';
import { useStaffUser } from './staff-user';

/** The admin's users page; the admin's own row cannot be deactivated from it. */
export function UsersRoute() {
  return <UsersPage currentUserId={useStaffUser().id} />;
}

import { AccountPage } from '../../features/auth/components/AccountPage';
import { useStaffUser } from './staff-user';

/** Every user's own account page, whatever their role. */
export function AccountRoute() {
  return <AccountPage user={useStaffUser()} />;
}

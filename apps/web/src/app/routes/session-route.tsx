import { useParams } from 'react-router-dom';
import { SessionPage } from '../../features/sessions/components/SessionPage';
import { canManage, useStaffUser } from './staff-user';

export function SessionRoute() {
  const { id = '' } = useParams();
  const user = useStaffUser();
  return <SessionPage sessionId={id} canManage={canManage(user.role)} />;
}

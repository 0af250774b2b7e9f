import { PlanPage } from '../../features/plan/components/PlanPage';
import { canManage, useStaffUser } from './staff-user';

/** Every staff role reads the plan; those who run programs may also copy its settings forward. */
export function PlanRoute() {
  const user = useStaffUser();
  return <PlanPage canManage={canManage(user.role)} />;
}

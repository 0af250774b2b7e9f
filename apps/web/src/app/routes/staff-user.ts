import type { CurrentUser, Role } from '@sujarit/contracts';
import { useOutletContext } from 'react-router-dom';

/** The signed-in user, handed down by the staff layout once the guard has let them in. */
export const useStaffUser = () => useOutletContext<CurrentUser>();

const RUNS_PROGRAMS: readonly Role[] = ['organizer', 'admin'];

/** Organizers and admins run programs and sessions; managers read. */
export const canManage = (role: Role) => RUNS_PROGRAMS.includes(role);

import type { Role } from '@sujarit/contracts';

/** Managers read indicators; organizers and admins run the programs. */
export const homePathFor = (role: Role) => (role === 'manager' ? '/indicators' : '/programs');

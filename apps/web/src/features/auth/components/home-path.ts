import type { Role } from '@sujarit/contracts';

/** Managers read indicators; organizers and admins run the programs. */
export const homePathFor = (role: Role) => (role === 'manager' ? '/indicators' : '/programs');

/** Where a user who must choose a new password (a demo account) is kept until they have. */
export const PASSWORD_CHANGE_PATH = '/change-password';

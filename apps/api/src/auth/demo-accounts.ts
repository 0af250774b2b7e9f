import type { Role } from '@sujarit/contracts';

/**
 * Demo accounts, one per role, created with the demo organization (seed/). Printed at start and in the README, so
 * their passwords are refused as new passwords; change them before real use.
 */
export const DEMO_USERS: { email: string; password: string; displayName: string; role: Role }[] = [
  { email: 'admin@pron.example', password: 'demo-admin-2569', displayName: 'บัญชีสาธิต', role: 'admin' },
  { email: 'organizer@pron.example', password: 'demo-organizer-2569', displayName: 'บัญชีสาธิต', role: 'organizer' },
  { email: 'manager@pron.example', password: 'demo-manager-2569', displayName: 'บัญชีสาธิต', role: 'manager' },
];

import type { Role } from '@sujarit/contracts';

export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  mustChangePassword: boolean;
  /** The auth session this request came with, so "sign out other devices" can keep it. */
  sessionId: string | null;
}

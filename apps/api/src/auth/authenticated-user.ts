import type { Role } from '@sujarit/contracts';

export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string;
  organizationName: string;
}

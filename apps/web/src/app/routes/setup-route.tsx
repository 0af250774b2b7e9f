import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { LoginPage } from '../../features/auth/components/LoginPage';
import { useSetupStatus } from '../../features/setup/api/setup';

/** On a new server with no organization yet there is nobody to sign in: the set-up comes first. */
export function SetupGate({ children }: { children: ReactNode }) {
  const status = useSetupStatus();
  if (status.isPending) return <Loading />;
  // If the server cannot say, sign-in is the safe page to show; it reports its own errors.
  if (status.data?.needed) return <Navigate to="/setup" replace />;
  return <>{children}</>;
}

export const LoginRoute = () => (
  <SetupGate>
    <LoginPage />
  </SetupGate>
);

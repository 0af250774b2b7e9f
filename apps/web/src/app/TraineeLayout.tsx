import { Outlet } from 'react-router-dom';
import { TraineeShell } from './TraineeShell';

/** The trainee's bar above the public pages of the office app's router (the certificate check). */
export function TraineeLayout() {
  return (
    <TraineeShell>
      <Outlet />
    </TraineeShell>
  );
}

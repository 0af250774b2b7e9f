import { useParams } from 'react-router-dom';
import { SessionCertificatesPanel } from '../../features/certificates/components/SessionCertificatesPanel';
import { EnrolPersonButton } from '../../features/enrolments/components/EnrolPersonButton';
import { EnrolmentPanel } from '../../features/enrolments/components/EnrolmentPanel';
import { PersonPicker } from '../../features/people/components/PersonPicker';
import { SessionPage } from '../../features/sessions/components/SessionPage';
import { canManage, useStaffUser } from './staff-user';

/**
 * Organizers and admins get the enrolment panel (check-in, registry search, import) in place of the
 * read-only attendee table; managers read the table, since the registry's people are not theirs to see.
 */
export function SessionRoute() {
  const { id = '' } = useParams();
  const user = useStaffUser();
  const manages = canManage(user.role);
  const attendance = manages ? (
    <EnrolmentPanel
      sessionId={id}
      addPeople={
        <PersonPicker returnTo={`/sessions/${id}?part=people`} renderAction={(person) => <EnrolPersonButton sessionId={id} person={person} />} />
      }
    />
  ) : undefined;
  return (
    <SessionPage
      sessionId={id}
      canManage={manages}
      attendance={attendance}
      certificates={<SessionCertificatesPanel sessionId={id} canWithdraw={manages} />}
    />
  );
}

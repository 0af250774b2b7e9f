import type { Person } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useEnrolPerson } from '../api/enrol-person';
import { useEnrolments } from '../api/get-enrolments';
import { EnrolmentStatusBadge } from './EnrolmentStatusBadge';

interface EnrolPersonButtonProps {
  sessionId: string;
  person: Pick<Person, 'id' | 'fullName'>;
}

/** Beside a person found in the registry: enrol them, or say where they already stand in this session. */
export function EnrolPersonButton({ sessionId, person }: EnrolPersonButtonProps) {
  const { t } = useTranslation();
  const enrolments = useEnrolments(sessionId);
  const enrolMutation = useEnrolPerson(sessionId);
  const current = enrolments.data?.enrolments.find((e) => e.person.id === person.id && e.status !== 'withdrawn');
  if (current) return <EnrolmentStatusBadge status={current.status} waitlistPosition={current.waitlistPosition} />;
  return (
    <div className="enrol-action">
      <button
        type="button"
        className="button button--primary"
        aria-label={t('enrolment.add.enrolLabel', { name: person.fullName })}
        disabled={enrolMutation.isPending}
        onClick={() => enrolMutation.mutate(person.id)}
      >
        {t('enrolment.add.enrol')}
      </button>
      <ErrorAlert error={enrolMutation.error} />
    </div>
  );
}

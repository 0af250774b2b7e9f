import type { Enrolment } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';

type EnrolmentStatusBadgeProps = Pick<Enrolment, 'status' | 'waitlistPosition'>;

/** A waitlisted person sees their place in line; everyone else their status. */
export function EnrolmentStatusBadge({ status, waitlistPosition }: EnrolmentStatusBadgeProps) {
  const { t } = useTranslation();
  const label =
    status === 'waitlisted' && waitlistPosition !== null
      ? t('enrolment.waitlistPosition', { n: waitlistPosition })
      : t(`enrolment.status.${status}`);
  return <span className={`badge badge--enrolment-${status}`}>{label}</span>;
}

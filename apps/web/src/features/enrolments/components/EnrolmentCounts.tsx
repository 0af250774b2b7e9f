import type { EnrolmentList } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../lib/numbers';

const COUNTED = ['enrolled', 'attended', 'waitlisted', 'absent', 'withdrawn'] as const;

/** How many people are in each state, and the seats taken (enrolled or checked in) against capacity. */
export function EnrolmentCounts({ list }: { list: EnrolmentList }) {
  const { t } = useTranslation();
  const seatsTaken = list.counts.enrolled + list.counts.attended;
  return (
    <dl className="enrolment-counts" aria-label={t('enrolment.counts.label')}>
      {COUNTED.map((status) => (
        <div key={status} className={`enrolment-counts__item enrolment-counts__item--${status}`}>
          <dt>{t(`enrolment.counts.${status}`)}</dt>
          <dd>{formatCount(list.counts[status])}</dd>
        </div>
      ))}
      <div className="enrolment-counts__item">
        <dt>{t('enrolment.counts.capacity')}</dt>
        <dd>{t('enrolment.counts.seats', { taken: formatCount(seatsTaken), capacity: formatCount(list.capacity) })}</dd>
      </div>
    </dl>
  );
}

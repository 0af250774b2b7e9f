import type { Enrolment } from '@sujarit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../components/SearchInput';
import { formatCount } from '../../../lib/numbers';
import { CheckInRow } from './CheckInRow';

/** Spaces and case do not matter when finding a name on the list. */
const searchKey = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/g, '');

/** The list an organizer works through at the door, with a box to find one name among many. */
export function CheckInList({ sessionId, enrolments, showCheckInCodes }: { sessionId: string; enrolments: Enrolment[]; showCheckInCodes: boolean }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const key = searchKey(filter);
  const shown = key ? enrolments.filter((e) => searchKey(e.person.fullName).includes(key)) : enrolments;
  if (enrolments.length === 0) return <p className="muted">{t('enrolment.empty')}</p>;
  return (
    <div className="stack">
      <SearchInput className="checkin-filter" label={t('enrolment.filter')} value={filter} onChange={setFilter} />
      <p className="muted" aria-live="polite">
        {key && shown.length === 0
          ? t('enrolment.noMatch', { q: filter.trim() })
          : t('enrolment.shown', { shown: formatCount(shown.length), total: formatCount(enrolments.length) })}
      </p>
      <ul className="checkin-list" aria-label={t('enrolment.listLabel')}>
        {shown.map((enrolment) => (
          <CheckInRow key={enrolment.id} sessionId={sessionId} enrolment={enrolment} showCheckInCode={showCheckInCodes} />
        ))}
      </ul>
    </div>
  );
}

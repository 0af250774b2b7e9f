import { PERSON_GROUPS, type AttendeeList, type PersonGroup } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates';
import { formatCount, formatPercent } from '../../../lib/numbers';

const isPersonGroup = (group: string): group is PersonGroup => (PERSON_GROUPS as readonly string[]).includes(group);

export function AttendeeTable({ attendees }: { attendees: AttendeeList['attendees'] }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t('sessions.attendees.caption', { n: formatCount(attendees.length) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sessions.attendees.name')}</th>
            <th scope="col">{t('sessions.attendees.group')}</th>
            <th scope="col">{t('sessions.attendees.checkedInAt')}</th>
            <th scope="col" className="numeric">
              {t('sessions.attendees.pre')}
            </th>
            <th scope="col" className="numeric">
              {t('sessions.attendees.post')}
            </th>
          </tr>
        </thead>
        <tbody>
          {attendees.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t('sessions.attendees.empty')}
              </td>
            </tr>
          )}
          {attendees.map((attendee) => (
            <tr key={attendee.enrolmentId}>
              <td>{attendee.fullName}</td>
              <td>{isPersonGroup(attendee.group) ? t(`groups.${attendee.group}`) : attendee.group}</td>
              <td>{attendee.checkedInAt ? formatDateTime(attendee.checkedInAt) : '–'}</td>
              <td className="numeric">{formatPercent(attendee.prePercent)}</td>
              <td className="numeric">{formatPercent(attendee.postPercent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

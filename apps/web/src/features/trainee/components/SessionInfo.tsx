import type { TraineeSession } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { formatLongDate, formatTime } from '../../../lib/dates';

export function SessionInfo({ session }: { session: TraineeSession }) {
  const { t } = useTranslation();
  return (
    <header className="card card--header">
      <p className="eyebrow">{session.programName}</p>
      <h1>{session.title}</h1>
      <dl className="facts facts--stacked">
        <div>
          <dt>{t('trainee.session.date')}</dt>
          <dd>{formatLongDate(session.startsAt)}</dd>
        </div>
        <div>
          <dt>{t('trainee.session.time')}</dt>
          <dd>{t('trainee.session.timeRange', { start: formatTime(session.startsAt), end: formatTime(session.endsAt) })}</dd>
        </div>
        <div>
          <dt>{t('trainee.session.venue')}</dt>
          <dd>{session.venue}</dd>
        </div>
      </dl>
    </header>
  );
}

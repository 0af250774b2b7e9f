import { useTranslation } from 'react-i18next';
import { formatClock } from '../hooks/use-countdown';

const LAST_MINUTE_MS = 60_000;

/**
 * Time left, quiet until the last minute. The ticking clock is not read aloud (a timer role is not live);
 * the last-minute warning is said once.
 */
export function Countdown({ remainingMs }: { remainingMs: number }) {
  const { t } = useTranslation();
  const lastMinute = remainingMs <= LAST_MINUTE_MS;
  return (
    <div className={lastMinute ? 'countdown countdown--warning' : 'countdown'} data-testid="countdown">
      <p className="countdown__time" role="timer">
        {t('trainee.timer.remaining', { time: formatClock(remainingMs) })}
      </p>
      <p className="countdown__warning" role="status" aria-live="polite">
        {lastMinute ? t('trainee.timer.lastMinute') : ''}
      </p>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { AttemptEnd } from '../hooks/use-answer-sync';

interface TimeUpProps {
  code: string;
  ending: AttemptEnd;
  pending: boolean;
  error: unknown;
  /** The hand-in failed for want of a connection; it is tried again by itself. */
  waitingForLine: boolean;
  onRetry: () => void;
}

/** Shown while the phone hands in an attempt whose time ran out (or whose test closed); the answers stay on the phone. */
export function TimeUp({ code, ending, pending, error, waitingForLine, onRetry }: TimeUpProps) {
  const { t } = useTranslation();
  return (
    <main className="page page--narrow stack">
      <section className="card time-up" role="alert" aria-labelledby="time-up-heading">
        <h1 id="time-up-heading">{t(`trainee.ended.${ending}`)}</h1>
        <p>{waitingForLine ? t('trainee.ended.waitingForLine') : t('trainee.ended.sending')}</p>
        {!waitingForLine && <ErrorAlert error={error} />}
        {(waitingForLine || (error !== null && !pending)) && (
          <button type="button" className="button button--primary button--block" disabled={pending} onClick={onRetry}>
            {pending ? t('test.submitting') : t('trainee.ended.sendNow')}
          </button>
        )}
      </section>
      {error !== null && !waitingForLine && (
        <Link to={`/j/${code}`} className="button button--block">
          {t('test.result.back')}
        </Link>
      )}
    </main>
  );
}

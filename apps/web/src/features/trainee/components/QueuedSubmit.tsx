import { useTranslation } from 'react-i18next';

interface QueuedSubmitProps {
  pending: boolean;
  /** What the hand-in waits for: the line back, or the server ready again (it answered "not now"). */
  waitingFor: 'line' | 'server';
  /** The last try found no connection; the phone tries again by itself. */
  waitingForLine: boolean;
  onRetry: () => void;
}

/**
 * A hand-in made with no connection, or while the server said "not now": the answers wait on the phone and go, with
 * the result, when the line returns or the server is ready.
 */
export function QueuedSubmit({ pending, waitingFor, waitingForLine, onRetry }: QueuedSubmitProps) {
  const { t } = useTranslation();
  return (
    <main className="page page--narrow stack">
      <section className="card time-up" role="alert" aria-labelledby="queued-heading">
        <h1 id="queued-heading">{t('trainee.queued.heading')}</h1>
        <p>{waitingFor === 'server' ? t('trainee.queued.bodyServerBusy') : t('trainee.queued.body')}</p>
        <button type="button" className="button button--primary button--block" disabled={pending || !waitingForLine} onClick={onRetry}>
          {pending ? t('test.submitting') : t('trainee.ended.sendNow')}
        </button>
      </section>
    </main>
  );
}

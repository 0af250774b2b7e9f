import { useTranslation } from 'react-i18next';

interface QueuedSubmitProps {
  pending: boolean;
  /** The last try found no connection; the phone tries again by itself. */
  waitingForLine: boolean;
  onRetry: () => void;
}

/** A hand-in made with no connection: the answers wait on the phone and go, with the result, when the line returns. */
export function QueuedSubmit({ pending, waitingForLine, onRetry }: QueuedSubmitProps) {
  const { t } = useTranslation();
  return (
    <main className="page page--narrow stack">
      <section className="card time-up" role="alert" aria-labelledby="queued-heading">
        <h1 id="queued-heading">{t('trainee.queued.heading')}</h1>
        <p>{t('trainee.queued.body')}</p>
        <button type="button" className="button button--primary button--block" disabled={pending || !waitingForLine} onClick={onRetry}>
          {pending ? t('test.submitting') : t('trainee.ended.sendNow')}
        </button>
      </section>
    </main>
  );
}

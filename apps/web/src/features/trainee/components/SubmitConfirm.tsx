import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatCount } from '../../../lib/numbers';

interface SubmitConfirmProps {
  unanswered: number;
  /** A survey is not scored: a blank is just a blank. */
  survey: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  onGoToUnanswered: () => void;
}

/** The last step before a test is scored: says how many are still blank, since a blank counts as wrong. */
export function SubmitConfirm({ unanswered, survey, pending, error, onConfirm, onCancel, onGoToUnanswered }: SubmitConfirmProps) {
  const { t } = useTranslation();
  const blanks = survey
    ? t('trainee.survey.unanswered', { n: formatCount(unanswered) })
    : t('test.confirm.unanswered', { n: formatCount(unanswered) });
  return (
    <section className="card confirm" role="alertdialog" aria-labelledby="confirm-heading" aria-describedby="confirm-text">
      <h2 id="confirm-heading">{t('test.confirm.heading')}</h2>
      <p id="confirm-text">
        {unanswered > 0 ? blanks : t('test.confirm.allAnswered')} {t('test.confirm.final')}
      </p>
      <ErrorAlert error={error} />
      <div className="button-stack">
        <button type="button" className="button button--primary button--block" disabled={pending} onClick={onConfirm}>
          {pending ? t('test.submitting') : t('test.confirm.submit')}
        </button>
        {unanswered > 0 && (
          <button type="button" className="button button--block" disabled={pending} onClick={onGoToUnanswered}>
            {t('test.confirm.goToUnanswered')}
          </button>
        )}
        <button type="button" className="button button--ghost button--block" disabled={pending} onClick={onCancel}>
          {t('test.confirm.cancel')}
        </button>
      </div>
    </section>
  );
}

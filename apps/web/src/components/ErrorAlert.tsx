import { useTranslation } from 'react-i18next';
import { apiErrorText, isApiError } from '../lib/api-client';

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/** Shows an API error worded from its code and values in the reader's language; anything else gets a generic one. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = isApiError(error) ? apiErrorText(error) : t('common.unexpectedError');
  return (
    <div className="alert alert--error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/** Shows the API's own Thai message, which says what to do; anything else gets a generic one. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = isApiError(error) ? error.message : t('common.unexpectedError');
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

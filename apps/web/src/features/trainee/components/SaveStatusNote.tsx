import { useTranslation } from 'react-i18next';
import type { SaveStatus } from '../hooks/use-answer-sync';

interface SaveStatusNoteProps {
  status: SaveStatus;
  errorMessage: string | null;
}

export function SaveStatusNote({ status, errorMessage }: SaveStatusNoteProps) {
  const { t } = useTranslation();
  const text = status === 'error' && errorMessage ? errorMessage : status === 'idle' ? '' : t(`test.saveStatus.${status}`);
  return (
    <p className={`save-status save-status--${status}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </p>
  );
}

import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';

interface ConfirmBoxProps {
  /** Names the group for screen readers and tests: what is being confirmed. */
  label: string;
  warning: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A second step before something hard to take back: what will happen, then confirm or cancel. */
export function ConfirmBox({ label, warning, confirmLabel, cancelLabel, pending = false, error, onConfirm, onCancel }: ConfirmBoxProps) {
  return (
    <div className="confirm-box stack" role="group" aria-label={label}>
      <p>{warning}</p>
      <div className="button-row">
        <button type="button" className="button button--danger" disabled={pending} aria-busy={pending || undefined} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
      <ErrorAlert error={error} />
    </div>
  );
}

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/dates';

/** A time window: a session's times, or a test's opening and closing. */
export interface TimeWindow {
  startsAt: string | null;
  endsAt: string | null;
}

/**
 * A window that has ended, newly set or moved, is worth a second look: a year typed in the Christian era, or
 * yesterday's date left in. A window saved before and left as it was (notes of a past session, say) is not asked again.
 */
export function endsInThePast(window: TimeWindow, saved: TimeWindow | null, now: number = Date.now()): boolean {
  if (!window.endsAt || Date.parse(window.endsAt) >= now) return false;
  if (!saved) return true;
  const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : Date.parse(a) === Date.parse(b));
  return !same(window.startsAt, saved.startsAt) || !same(window.endsAt, saved.endsAt);
}

/** Holds a save until the organizer confirms a window in the past; saves at once otherwise. */
export function usePastWindowConfirmation() {
  const [held, setHeld] = useState<{ endsAt: string; save: () => void } | null>(null);
  const submit = useCallback((window: TimeWindow, saved: TimeWindow | null, save: () => void) => {
    if (window.endsAt && endsInThePast(window, saved)) setHeld({ endsAt: window.endsAt, save });
    else save();
  }, []);
  const confirm = useCallback(() => {
    setHeld(null);
    held?.save();
  }, [held]);
  const cancel = useCallback(() => setHeld(null), []);
  return { held, submit, confirm, cancel };
}

interface PastWindowConfirmProps {
  held: { endsAt: string } | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "This time has passed: save anyway?", read first; focus never lands on the button that saves. */
export function PastWindowConfirm({ held, onConfirm, onCancel }: PastWindowConfirmProps) {
  const { t } = useTranslation();
  const questionId = useId();
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (held) questionRef.current?.focus();
  }, [held]);
  if (!held) return null;
  return (
    <div className="alert alert--warning erase-confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId} ref={questionRef} tabIndex={-1}>
        <strong>{t('common.pastWindow.question')}</strong>
      </p>
      <p>{t('common.pastWindow.detail', { at: formatDateTime(held.endsAt) })}</p>
      <div className="erase-confirm__buttons">
        <button type="button" className="button button--primary" onClick={onConfirm}>
          {t('common.pastWindow.confirm')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.pastWindow.cancel')}
        </button>
      </div>
    </div>
  );
}

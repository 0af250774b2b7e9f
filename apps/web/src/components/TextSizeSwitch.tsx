import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const STORAGE_KEY = 'sujarit.largeText';
/** The class on <html> that scales the page's text (every size is in rem, so the whole page follows). */
const LARGE_TEXT_CLASS = 'text-large';

function savedLargeText(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * Larger text for older trainees, kept on the phone (localStorage) across reloads and sessions. It scales the trainee
 * pages only: the class leaves <html> when the layout does.
 */
export function TextSizeSwitch() {
  const { t } = useTranslation();
  const [large, setLarge] = useState(savedLargeText);
  useEffect(() => {
    document.documentElement.classList.toggle(LARGE_TEXT_CLASS, large);
    return () => document.documentElement.classList.remove(LARGE_TEXT_CLASS);
  }, [large]);
  const toggle = () => {
    const next = !large;
    setLarge(next);
    try {
      if (next) localStorage.setItem(STORAGE_KEY, '1');
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // A phone that keeps nothing still gets larger text for this visit.
    }
  };
  return (
    <button type="button" className="button button--ghost button--small text-size-switch" aria-pressed={large} onClick={toggle}>
      <span aria-hidden="true" className="text-size-switch__icon">
        ก+
      </span>
      {t('common.largeText')}
    </button>
  );
}

import type { UserWithLink } from '@sujarit/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates';

/** A relative link (no PUBLIC_URL on the server) is completed with the address this page is open at. */
const absolute = (url: string) => new URL(url, window.location.origin).toString();

/** The one time the admin sees a link: to copy and pass on. Closing it forgets it; the server kept only a hash. */
export function OneTimeLink({ result, onClose }: { result: UserWithLink; onClose: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const inputId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  const url = absolute(result.link.url);
  useEffect(() => headingRef.current?.focus(), [result]);
  const copy = () => {
    void navigator.clipboard
      ?.writeText(url)
      .then(() => setCopied(true))
      .catch(() => {
        // Without clipboard access the admin selects the text themselves.
        document.getElementById(inputId)?.focus();
      });
  };
  return (
    <section className="card card--ok stack" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t(`users.link.heading.${result.link.purpose}`, { name: result.user.displayName })}
      </h2>
      <p>{t('users.link.once', { at: formatDateTime(result.link.expiresAt) })}</p>
      {result.link.mailed && <p className="muted">{t('users.link.mailed', { email: result.user.email })}</p>}
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {t('users.link.label')}
        </label>
        <input id={inputId} className="input one-time-link" value={url} readOnly onFocus={(e) => e.currentTarget.select()} />
      </div>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={copy}>
          {copied ? t('users.link.copied') : t('users.link.copy')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('users.link.close')}
        </button>
      </div>
    </section>
  );
}

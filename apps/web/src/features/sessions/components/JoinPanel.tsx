import type { Session } from '@sujarit/contracts';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The code to read out in the hall, the link to send, and the QR code to put on the projector. */
export function JoinPanel({ session }: { session: Session }) {
  const { t } = useTranslation();
  const joinUrl = `${window.location.origin}${session.joinPath}`;
  const [qrDataUrl, setQrDataUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    let current = true;
    QRCode.toDataURL(joinUrl, { errorCorrectionLevel: 'M', margin: 2, width: 480 })
      .then((url) => current && setQrDataUrl(url))
      .catch(() => current && setQrDataUrl(null));
    return () => {
      current = false;
    };
  }, [joinUrl]);

  const canCopy = typeof navigator !== 'undefined' && navigator.clipboard !== undefined;
  const copy = () =>
    void navigator.clipboard.writeText(joinUrl).then(
      () => setCopied(true),
      () => setCopied(false),
    );

  return (
    <section className="card join-panel" aria-labelledby="join-heading">
      <div className="join-panel__text">
        <h2 id="join-heading">{t('sessions.join.heading')}</h2>
        <p className="muted">{t('sessions.join.codeLabel')}</p>
        <p className="join-code" data-testid="join-code">
          {session.joinCode}
        </p>
        <p className="muted">{t('sessions.join.linkLabel')}</p>
        <p className="join-link">
          <a href={joinUrl} data-testid="join-link">
            {joinUrl}
          </a>
        </p>
        {canCopy && (
          <button type="button" className="button button--small" onClick={copy}>
            {copied ? t('sessions.join.copied') : t('sessions.join.copy')}
          </button>
        )}
      </div>
      <div className="join-panel__qr">
        {qrDataUrl ? (
          <img src={qrDataUrl} alt={t('sessions.join.qrAlt', { url: joinUrl })} width={240} height={240} />
        ) : (
          <div className="qr-placeholder" aria-hidden="true" />
        )}
      </div>
    </section>
  );
}

import type { Session } from '@sujarit/contracts';
import QRCode from 'qrcode';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJoinAddress } from '../api/get-join-address';

/** Addresses only this computer can open: a phone that follows such a link reaches itself. */
const isLoopback = (hostname: string) =>
  hostname === 'localhost' || hostname.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(hostname) || hostname === '[::1]';

/**
 * The address phones open: PUBLIC_URL when the server has one; else, when this browser is on the server itself
 * (localhost), one of the server's LAN addresses, with a warning; else the address this browser used.
 */
export function useJoinBase() {
  const address = useJoinAddress();
  const onThisComputer = isLoopback(window.location.hostname);
  const [chosenLan, setChosenLan] = useState<string | null>(null);
  if (address.isPending) return { base: null, warning: false, lanUrls: [], chosenLan, setChosenLan };
  const publicUrl = address.data?.publicUrl ?? null;
  const lanUrls = address.data?.lanUrls ?? [];
  if (publicUrl) return { base: publicUrl, warning: false, lanUrls: [], chosenLan, setChosenLan };
  if (!onThisComputer) return { base: window.location.origin, warning: false, lanUrls: [], chosenLan, setChosenLan };
  const lan = chosenLan && lanUrls.includes(chosenLan) ? chosenLan : (lanUrls[0] ?? null);
  return { base: lan ?? window.location.origin, warning: true, lanUrls, chosenLan: lan, setChosenLan };
}

/** The QR code (a PNG data URL) of this address, drawn `width` pixels wide; never one of another address than asked. */
export function useQrCode(url: string | null, width: number): string | null {
  const [qr, setQr] = useState<{ url: string; dataUrl: string } | null>(null);
  useEffect(() => {
    if (url === null) return;
    let current = true;
    QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width })
      .then((dataUrl) => current && setQr({ url, dataUrl }))
      .catch(() => current && setQr(null));
    return () => {
      current = false;
    };
  }, [url, width]);
  return qr && qr.url === url ? qr.dataUrl : null;
}

/** The code to read out in the hall, the link to send, and the QR code to put on the projector. */
export function JoinPanel({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { base, warning, lanUrls, chosenLan, setChosenLan } = useJoinBase();
  const joinUrl = base === null ? null : `${base}${session.joinPath}`;
  const [copied, setCopied] = useState(false);
  const lanGroup = useId();

  const canCopy = typeof navigator !== 'undefined' && navigator.clipboard !== undefined;
  const copy = () =>
    joinUrl &&
    void navigator.clipboard.writeText(joinUrl).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  const shownQr = useQrCode(joinUrl, 480);

  return (
    <section className="card join-panel" aria-labelledby="join-heading">
      <div className="join-panel__text">
        <h2 id="join-heading">{t('sessions.join.heading')}</h2>
        <p className="muted">{t('sessions.join.codeLabel')}</p>
        <p className="join-code" data-testid="join-code">
          {session.joinCode}
        </p>
        {warning && (
          <div className="alert alert--warning" role="alert" data-testid="join-address-warning">
            <p>
              <strong>{t('sessions.join.localhostWarning')}</strong>
            </p>
            <p>{lanUrls.length > 0 ? t('sessions.join.lanHint') : t('sessions.join.noLan')}</p>
          </div>
        )}
        {warning && lanUrls.length > 0 && (
          <fieldset className="join-panel__lan">
            <legend className="field__label">{t('sessions.join.lanLabel')}</legend>
            {lanUrls.map((url) => (
              <label key={url} className="join-panel__lan-option">
                <input type="radio" name={lanGroup} value={url} checked={url === chosenLan} onChange={() => setChosenLan(url)} />{' '}
                <span className="join-link">{url}</span>
              </label>
            ))}
          </fieldset>
        )}
        <p className="muted">{t('sessions.join.linkLabel')}</p>
        <p className="join-link">
          {joinUrl && (
            <a href={joinUrl} data-testid="join-link">
              {joinUrl}
            </a>
          )}
        </p>
        {canCopy && joinUrl && (
          <button type="button" className="button button--small" onClick={copy}>
            {copied ? t('sessions.join.copied') : t('sessions.join.copy')}
          </button>
        )}
      </div>
      <div className="join-panel__qr">
        {shownQr && joinUrl ? (
          <img src={shownQr} alt={t('sessions.join.qrAlt', { url: joinUrl })} width={240} height={240} />
        ) : (
          <div className="qr-placeholder" aria-hidden="true" />
        )}
      </div>
    </section>
  );
}

import type { SessionCertificateRow } from '@sujarit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmBox } from '../../../components/ConfirmBox';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatDate } from '../../../lib/dates';
import { formatCount, formatPercent } from '../../../lib/numbers';
import { personCertificatePdfUrl, sessionCertificatesPdfUrl, useSessionCertificates } from '../api/get-session-certificates';
import { useWithdrawCertificate } from '../api/withdraw-certificate';

interface SessionCertificatesPanelProps {
  sessionId: string;
  /** Organizers and admins withdraw certificates; managers download them only. */
  canWithdraw: boolean;
}

/** The certificates part of a session's page: who earns one under the program-year's criterion, the PDFs, withdrawal. */
export function SessionCertificatesPanel({ sessionId, canWithdraw }: SessionCertificatesPanelProps) {
  const { t } = useTranslation();
  const list = useSessionCertificates(sessionId);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const data = list.data;
  const earned = data?.people.filter((p) => isPrintable(p)).length ?? 0;

  return (
    <section className="stack" aria-labelledby="certificates-heading">
      <h2 id="certificates-heading">{t('certificates.heading')}</h2>
      {list.isPending && <Loading />}
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {data && (
        <>
          <p className="muted">
            {data.criterion === 'attended'
              ? t('certificates.criterion.attendedDefinition')
              : t('certificates.criterion.passedDefinition', { passMark: formatPercent(data.passMarkPercent) })}
          </p>
          <p>
            {earned > 0 ? (
              <a className="button" href={sessionCertificatesPdfUrl(sessionId)} download>
                {t('certificates.downloadAll', { n: formatCount(earned) })}
              </a>
            ) : (
              <span className="muted">{t('certificates.noneEarned')}</span>
            )}
          </p>
          <div className="table-scroll">
            <table className="table">
              <caption>{t('certificates.caption', { n: formatCount(earned) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('certificates.name')}</th>
                  <th scope="col" className="numeric">
                    {t('certificates.post')}
                  </th>
                  <th scope="col">{t('certificates.status')}</th>
                  <th scope="col">{t('certificates.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.people.length === 0 && (
                  <tr>
                    <td colSpan={4} className="muted">
                      {t('certificates.empty')}
                    </td>
                  </tr>
                )}
                {data.people.map((person) => (
                  <tr key={person.personId}>
                    <td>{person.fullName}</td>
                    <td className="numeric">{formatPercent(person.postPercent)}</td>
                    <td>
                      <CertificateStatus person={person} />
                    </td>
                    <td>
                      <div className="button-row">
                        {isPrintable(person) && (
                          <a
                            className="button button--small"
                            href={personCertificatePdfUrl(sessionId, person.personId)}
                            download
                            aria-label={t('certificates.downloadOneLabel', { name: person.fullName })}
                          >
                            {t('certificates.downloadOne')}
                          </a>
                        )}
                        {canWithdraw && person.certificate && !person.certificate.revokedAt && withdrawing !== person.personId && (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={t('certificates.withdrawLabel', { name: person.fullName })}
                            onClick={() => setWithdrawing(person.personId)}
                          >
                            {t('certificates.withdraw')}
                          </button>
                        )}
                      </div>
                      {withdrawing === person.personId && (
                        <WithdrawBox sessionId={sessionId} person={person} onDone={() => setWithdrawing(null)} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** Printable: earned and not revoked (an issued certificate stays printable until withdrawn). */
function isPrintable(person: SessionCertificateRow): boolean {
  return person.certificate ? !person.certificate.revokedAt : person.qualifies;
}

function CertificateStatus({ person }: { person: SessionCertificateRow }) {
  const { t } = useTranslation();
  const certificate = person.certificate;
  if (certificate?.revokedAt) {
    return (
      <span>
        {t('certificates.revokedOn', { date: formatDate(certificate.revokedAt) })}
        {certificate.revocationCause && <span className="muted"> · {t(`certificates.causes.${certificate.revocationCause}`)}</span>}
        {certificate.revocationReason && <span className="muted"> · {certificate.revocationReason}</span>}
      </span>
    );
  }
  if (certificate) return <span>{t('certificates.issued', { code: certificate.code })}</span>;
  return <span className={person.qualifies ? undefined : 'muted'}>{t(person.qualifies ? 'certificates.qualifies' : 'certificates.notQualified')}</span>;
}

function WithdrawBox({ sessionId, person, onDone }: { sessionId: string; person: SessionCertificateRow; onDone: () => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawCertificate();
  const [reason, setReason] = useState('');
  const inputId = `withdraw-reason-${person.personId}`;
  return (
    <div className="stack">
      <label htmlFor={inputId}>{t('certificates.reason')}</label>
      <input id={inputId} className="input" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
      <ConfirmBox
        label={t('certificates.withdrawLabel', { name: person.fullName })}
        warning={t('certificates.withdrawWarning', { name: person.fullName })}
        confirmLabel={t('certificates.withdrawConfirm')}
        cancelLabel={t('common.cancel')}
        pending={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => withdraw.mutate({ sessionId, personId: person.personId, reason }, { onSuccess: onDone })}
        onCancel={onDone}
      />
    </div>
  );
}

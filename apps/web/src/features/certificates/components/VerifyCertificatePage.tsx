import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { isApiError } from '../../../lib/api-client';
import { useCertificateVerification } from '../api/verify-certificate';

const longDate = (isoOrDay: string, language: string) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB-u-ca-buddhist' : 'th-TH-u-ca-buddhist', {
    timeZone: 'Asia/Bangkok',
    dateStyle: 'long',
  }).format(new Date(isoOrDay.length === 10 ? `${isoOrDay}T12:00:00+07:00` : isoOrDay));

/** The public check of a certificate's code (from its QR code): anyone, on a phone, no sign-in. */
export function VerifyCertificatePage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const verification = useCertificateVerification(code);

  if (verification.isPending) return <Loading />;
  if (verification.isError) {
    const unknown = isApiError(verification.error) && verification.error.status === 404;
    return (
      <main className="page stack verify-page">
        <h1>{t('certificates.verify.title')}</h1>
        {unknown ? (
          <p className="card verify-card verify-card--unknown" role="status">
            {t('certificates.verify.notFound')}
          </p>
        ) : (
          <ErrorAlert error={verification.error} onRetry={() => void verification.refetch()} />
        )}
        <p className="muted">{t('certificates.verify.code', { code })}</p>
      </main>
    );
  }
  const c = verification.data;
  const revoked = c.status === 'revoked';
  return (
    <main className="page stack verify-page">
      <h1>{t('certificates.verify.title')}</h1>
      <div className={`card stack verify-card ${revoked ? 'verify-card--revoked' : 'verify-card--valid'}`} role="status">
        <p className="verify-card__status">
          {revoked
            ? t('certificates.verify.revoked', { date: c.revokedAt ? longDate(c.revokedAt, i18n.language) : '' })
            : t('certificates.verify.valid')}
        </p>
        <dl className="facts">
          {c.fullName && (
            <div className="facts__wide">
              <dt>{t('certificates.verify.name')}</dt>
              <dd>{c.fullName}</dd>
            </div>
          )}
          <div className="facts__wide">
            <dt>{t('certificates.verify.training')}</dt>
            <dd>{c.training}</dd>
          </div>
          <div className="facts__wide">
            <dt>{t('certificates.verify.date')}</dt>
            <dd>{longDate(c.sessionDate, i18n.language)}</dd>
          </div>
          <div className="facts__wide">
            <dt>{t('certificates.verify.organization')}</dt>
            <dd>{c.organizationName}</dd>
          </div>
        </dl>
      </div>
      <p className="muted">{t('certificates.verify.code', { code: c.code })}</p>
    </main>
  );
}

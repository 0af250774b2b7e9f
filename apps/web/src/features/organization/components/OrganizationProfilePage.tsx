import { LOGO_MEDIA_TYPES, MAX_LOGO_BYTES, MAX_LOGO_PIXELS, OrganizationProfileFieldsSchema, type OrganizationProfile } from '@sujarit/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SubmitButton, TextField } from '../../../components/fields';
import { Loading } from '../../../components/Loading';
import { useRemoveLogo, useUploadLogo } from '../api/organization-logo';
import { useOrganization, useUpdateOrganization } from '../api/organization-profile';

/** The admin's page for what reports and certificates print about the organization. */
export function OrganizationProfilePage() {
  const { t } = useTranslation();
  const organization = useOrganization();
  return (
    <main className="page page--narrow stack">
      <h1>{t('organization.title')}</h1>
      <p className="note">{t('organization.intro')}</p>
      {organization.isPending ? (
        <Loading />
      ) : organization.isError ? (
        <ErrorAlert error={organization.error} onRetry={() => void organization.refetch()} />
      ) : (
        <>
          <ProfileForm profile={organization.data} />
          <LogoCard profile={organization.data} />
        </>
      )}
    </main>
  );
}

function ProfileForm({ profile }: { profile: OrganizationProfile }) {
  const { t } = useTranslation();
  const update = useUpdateOrganization();
  const limit = (max: number) => t('organization.limit', { max });
  return (
    <section className="card stack" aria-labelledby="organization-profile-heading">
      <h2 id="organization-profile-heading">{t('organization.profile')}</h2>
      <Form
        serverError={update.error}
        schema={OrganizationProfileFieldsSchema}
        aria-label={t('organization.profile')}
        defaultValues={{
          name: profile.name,
          shortName: profile.shortName ?? '',
          nameEn: profile.nameEn ?? '',
          province: profile.province ?? '',
          address: profile.address ?? '',
          signatoryName: profile.signatoryName ?? '',
          signatoryPosition: profile.signatoryPosition ?? '',
        }}
        onSubmit={(values) =>
          update.mutate({
            ...values,
            nameEn: values.nameEn || null,
            address: values.address || null,
            signatoryName: values.signatoryName || null,
            signatoryPosition: values.signatoryPosition || null,
          })
        }
      >
        <TextField name="name" label={t('organization.fields.name')} hint={`${t('organization.hints.name')} · ${limit(200)}`} maxLength={200} />
        <TextField name="shortName" label={t('organization.fields.shortName')} hint={`${t('organization.hints.shortName')} · ${limit(60)}`} maxLength={60} />
        <TextField name="nameEn" label={t('organization.fields.nameEn')} hint={limit(200)} maxLength={200} lang="en" />
        <TextField name="province" label={t('organization.fields.province')} hint={limit(60)} maxLength={60} />
        <TextField name="address" label={t('organization.fields.address')} hint={limit(500)} maxLength={500} />
        <TextField name="signatoryName" label={t('organization.fields.signatoryName')} hint={`${t('organization.hints.signatory')} · ${limit(120)}`} maxLength={120} />
        <TextField name="signatoryPosition" label={t('organization.fields.signatoryPosition')} hint={limit(200)} maxLength={200} />
        <ErrorAlert error={update.error} />
        {update.isSuccess && !update.isPending && (
          <p className="alert alert--ok" role="status">
            {t('organization.saved')}
          </p>
        )}
        <SubmitButton pending={update.isPending} pendingLabel={t('common.saving')}>
          {t('organization.save')}
        </SubmitButton>
      </Form>
    </section>
  );
}

/** The logo is checked here for type and size before it travels; the server reads the image itself again. */
function LogoCard({ profile }: { profile: OrganizationProfile }) {
  const { t } = useTranslation();
  const inputId = useId();
  const upload = useUploadLogo();
  const remove = useRemoveLogo();
  const [problem, setProblem] = useState<string | null>(null);
  const choose = (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    if (!(LOGO_MEDIA_TYPES as readonly string[]).includes(file.type)) return setProblem(t('organization.logo.wrongType'));
    if (file.size > MAX_LOGO_BYTES) return setProblem(t('organization.logo.tooLarge', { kb: MAX_LOGO_BYTES / 1024 }));
    upload.mutate(file);
  };
  return (
    <section className="card stack" aria-labelledby="organization-logo-heading">
      <h2 id="organization-logo-heading">{t('organization.logo.title')}</h2>
      {profile.logoUrl ? (
        <img className="organization-logo" src={profile.logoUrl} alt={t('organization.logo.alt', { name: profile.name })} />
      ) : (
        <p className="muted">{t('organization.logo.none')}</p>
      )}
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {profile.logoUrl ? t('organization.logo.replace') : t('organization.logo.choose')}
        </label>
        <input
          id={inputId}
          className="input"
          type="file"
          accept={LOGO_MEDIA_TYPES.join(',')}
          aria-describedby={`${inputId}-hint`}
          disabled={upload.isPending}
          onChange={(event) => {
            choose(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <p className="field__hint" id={`${inputId}-hint`}>
          {t('organization.logo.hint', { kb: MAX_LOGO_BYTES / 1024, px: MAX_LOGO_PIXELS })}
        </p>
      </div>
      {upload.isPending && <p role="status">{t('common.saving')}</p>}
      {problem && (
        <p className="alert alert--error" role="alert">
          {problem}
        </p>
      )}
      <ErrorAlert error={upload.error ?? remove.error} />
      {profile.logoUrl && (
        <button type="button" className="button" disabled={remove.isPending} onClick={() => remove.mutate()}>
          {t('organization.logo.remove')}
        </button>
      )}
    </section>
  );
}

import { NewPasswordSchema, OrganizationProfileFieldsSchema, type SetupStatus } from '@sujarit/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { RadioGroupField } from '../../../components/RadioGroupField';
import { SubmitButton, TextField } from '../../../components/fields';
import { Loading } from '../../../components/Loading';
import { useRunSetup, useSetupStatus } from '../api/setup';

const NO_TEMPLATE = 'none';

/**
 * First run on an empty database: the organization and its first admin, once. Anyone who reaches a new
 * server first sets it up (as Gitea or Nextcloud do), so the page says to do it before sharing the address.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const status = useSetupStatus();
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data.needed) return <Navigate to="/login" replace />;
  return (
    <main className="page page--narrow stack">
      <p className="brand brand--large">{t('app.name')}</p>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <p className="note">{t('setup.once')}</p>
      <SetupForm status={status.data} />
    </main>
  );
}

function SetupForm({ status }: { status: SetupStatus }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setup = useRunSetup();
  const organization = OrganizationProfileFieldsSchema.shape;
  const schema = useMemo(
    () =>
      z
        .object({
          name: organization.name,
          shortName: organization.shortName,
          province: organization.province,
          displayName: z.string().trim().min(2, { message: t('setup.errors.displayName') }).max(120),
          email: z.string().trim().toLowerCase().email({ message: t('setup.errors.email') }).max(200),
          password: NewPasswordSchema,
          confirmPassword: z.string(),
          templateId: z.string(),
        })
        .refine((v) => v.password === v.confirmPassword, { message: t('setup.errors.mismatch'), path: ['confirmPassword'] }),
    [organization, t],
  );
  const choices = [
    ...status.templates.map((template) => ({
      value: template.id,
      label: t('setup.fromTemplate', { name: template.name }),
      hint: t('setup.templateHint', { count: template.programs.length }),
    })),
    { value: NO_TEMPLATE, label: t('setup.noTemplate'), hint: t('setup.noTemplateHint') },
  ];
  return (
    <Form
      serverError={setup.error}
      schema={schema}
      aria-label={t('setup.title')}
      defaultValues={{
        name: '',
        shortName: '',
        province: '',
        displayName: '',
        email: '',
        password: '',
        confirmPassword: '',
        templateId: status.templates[0]?.id ?? NO_TEMPLATE,
      }}
      onSubmit={(values) =>
        setup.mutate(
          {
            organization: { name: values.name, shortName: values.shortName, province: values.province },
            admin: { displayName: values.displayName, email: values.email, password: values.password },
            templateId: values.templateId === NO_TEMPLATE ? null : values.templateId,
          },
          { onSuccess: () => navigate('/programs', { replace: true }) },
        )
      }
    >
      <fieldset className="stack">
        <legend className="field__label">{t('setup.organization')}</legend>
        <TextField name="name" label={t('setup.fields.name')} hint={t('setup.hints.name')} maxLength={200} />
        <TextField name="shortName" label={t('setup.fields.shortName')} hint={t('setup.hints.shortName')} maxLength={60} />
        <TextField name="province" label={t('setup.fields.province')} maxLength={60} />
      </fieldset>
      <fieldset className="stack">
        <legend className="field__label">{t('setup.admin')}</legend>
        <TextField name="displayName" label={t('setup.fields.displayName')} autoComplete="name" maxLength={120} />
        <TextField name="email" label={t('setup.fields.email')} type="email" autoComplete="username" inputMode="email" maxLength={200} />
        <TextField name="password" label={t('setup.fields.password')} hint={t('setup.hints.password')} type="password" autoComplete="new-password" />
        <TextField name="confirmPassword" label={t('setup.fields.confirmPassword')} type="password" autoComplete="new-password" />
      </fieldset>
      <RadioGroupField name="templateId" legend={t('setup.programs')} choices={choices} />
      <ErrorAlert error={setup.error} />
      <SubmitButton pending={setup.isPending} pendingLabel={t('setup.saving')}>
        {t('setup.submit')}
      </SubmitButton>
    </Form>
  );
}

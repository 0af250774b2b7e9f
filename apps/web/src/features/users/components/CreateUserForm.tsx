import { CreateUserRequestSchema, ROLES, USER_FIELD_LIMITS, type CreateUserRequest, type UserWithLink } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SelectField, SubmitButton, TextField } from '../../../components/fields';
import { useCreateUser } from '../api/create-user';

const EMPTY = { displayName: '', email: '', role: '', unit: '' };

/** The form's text checked by the contract itself, so the form refuses what the API would, beside the field. */
const FormSchema = z
  .object({ displayName: z.string(), email: z.string(), role: z.string(), unit: z.string() })
  .transform((values, ctx): CreateUserRequest => {
    const parsed = CreateUserRequestSchema.safeParse({ ...values, unit: values.unit.trim() || null });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  });

/** A new colleague: name, email, role and unit; the answer carries their invitation link. */
export function CreateUserForm({ onCreated }: { onCreated: (result: UserWithLink) => void }) {
  const { t } = useTranslation();
  const createMutation = useCreateUser();
  const roles = ROLES.map((role) => ({ value: role, label: t(`app.roles.${role}`) }));
  return (
    <section className="card stack" aria-labelledby="add-user-heading">
      <h2 id="add-user-heading">{t('users.add.heading')}</h2>
      <Form
        serverError={createMutation.error}
        schema={FormSchema}
        defaultValues={EMPTY}
        aria-label={t('users.add.heading')}
        onSubmit={(request, form) =>
          createMutation.mutate(request, {
            onSuccess: (result) => {
              form.reset(EMPTY);
              onCreated(result);
            },
          })
        }
      >
        <TextField name="displayName" label={t('users.fields.displayName')} autoComplete="off" required maxLength={USER_FIELD_LIMITS.displayName} />
        <TextField
          name="email"
          label={t('users.fields.email')}
          type="email"
          inputMode="email"
          autoComplete="off"
          required
          maxLength={USER_FIELD_LIMITS.email}
        />
        <SelectField name="role" label={t('users.fields.role')} placeholder={t('users.fields.rolePlaceholder')} options={roles} required />
        <TextField
          name="unit"
          label={t('users.fields.unit')}
          hint={`${t('users.fields.unitHint')} · ${t('validation.limitHint', { max: USER_FIELD_LIMITS.unit })}`}
          autoComplete="off"
          maxLength={USER_FIELD_LIMITS.unit}
        />
        <ErrorAlert error={createMutation.error} />
        <SubmitButton pending={createMutation.isPending} pendingLabel={t('common.saving')}>
          {t('users.add.submit')}
        </SubmitButton>
      </Form>
    </section>
  );
}

import {
  AGE_BANDS,
  CreatePersonRequestSchema,
  type CreatePersonResultSchema,
  MINOR_AGE_BANDS,
  PERSON_FIELD_LIMITS,
  PERSON_GROUPS,
  type AgeBand,
  type CreatePersonRequest,
} from '@sujarit/contracts';
import { useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SelectField, SubmitButton, TextField } from '../../../components/fields';
import { useCreatePerson } from '../api/create-person';
import { describePerson } from './describe-person';

type CreatePersonResult = z.infer<typeof CreatePersonResultSchema>;

const isMinorBand = (band: string): boolean => (MINOR_AGE_BANDS as readonly string[]).includes(band);

/** Thai digits (๑๒๓) are typed on Thai keyboards; the village number is read either way. */
const arabicDigits = (text: string) => text.replace(/[๐-๙]/g, (digit) => String(digit.charCodeAt(0) - 0x0e50));

/**
 * The form's text, turned into the request and checked by the contract, so the form refuses exactly
 * what the API would, in the contract's Thai, beside the right field. School, age band and guardian
 * belong to youth only: for any other group they are left out, whatever was typed before switching.
 */
export function usePersonFormSchema() {
  const { t } = useTranslation();
  return useMemo(
    () =>
      z
        .object({
          fullName: z.string(),
          group: z.string(),
          village: z.string(),
          school: z.string(),
          ageBand: z.string(),
          phone: z.string(),
          guardianName: z.string(),
        })
        .transform((values, ctx): CreatePersonRequest => {
          const youth = values.group === 'youth';
          const village = arabicDigits(values.village.trim());
          const request = {
            fullName: values.fullName,
            group: values.group,
            village: village === '' ? null : Number(village),
            school: youth && values.school.trim() ? values.school : null,
            ageBand: youth && values.ageBand ? values.ageBand : null,
            phone: values.phone.trim() ? arabicDigits(values.phone).replace(/[\s-]/g, '') : null,
            guardianName: youth && values.guardianName.trim() ? values.guardianName : null,
          };
          const parsed = CreatePersonRequestSchema.safeParse(request);
          if (parsed.success) return parsed.data;
          const reported = new Set<string>();
          for (const issue of parsed.error.issues) {
            const path = String(issue.path[0] ?? 'fullName');
            if (reported.has(path)) continue;
            reported.add(path);
            ctx.addIssue({ code: 'custom', message: issue.message, path: [path] });
          }
          // The contract checks consent only once every field is valid; say it at once.
          if (request.ageBand && isMinorBand(request.ageBand) && !request.guardianName && !reported.has('guardianName')) {
            ctx.addIssue({ code: 'custom', message: t('people.add.guardianRequired'), path: ['guardianName'] });
          }
          return z.NEVER;
        }),
    [t],
  );
}

/** Shown for children and youth only; the guardian's consent is asked for whenever the age band is under 20. */
function YouthFields() {
  const { t } = useTranslation();
  const [group, ageBand] = useWatch({ name: ['group', 'ageBand'] }) as [string, string];
  if (group !== 'youth') return null;
  const ageBands = AGE_BANDS.map((band: AgeBand) => ({ value: band, label: t(`people.ageBands.${band}`) }));
  return (
    <>
      <TextField name="school" label={t('people.fields.school')} autoComplete="off" maxLength={PERSON_FIELD_LIMITS.school} />
      <SelectField
        name="ageBand"
        label={t('people.fields.ageBand')}
        placeholder={t('people.fields.ageBandPlaceholder')}
        options={ageBands}
      />
      <TextField
        name="guardianName"
        label={t('people.fields.guardianName')}
        hint={`${t('people.fields.guardianHint')} · ${t('validation.limitHint', { max: PERSON_FIELD_LIMITS.guardianName })}`}
        autoComplete="off"
        maxLength={PERSON_FIELD_LIMITS.guardianName}
        required={isMinorBand(ageBand ?? '')}
      />
    </>
  );
}

function CreatedNotice({ result }: { result: CreatePersonResult }) {
  const { t } = useTranslation();
  if (result.possibleDuplicates.length === 0) {
    return (
      <p className="alert alert--ok" role="status">
        {t('people.add.added', { name: result.person.fullName })}
      </p>
    );
  }
  return (
    <div className="alert alert--warning" role="alert">
      <p>{t('people.add.duplicates', { name: result.person.fullName })}</p>
      <ul className="duplicate-list">
        {result.possibleDuplicates.map((person) => (
          <li key={person.id}>
            <strong>{person.fullName}</strong> · {describePerson(t, person)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A person's fields, the same for adding and for correcting one. */
export function PersonFields() {
  const { t } = useTranslation();
  const groups = PERSON_GROUPS.map((group) => ({ value: group, label: t(`groups.${group}`) }));
  return (
    <>
      <TextField name="fullName" label={t('people.fields.fullName')} autoComplete="off" required maxLength={PERSON_FIELD_LIMITS.fullName} />
      <SelectField name="group" label={t('people.fields.group')} placeholder={t('people.fields.groupPlaceholder')} options={groups} required />
      <TextField
        name="village"
        label={t('people.fields.village')}
        hint={t('people.fields.villageHint')}
        inputMode="numeric"
        autoComplete="off"
      />
      <YouthFields />
      <TextField name="phone" label={t('people.fields.phone')} type="tel" inputMode="tel" autoComplete="off" />
    </>
  );
}

const EMPTY = { fullName: '', group: '', village: '', school: '', ageBand: '', phone: '', guardianName: '' };

export function CreatePersonForm() {
  const { t } = useTranslation();
  const schema = usePersonFormSchema();
  const createMutation = useCreatePerson();
  const [created, setCreated] = useState<CreatePersonResult | null>(null);
  return (
    <section className="card stack" id="add-person" aria-labelledby="add-person-heading">
      <h2 id="add-person-heading">{t('people.add.heading')}</h2>
      <Form
        serverError={createMutation.error}
        schema={schema}
        aria-label={t('people.add.heading')}
        defaultValues={EMPTY}
        onSubmit={(request, form) =>
          createMutation.mutate(request, {
            onSuccess: (result) => {
              setCreated(result);
              // Ready for the next person; focus first: reset forgets the fields' refs.
              form.setFocus('fullName');
              form.reset(EMPTY);
            },
          })
        }
      >
        <PersonFields />
        <ErrorAlert error={createMutation.error} />
        <SubmitButton pending={createMutation.isPending} pendingLabel={t('common.saving')}>
          {t('people.add.submit')}
        </SubmitButton>
      </Form>
      {created && <CreatedNotice result={created} />}
    </section>
  );
}

import { AGE_BANDS, JoinRequestSchema, MINOR_AGE_BANDS, PERSON_GROUPS, type AgeBand, type JoinRequest } from '@sujarit/contracts';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SelectField, SubmitButton, TextField } from '../../../components/fields';
import { ApiError } from '../../../lib/api-client';
import { useJoinSession } from '../api/join-session';

const isMinorBand = (band: string): boolean => (MINOR_AGE_BANDS as readonly string[]).includes(band);

/**
 * The form's text, turned into the request and checked by the contract, so the phone refuses exactly what the
 * API would, in the contract's Thai, beside the right field. Age band and guardian go only with the youth group.
 */
function useJoinFormSchema() {
  return useMemo(
    () =>
      z
        .object({ fullName: z.string(), group: z.string(), ageBand: z.string(), guardianName: z.string() })
        .transform((values, ctx): JoinRequest => {
          const youth = values.group === 'youth';
          const request = {
            fullName: values.fullName,
            group: values.group,
            ageBand: youth && values.ageBand ? values.ageBand : null,
            guardianName: youth && values.guardianName.trim() ? values.guardianName : null,
          };
          const parsed = JoinRequestSchema.safeParse(request);
          if (parsed.success) return parsed.data;
          const reported = new Set<string>();
          for (const issue of parsed.error.issues) {
            const path = String(issue.path[0] ?? 'fullName');
            if (reported.has(path)) continue;
            reported.add(path);
            ctx.addIssue({ code: 'custom', message: issue.message, path: [path] });
          }
          return z.NEVER;
        }),
    [],
  );
}

/**
 * A child or youth not on the list registers here too: the server then asks for the age band and, below 20,
 * the guardian who consents. Those on the list never see these fields.
 */
function YouthConsentFields() {
  const { t } = useTranslation();
  const [group, ageBand] = useWatch({ name: ['group', 'ageBand'] }) as [string, string];
  if (group !== 'youth') return null;
  const ageBands = AGE_BANDS.map((band: AgeBand) => ({ value: band, label: t(`people.ageBands.${band}`) }));
  return (
    <>
      <SelectField
        name="ageBand"
        label={t('trainee.join.ageBand')}
        placeholder={t('trainee.join.ageBandPlaceholder')}
        options={ageBands}
        required
      />
      {isMinorBand(ageBand ?? '') ? (
        <TextField
          name="guardianName"
          label={t('trainee.join.guardianName')}
          hint={t('trainee.join.guardianHint')}
          autoComplete="off"
          required
        />
      ) : null}
    </>
  );
}

/** Listed people check in by their name and group; walk-ins register the same way when the session allows it. */
export function JoinForm({ code, walkInsAllowed }: { code: string; walkInsAllowed: boolean }) {
  const { t } = useTranslation();
  const schema = useJoinFormSchema();
  const joinMutation = useJoinSession(code);
  const groups = PERSON_GROUPS.map((group) => ({ value: group, label: t(`groups.${group}`) }));
  const askedForAge = joinMutation.error instanceof ApiError && joinMutation.error.code === 'AGE_BAND_REQUIRED';
  return (
    <section className="card stack" aria-labelledby="join-form-heading">
      <h2 id="join-form-heading">{t('trainee.join.heading')}</h2>
      <p className="muted">{walkInsAllowed ? t('trainee.join.intro') : t('trainee.join.listedOnly')}</p>
      <Form
        schema={schema}
        defaultValues={{ fullName: '', group: '', ageBand: '', guardianName: '' }}
        aria-label={t('trainee.join.heading')}
        onSubmit={(request) => joinMutation.mutate(request)}
      >
        <TextField name="fullName" label={t('trainee.join.fullName')} autoComplete="name" />
        <SelectField name="group" label={t('trainee.join.group')} placeholder={t('trainee.join.groupPlaceholder')} options={groups} />
        {askedForAge ? <YouthConsentFields /> : null}
        <ErrorAlert error={joinMutation.error} />
        <SubmitButton pending={joinMutation.isPending} pendingLabel={t('common.saving')}>
          {t('trainee.join.submit')}
        </SubmitButton>
      </Form>
      <p className="note">{t('trainee.join.privacy')}</p>
    </section>
  );
}

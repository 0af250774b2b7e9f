import { AGE_BANDS, MINOR_AGE_BANDS, PERSON_GROUPS, type AgeBand, type JoinRequest } from '@sujarit/contracts';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SelectField, SubmitButton, TextField } from '../../../components/fields';
import { ApiError } from '../../../lib/api-client';
import { useJoinSession } from '../api/join-session';
import { JoinRequestSchema } from '../api/trainee-schemas';

const isMinorBand = (band: string): boolean => (MINOR_AGE_BANDS as readonly string[]).includes(band);

/**
 * The form's text, turned into the request and checked by the contract, so the phone refuses exactly what the
 * API would, in the contract's Thai, beside the right field. Age band and guardian go only with the youth group.
 */
function useJoinFormSchema(askAgeBand: boolean) {
  return useMemo(
    () =>
      z.pipe(
        z.object({ fullName: z.string(), group: z.string(), ageBand: z.string(), guardianName: z.string(), checkInCode: z.string() }),
        z.transform((values, ctx): JoinRequest => {
          const youth = values.group === 'youth';
          const request = {
            fullName: values.fullName,
            group: values.group,
            // Asked up front of the youth group where walk-ins come: left empty, the contract's own "choose the age band".
            ageBand: youth && values.ageBand ? values.ageBand : youth && askAgeBand ? '' : null,
            guardianName: youth && values.guardianName.trim() ? values.guardianName : null,
            // Walk-ins have no code yet and leave it empty; the server asks a listed name for it.
            checkInCode: values.checkInCode.trim() ? values.checkInCode : null,
          };
          const parsed = JoinRequestSchema.safeParse(request);
          if (parsed.success) return parsed.data;
          const reported = new Set<string>();
          for (const issue of parsed.error.issues) {
            const path = String(issue.path[0] ?? 'fullName');
            if (reported.has(path)) continue;
            reported.add(path);
            ctx.issues.push({ code: 'custom', message: issue.message, path: [path], input: values });
          }
          return z.NEVER;
        }),
      ),
    [askAgeBand],
  );
}

/**
 * A child or youth registering on the spot: the age band and, below 20, the guardian who consents, asked on the
 * first form as soon as the youth group is chosen (the server refuses a youth walk-in without them).
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
        hint={t('trainee.join.ageBandHint')}
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

interface JoinFormProps {
  code: string;
  walkInsAllowed: boolean;
  /** Listed people also give the personal code printed beside their name. */
  checkInCodeRequired: boolean;
  /** The program is for children and youth: the form starts on the youth group. */
  youthProgram: boolean;
}

/**
 * Listed people check in by their name and group (and their personal code when the session asks for it); walk-ins
 * register the same way when the session allows it. A name already held by another phone is sent to the organizer.
 */
export function JoinForm({ code, walkInsAllowed, checkInCodeRequired, youthProgram }: JoinFormProps) {
  const { t } = useTranslation();
  const schema = useJoinFormSchema(walkInsAllowed);
  const joinMutation = useJoinSession(code);
  const groups = PERSON_GROUPS.map((group) => ({ value: group, label: t(`groups.${group}`) }));
  const errorCode = joinMutation.error instanceof ApiError ? joinMutation.error.code : null;
  const askedForAge = errorCode === 'AGE_BAND_REQUIRED';
  return (
    <section className="card stack" aria-labelledby="join-form-heading">
      <h2 id="join-form-heading">{t('trainee.join.heading')}</h2>
      <p className="muted">{walkInsAllowed ? t('trainee.join.intro') : t('trainee.join.listedOnly')}</p>
      <Form
        serverError={joinMutation.error}
        schema={schema}
        defaultValues={{ fullName: '', group: youthProgram ? 'youth' : '', ageBand: '', guardianName: '', checkInCode: '' }}
        aria-label={t('trainee.join.heading')}
        onSubmit={(request) => joinMutation.mutate(request)}
      >
        <TextField name="fullName" label={t('trainee.join.fullName')} autoComplete="name" />
        <SelectField name="group" label={t('trainee.join.group')} placeholder={t('trainee.join.groupPlaceholder')} options={groups} />
        {checkInCodeRequired || errorCode === 'CHECK_IN_CODE_REQUIRED' ? (
          <TextField
            name="checkInCode"
            label={t('trainee.join.checkInCode')}
            hint={walkInsAllowed ? t('trainee.join.checkInCodeHintWalkIns') : t('trainee.join.checkInCodeHint')}
            className="input input--code"
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
          />
        ) : null}
        {walkInsAllowed || askedForAge ? <YouthConsentFields /> : null}
        {errorCode === 'CHECKED_IN_ON_ANOTHER_PHONE' ? (
          <div className="alert alert--warning" role="alert">
            <p>
              <strong>{t('trainee.join.onAnotherPhone')}</strong>
            </p>
            <p>{t('trainee.join.seeOrganizer')}</p>
          </div>
        ) : (
          <ErrorAlert error={joinMutation.error} />
        )}
        <SubmitButton pending={joinMutation.isPending} pendingLabel={t('common.saving')}>
          {t('trainee.join.submit')}
        </SubmitButton>
      </Form>
      <p className="note">{t('trainee.join.privacy')}</p>
    </section>
  );
}

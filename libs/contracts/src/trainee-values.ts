/*
 * The trainee's join form's choices and the kinds of assessment (in the order a session runs them), apart from the
 * zod schemas that use them (trainee.ts, sessions.ts), so the trainee's phone can have them without zod's full
 * build (issue 11; libs/contracts/package.json marks these modules free of side effects).
 */

export const PERSON_GROUPS = ['staff', 'executive', 'council_member', 'citizen', 'youth'] as const;
export type PersonGroup = (typeof PERSON_GROUPS)[number];

/** Age bands for children and youth; everyone below 20 is a minor (PDPA) and needs a guardian's consent. */
export const AGE_BANDS = ['under_12', '12_14', '15_17', '18_19', '20_25'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const MINOR_AGE_BANDS: readonly AgeBand[] = ['under_12', '12_14', '15_17', '18_19'];

export const ASSESSMENT_KINDS = ['pre_test', 'post_test', 'survey'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/**
 * The plan's knowledge indicator for one program and fiscal year.
 * Everyone who attended is in the denominator; an attendee with no post-test counts as not passed.
 */
import { toPercent } from './scoring';

export type IndicatorBasis = 'pass_rate' | 'mean_post_score';

/**
 * Whether the indicator is met, with a third answer for a program-year nobody has attended yet: there is nothing to
 * judge, and "not met" would read as a failure. Once anyone has attended it is met or not met; under the mean-score
 * basis attendees without any post-test are not met, as a missing post-test is not passed under the pass-rate basis.
 */
export type IndicatorStatus = 'no_data' | 'met' | 'not_met';

export interface AttendeeScores {
  personId: string;
  /** Percent score of the person's pre-test, or null when they took none. */
  prePercent: number | null;
  /** Percent score of the person's post-test, or null when they took none. */
  postPercent: number | null;
}

export interface ProgramIndicatorInput {
  targetHeadcount: number;
  sessionsRequired: number;
  sessionsHeld: number;
  passMarkPercent: number;
  targetPassRatePercent: number;
  indicatorBasis: IndicatorBasis;
  attendees: readonly AttendeeScores[];
}

export interface ProgramIndicator {
  attended: number;
  targetHeadcount: number;
  /** attended / target × 100; null when the target is 0. */
  headcountPercent: number | null;
  sessionsHeld: number;
  sessionsRequired: number;
  preTestTaken: number;
  postTestTaken: number;
  meanPrePercent: number | null;
  meanPostPercent: number | null;
  passMarkPercent: number;
  passed: number;
  notPassed: number;
  /** Attended but took no post-test: counted in notPassed, shown apart. */
  missingPostTest: number;
  /** passed / attended × 100; null while nobody has attended. */
  passRatePercent: number | null;
  targetPassRatePercent: number;
  indicatorBasis: IndicatorBasis;
  /** Whether the figure chosen by indicatorBasis reaches targetPassRatePercent; false also while nobody attended. */
  indicatorMet: boolean;
  /** indicatorMet, told apart from "nobody attended yet" (see IndicatorStatus). */
  indicatorStatus: IndicatorStatus;
}

export function computeProgramIndicator(input: ProgramIndicatorInput): ProgramIndicator {
  const attended = input.attendees.length;
  const pre = input.attendees.flatMap((a) => (a.prePercent === null ? [] : [a.prePercent]));
  const post = input.attendees.flatMap((a) => (a.postPercent === null ? [] : [a.postPercent]));
  const passed = post.filter((p) => isPassed(p, input.passMarkPercent)).length;
  const passRatePercent = attended === 0 ? null : toPercent(passed, attended);
  const meanPostPercent = mean(post);
  const figure = input.indicatorBasis === 'pass_rate' ? passRatePercent : meanPostPercent;
  const indicatorMet = figure !== null && figure >= input.targetPassRatePercent;
  return {
    attended,
    targetHeadcount: input.targetHeadcount,
    headcountPercent: input.targetHeadcount > 0 ? toPercent(attended, input.targetHeadcount) : null,
    sessionsHeld: input.sessionsHeld,
    sessionsRequired: input.sessionsRequired,
    preTestTaken: pre.length,
    postTestTaken: post.length,
    meanPrePercent: mean(pre),
    meanPostPercent,
    passMarkPercent: input.passMarkPercent,
    passed,
    notPassed: attended - passed,
    missingPostTest: attended - post.length,
    passRatePercent,
    targetPassRatePercent: input.targetPassRatePercent,
    indicatorBasis: input.indicatorBasis,
    indicatorMet,
    indicatorStatus: attended === 0 ? 'no_data' : indicatorMet ? 'met' : 'not_met',
  };
}

/** Whether a post-test percent passes: at or above the program-year's pass mark; no post-test is not passed. */
export function isPassed(postPercent: number | null, passMarkPercent: number): boolean {
  return postPercent !== null && postPercent >= passMarkPercent;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((total, v) => total + v, 0);
  return Math.round((sum / values.length) * 100) / 100;
}

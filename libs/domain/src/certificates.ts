import type { CertificateCriterion } from '@sujarit/contracts';

/** What decides a person's certificate of one session. */
export interface CertificateEvidence {
  /** Checked in to the session (enrolment status 'attended'). */
  attended: boolean;
  /** Their counting post-test of the session in percent (countingScores: the best ended one); null when none. */
  postPercent: number | null;
}

/**
 * Whether a person earned the session's certificate under the program-year's criterion: 'attended' asks only that
 * they attended; 'attended_and_passed' also that their counting post-test reached the pass mark (at or above it, as
 * the knowledge indicator counts a pass). No post-test is not a pass.
 */
export function qualifiesForCertificate(criterion: CertificateCriterion, evidence: CertificateEvidence, passMarkPercent: number): boolean {
  if (!evidence.attended) return false;
  if (criterion === 'attended') return true;
  return evidence.postPercent !== null && evidence.postPercent >= passMarkPercent;
}

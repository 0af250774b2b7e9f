import { ASSESSMENT_KINDS } from '@sujarit/contracts';
import type { Assessment } from '../database/entities/assessment.entity';

/** Pre-test before post-test, as people take them. */
export function byKindOrder(assessments: Assessment[]): Assessment[] {
  return [...assessments].sort((a, b) => ASSESSMENT_KINDS.indexOf(a.kind) - ASSESSMENT_KINDS.indexOf(b.kind));
}

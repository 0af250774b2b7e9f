/** Survey statistics: what a Likert 1–5 item's answers add up to. */
import { toPercent } from './scoring';

export type LikertCounts = Record<5 | 4 | 3 | 2 | 1, number>;

export interface LikertItemStatistics {
  /** How many chose one of the five levels. */
  answered: number;
  /** Mean level (1–5) to two decimals; null when nobody answered. */
  mean: number | null;
  /** Percent of those who answered 4 (มาก) or 5 (มากที่สุด); null when nobody answered. */
  agreePercent: number | null;
  counts: LikertCounts;
}

/**
 * One Likert item over the respondents' answers (each the option ids chosen, the level being the id; undefined when
 * the item was left out). Anything but a single level 1–5 is not an answer.
 */
export function likertItemStatistics(answers: readonly (readonly string[] | undefined)[]): LikertItemStatistics {
  const counts: LikertCounts = { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 };
  for (const chosen of answers) {
    if (chosen?.length !== 1) continue;
    const level = Number(chosen[0]);
    if (level === 1 || level === 2 || level === 3 || level === 4 || level === 5) counts[level] += 1;
  }
  const answered = counts[5] + counts[4] + counts[3] + counts[2] + counts[1];
  const sum = 5 * counts[5] + 4 * counts[4] + 3 * counts[3] + 2 * counts[2] + counts[1];
  return {
    answered,
    mean: answered === 0 ? null : Math.round((sum / answered) * 100) / 100,
    agreePercent: answered === 0 ? null : toPercent(counts[5] + counts[4], answered),
    counts,
  };
}

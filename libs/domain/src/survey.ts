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

/** The share a follow-up outcome must reach, as the plan sets it for 1.2.1 and 1.3.1 ("≥ 80 %"). */
export const FOLLOW_UP_TARGET_PERCENT = 80;

/** One respondent's answers to one survey: option ids chosen per question id. */
export type SurveyResponse = Readonly<Record<string, readonly string[] | undefined>>;

export interface FollowUpOutcomeFigure {
  /** The outcome's name, as written on its questions. */
  outcome: string;
  /** How many of the survey's Likert items measure it. */
  itemCount: number;
  /** Respondents who answered at least one of its items. */
  respondents: number;
  /** Of those, how many averaged 4 (มาก) or more over the items they answered. */
  achieving: number;
  /** Percent achieving to two decimals; null when nobody answered (no data yet). */
  percent: number | null;
  targetPercent: number;
  /** Null when nobody answered: 'no data yet', not 'not met'. */
  met: boolean | null;
}

function levelOf(chosen: readonly string[] | undefined): number | null {
  if (chosen?.length !== 1) return null;
  const level = Number(chosen[0]);
  return Number.isInteger(level) && level >= 1 && level <= 5 ? level : null;
}

/**
 * The follow-up outcomes a survey measures. Each Likert item may name the outcome it measures; a respondent achieves
 * an outcome when the mean of their levels over its items they answered is at least 4 (มาก), and the outcome's figure
 * is the share of its respondents who achieve it, against the target. Outcomes come in the order their first item does.
 */
export function followUpOutcomes(
  items: readonly { questionId: string; followUpOutcome: string | null }[],
  responses: readonly SurveyResponse[],
  targetPercent: number = FOLLOW_UP_TARGET_PERCENT,
): FollowUpOutcomeFigure[] {
  const byOutcome = new Map<string, string[]>();
  for (const item of items) {
    if (!item.followUpOutcome) continue;
    byOutcome.set(item.followUpOutcome, [...(byOutcome.get(item.followUpOutcome) ?? []), item.questionId]);
  }
  return [...byOutcome.entries()].map(([outcome, questionIds]) => {
    let respondents = 0;
    let achieving = 0;
    for (const response of responses) {
      const levels = questionIds.map((id) => levelOf(response[id])).filter((l): l is number => l !== null);
      if (levels.length === 0) continue;
      respondents += 1;
      if (levels.reduce((sum, l) => sum + l, 0) >= 4 * levels.length) achieving += 1;
    }
    const percent = respondents === 0 ? null : toPercent(achieving, respondents);
    return {
      outcome,
      itemCount: questionIds.length,
      respondents,
      achieving,
      percent,
      targetPercent,
      met: percent === null ? null : percent >= targetPercent,
    };
  });
}

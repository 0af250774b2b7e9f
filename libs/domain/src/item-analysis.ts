/**
 * Item analysis of one test: how hard each question was, whether it told stronger from weaker respondents, and how
 * consistently the right/wrong questions measured the same thing (KR-20). Shares and coefficients are rounded to four
 * decimals once at the end, and the flags are judged on the rounded figures, so a flag always agrees with what is shown.
 */
import { isFullCredit } from '@sujarit/contracts';

/** Above this difficulty (share right) an item is flagged too easy: nearly everyone got it, so it tells nobody apart. */
export const TOO_EASY_DIFFICULTY = 0.9;
/** Below this difficulty an item is flagged too hard: nearly nobody got it, or its key may be wrong. */
export const TOO_HARD_DIFFICULTY = 0.2;
/** Fewer respondents than this and the figures say little (classical test theory's usual rule of thumb). */
export const SMALL_GROUP_RESPONDENTS = 30;
/** The share of respondents in each of the upper and lower groups of the discrimination index (Kelley's 27 %). */
export const DISCRIMINATION_GROUP_SHARE = 0.27;

export interface AnalysedItem {
  questionId: string;
  /** Points the item is worth; a respondent's total adds fraction × maxPoints over the items. */
  maxPoints: number;
  /**
   * Whether the item can only be right or wrong (true/false, single choice without partial credit): only these
   * enter KR-20, whose formula holds for 0/1 items.
   */
  rightOrWrong: boolean;
}

export interface ItemAnalysisInput {
  items: readonly AnalysedItem[];
  /**
   * One row per respondent, in a fixed order (the order breaks ties at the 27 % cut): per item, in the items' order,
   * the fraction 0..1 of its points earned. Right means full credit.
   */
  responses: readonly (readonly number[])[];
}

export interface ItemFlags {
  /** Difficulty above TOO_EASY_DIFFICULTY. */
  tooEasy: boolean;
  /** Difficulty below TOO_HARD_DIFFICULTY. */
  tooHard: boolean;
  /** Discrimination index or point-biserial below 0: weaker respondents did better on it than stronger ones. */
  negativeDiscrimination: boolean;
}

export interface ItemStatistics {
  questionId: string;
  /** Respondents who earned the item's full points. */
  rightCount: number;
  /** Difficulty index p: the share of respondents right (higher is easier); null without respondents. */
  difficulty: number | null;
  /**
   * Discrimination index D = share right in the upper group − share right in the lower group, the groups being the
   * top and bottom discriminationGroupSize respondents by total score; null when that size is 0.
   */
  discrimination: number | null;
  /**
   * Point-biserial: the correlation (population moments) of right (1) / not right (0) on this item with the
   * rest-score (total points less this item's), so the item does not correlate with itself; null when either
   * varies not at all.
   */
  pointBiserial: number | null;
  flags: ItemFlags;
}

export interface TestItemAnalysis {
  respondents: number;
  /** Fewer than SMALL_GROUP_RESPONDENTS respondents: the figures below mean little and should be said so. */
  smallGroup: boolean;
  /** Size of each of the upper and lower groups of the discrimination index (see discriminationGroupSize). */
  discriminationGroupSize: number;
  items: ItemStatistics[];
  /** Right/wrong items that KR-20 is over. */
  reliabilityItemCount: number;
  /**
   * KR-20 over the right/wrong items: k/(k−1) · (1 − Σ p·q / σ²), k those items, p each one's share right, q = 1 − p,
   * σ² the population variance (divided by the number of respondents, as p·q is) of the respondents' number right
   * on those items. Null when k < 2 or σ² = 0. It can fall below 0 when items pull against each other.
   */
  kr20: number | null;
}

/**
 * Each of the upper and lower groups: 27 % of the respondents rounded half up (Math.round), so 4 → 1, 30 → 8,
 * 50 → 14; 0 for a single respondent, who cannot be compared with anyone.
 */
export function discriminationGroupSize(respondents: number): number {
  return Math.round(respondents * DISCRIMINATION_GROUP_SHARE);
}

/**
 * Analyses one test. Respondents are ranked by total points, highest first; equal totals keep the order they were
 * given in, so at the cut the earlier-given respondent goes to the upper group and the later-given to the lower one.
 */
export function analyseItems(input: ItemAnalysisInput): TestItemAnalysis {
  const { items, responses } = input;
  for (const row of responses) {
    if (row.length !== items.length) throw new RangeError(`a respondent's row has ${row.length} answers for ${items.length} items`);
  }
  const right = responses.map((row) => row.map((fraction) => (isFullCredit(fraction * 100) ? 1 : 0)));
  // To two decimals like the scoring's points, so totals that are equal on screen tie here too.
  const totals = responses.map((row) => Math.round(row.reduce((sum, fraction, i) => sum + fraction * items[i].maxPoints, 0) * 100) / 100);
  const groupSize = discriminationGroupSize(responses.length);
  // Array.prototype.sort is stable, so equal totals keep the given order.
  const ranked = totals.map((total, index) => ({ total, index })).sort((a, b) => b.total - a.total);
  const upper = ranked.slice(0, groupSize).map((r) => r.index);
  const lower = ranked.slice(ranked.length - groupSize).map((r) => r.index);

  const statistics = items.map((item, i): ItemStatistics => {
    const rightOnItem = right.map((row) => row[i]);
    const restScores = responses.map((row, r) => totals[r] - row[i] * item.maxPoints);
    const difficulty = responses.length === 0 ? null : roundFigure(average(rightOnItem));
    const discrimination =
      groupSize === 0 ? null : roundFigure(average(upper.map((r) => rightOnItem[r])) - average(lower.map((r) => rightOnItem[r])));
    const pointBiserial = roundFigure(correlation(rightOnItem, restScores));
    return {
      questionId: item.questionId,
      rightCount: rightOnItem.filter((x) => x === 1).length,
      difficulty,
      discrimination,
      pointBiserial,
      flags: {
        tooEasy: difficulty !== null && difficulty > TOO_EASY_DIFFICULTY,
        tooHard: difficulty !== null && difficulty < TOO_HARD_DIFFICULTY,
        negativeDiscrimination: (discrimination ?? 0) < 0 || (pointBiserial ?? 0) < 0,
      },
    };
  });

  const reliabilityColumns = items.flatMap((item, i) => (item.rightOrWrong ? [i] : []));
  return {
    respondents: responses.length,
    smallGroup: responses.length < SMALL_GROUP_RESPONDENTS,
    discriminationGroupSize: groupSize,
    items: statistics,
    reliabilityItemCount: reliabilityColumns.length,
    kr20: roundFigure(kr20(right, reliabilityColumns)),
  };
}

function kr20(right: readonly (readonly number[])[], columns: readonly number[]): number | null {
  const k = columns.length;
  if (k < 2 || right.length === 0) return null;
  const sumPq = columns.reduce((sum, i) => {
    const p = average(right.map((row) => row[i]));
    return sum + p * (1 - p);
  }, 0);
  const numberRight = right.map((row) => columns.reduce((sum, i) => sum + row[i], 0));
  const variance = populationVariance(numberRight);
  if (variance < 1e-12) return null;
  return (k / (k - 1)) * (1 - sumPq / variance);
}

function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const varianceX = populationVariance(xs);
  const varianceY = populationVariance(ys);
  // Tolerance: sums of fractional points can leave a variance of 1e-17 where there is none.
  if (varianceX < 1e-12 || varianceY < 1e-12) return null;
  const meanX = average(xs);
  const meanY = average(ys);
  const covariance = average(xs.map((x, i) => (x - meanX) * (ys[i] - meanY)));
  return covariance / Math.sqrt(varianceX * varianceY);
}

/** Divided by the number of values (not n − 1): the respondents are the whole group described, not a sample. */
function populationVariance(values: readonly number[]): number {
  const m = average(values);
  return average(values.map((v) => (v - m) ** 2));
}

/** 0 for no values; every caller either has values or reads 0 as "nothing varies". */
function average(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return values.reduce((total, v) => total + v, 0) / values.length;
}

function roundFigure(value: number): number;
function roundFigure(value: number | null): number | null;
function roundFigure(value: number | null): number | null {
  if (value === null) return null;
  const rounded = Math.round(value * 10000) / 10000;
  // A tiny negative rounds to -0, which would print as "-0".
  return rounded === 0 ? 0 : rounded;
}

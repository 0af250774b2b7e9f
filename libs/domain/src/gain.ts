/**
 * Pre-test to post-test change of a group of trainees.
 * Means that compare pre with post are paired (only people who took both), so the change is a change of the same
 * people; the means over everyone who took each test are kept apart and named "unpaired".
 * Percents are rounded to two decimals and gains g to four, each once at the end from unrounded sums.
 */
import { scoreAttempt, type AnswerSheet, type ScoringKey } from './scoring';

/** One person's pre-test and post-test percents, of a whole test or of one topic's questions. */
export interface PrePostPercents {
  prePercent: number | null;
  postPercent: number | null;
}

export interface PersonPrePost extends PrePostPercents {
  /** Percents per topic name; a topic left out is one the person was not tested on. */
  topicPercents?: Readonly<Record<string, PrePostPercents>>;
}

export interface PairedMeans {
  /** People who took both the pre-test and the post-test: the only people in the paired means. */
  pairedCount: number;
  /** Mean pre-test percent of the paired people; null when nobody is paired. */
  pairedMeanPrePercent: number | null;
  /** Mean post-test percent of the paired people; null when nobody is paired. */
  pairedMeanPostPercent: number | null;
  /** People who took the pre-test, paired or not. */
  unpairedPreCount: number;
  /** Unpaired: mean pre-test percent of everyone who took it, whether or not they took the post-test. */
  unpairedMeanPrePercent: number | null;
  /** People who took the post-test, paired or not. */
  unpairedPostCount: number;
  /** Unpaired: mean post-test percent of everyone who took it; not comparable with the unpaired pre mean. */
  unpairedMeanPostPercent: number | null;
}

export interface PersonGain {
  /** post − pre in percentage points; null unless both tests were taken. */
  gainPoints: number | null;
  /**
   * Normalized gain g = (post − pre) / (100 − pre): the share of what there was left to learn that was learnt
   * (negative when the score fell). Null at pre = 100, where nothing was left, or unless both tests were taken.
   */
  normalizedGain: number | null;
}

export interface GroupGain extends PairedMeans {
  /** Mean of post − pre over the paired people (equal to the paired post mean minus the paired pre mean). */
  meanGainPoints: number | null;
  /**
   * Mean of the individual normalized gains g, over the paired people whose g is defined (pre below 100);
   * null when there is none.
   */
  meanNormalizedGain: number | null;
  /** How many people meanNormalizedGain is over: the paired people less those with a pre-test of 100. */
  normalizedGainCount: number;
  /**
   * Hake's g: the normalized gain of the paired means, (mean post − mean pre) / (100 − mean pre);
   * null when nobody is paired or the paired mean pre is 100.
   */
  normalizedGainOfMeans: number | null;
}

export interface TopicGain extends GroupGain {
  topic: string;
}

/** Paired means over the people who took both tests, and the unpaired means beside them. */
export function pairedMeans(people: readonly PrePostPercents[]): PairedMeans {
  const paired = people.filter(isPaired);
  const pre = people.flatMap((p) => (p.prePercent === null ? [] : [p.prePercent]));
  const post = people.flatMap((p) => (p.postPercent === null ? [] : [p.postPercent]));
  return {
    pairedCount: paired.length,
    pairedMeanPrePercent: roundPercent(mean(paired.map((p) => p.prePercent))),
    pairedMeanPostPercent: roundPercent(mean(paired.map((p) => p.postPercent))),
    unpairedPreCount: pre.length,
    unpairedMeanPrePercent: roundPercent(mean(pre)),
    unpairedPostCount: post.length,
    unpairedMeanPostPercent: roundPercent(mean(post)),
  };
}

/** One person's change from pre-test to post-test. */
export function personGain(prePercent: number | null, postPercent: number | null): PersonGain {
  if (prePercent === null || postPercent === null) return { gainPoints: null, normalizedGain: null };
  return {
    gainPoints: roundPercent(postPercent - prePercent),
    normalizedGain: roundGain(normalizedGain(prePercent, postPercent)),
  };
}

/** The group's paired means and both group gains: the mean of individual g and the g of the means (Hake's). */
export function groupGain(people: readonly PrePostPercents[]): GroupGain {
  const paired = people.filter(isPaired);
  const meanPre = mean(paired.map((p) => p.prePercent));
  const meanPost = mean(paired.map((p) => p.postPercent));
  const individualGains = paired.flatMap((p) => {
    const g = normalizedGain(p.prePercent, p.postPercent);
    return g === null ? [] : [g];
  });
  return {
    ...pairedMeans(people),
    meanGainPoints: roundPercent(mean(paired.map((p) => p.postPercent - p.prePercent))),
    meanNormalizedGain: roundGain(mean(individualGains)),
    normalizedGainCount: individualGains.length,
    normalizedGainOfMeans: meanPre === null || meanPost === null ? null : roundGain(normalizedGain(meanPre, meanPost)),
  };
}

/**
 * The same figures per topic, from each person's per-topic percents; topics in the order they are first met,
 * so the same input always lists them alike.
 */
export function topicGains(people: readonly PersonPrePost[]): TopicGain[] {
  const byTopic = new Map<string, PrePostPercents[]>();
  for (const person of people) {
    for (const [topic, percents] of Object.entries(person.topicPercents ?? {})) {
      const list = byTopic.get(topic) ?? [];
      list.push(percents);
      byTopic.set(topic, list);
    }
  }
  return [...byTopic].map(([topic, percents]) => ({ topic, ...groupGain(percents) }));
}

/** A scoring key with the topic its question belongs to. */
export interface TopicScoringKey extends ScoringKey {
  topic: string;
}

/**
 * One attempt's percent per topic: the points earned on that topic's questions over their points, scored as the
 * whole test is (scoreAttempt); Likert items and topics without points are left out.
 */
export function topicPercentsOf(keys: readonly TopicScoringKey[], answers: AnswerSheet): Record<string, number> {
  const byTopic = new Map<string, TopicScoringKey[]>();
  for (const key of keys) {
    if (key.type === 'likert') continue;
    byTopic.set(key.topic, [...(byTopic.get(key.topic) ?? []), key]);
  }
  const percents: Record<string, number> = {};
  for (const [topic, topicKeys] of byTopic) {
    const score = scoreAttempt(topicKeys, answers);
    if (score.maxScore > 0) percents[topic] = score.percent;
  }
  return percents;
}

/** Per-topic pre and post percents of a person from the attempts that count (either may be missing). */
export function personTopicPercents(
  pre: Readonly<Record<string, number>> | null,
  post: Readonly<Record<string, number>> | null,
): Record<string, PrePostPercents> {
  const topics: Record<string, PrePostPercents> = {};
  for (const topic of new Set([...Object.keys(pre ?? {}), ...Object.keys(post ?? {})])) {
    topics[topic] = { prePercent: pre?.[topic] ?? null, postPercent: post?.[topic] ?? null };
  }
  return topics;
}

interface Paired {
  prePercent: number;
  postPercent: number;
}

function isPaired(person: PrePostPercents): person is Paired {
  return person.prePercent !== null && person.postPercent !== null;
}

function normalizedGain(prePercent: number, postPercent: number): number | null {
  // Compared with a tolerance: a mean of 100s can come out a hair off 100 in floating point.
  if (100 - prePercent < 1e-9) return null;
  return (postPercent - prePercent) / (100 - prePercent);
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((total, v) => total + v, 0) / values.length;
}

function roundPercent(value: number | null): number | null {
  return value === null ? null : roundTo(value, 100);
}

function roundGain(value: number | null): number | null {
  return value === null ? null : roundTo(value, 10000);
}

function roundTo(value: number, scale: number): number {
  const rounded = Math.round(value * scale) / scale;
  // A tiny loss rounds to -0, which would print as "-0".
  return rounded === 0 ? 0 : rounded;
}

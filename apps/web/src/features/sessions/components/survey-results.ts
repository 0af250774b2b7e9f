import { LIKERT_OPTIONS, type SurveyResults } from '@sujarit/contracts';

export type SurveyItemResult = SurveyResults['items'][number];

export interface TopicGroup {
  topic: string;
  /** Items in the survey's order, each with its number in the whole survey (1-based). */
  items: { number: number; item: SurveyItemResult }[];
}

/** Items by topic, topics in the order they first appear; the numbering runs through the whole survey. */
export function groupByTopic(items: SurveyItemResult[]): TopicGroup[] {
  const groups = new Map<string, TopicGroup>();
  items.forEach((item, index) => {
    const group = groups.get(item.topic) ?? { topic: item.topic, items: [] };
    group.items.push({ number: index + 1, item });
    groups.set(item.topic, group);
  });
  return [...groups.values()];
}

/** The five levels from 5 (มากที่สุด) down to 1, as the trainee saw them. */
export const LIKERT_LEVELS = LIKERT_OPTIONS.map((option) => ({ value: Number(option.id) as 5 | 4 | 3 | 2 | 1, label: option.text }));


export { formatMean } from '../../../lib/numbers';

import type { AssessmentDetail, AssessmentKind, AssessmentSelection, QuestionType } from '@sujarit/contracts';
import type { PickableQuestion } from '../api/get-bank-questions';

export type SelectionMode = AssessmentSelection['mode'];

/** How the selection is typed on a form: both pickers keep their state while the organizer switches modes. */
export interface SelectionFormValues {
  selectionMode: SelectionMode;
  /** The fixed list's ticked questions (saved in bank order). */
  questionIds: string[];
  /** One row per bank topic; 0 or empty leaves the topic out of the draw. */
  topicCounts: { topic: string; count: number }[];
}

export type PickerQuestion = Pick<PickableQuestion, 'id' | 'topic' | 'type' | 'stem'> & {
  /** Its place in the bank's own order, which a fixed list keeps. */
  bankOrder: number;
  /** Held by the test but no longer a current question of the bank (a newer version replaced it). */
  outsideBank?: boolean;
};

export interface BankTopic {
  topic: string;
  questions: PickerQuestion[];
}

/** Surveys ask Likert items; tests ask questions that are scored. */
export const suitsKind = (kind: AssessmentKind, type: QuestionType) => (kind === 'survey') === (type === 'likert');

/**
 * The bank by topic, topics and questions in bank order; questions the test holds that the bank no longer
 * offers are added to their topic, so saving never drops them unseen.
 */
export function bankTopics(bank: PickableQuestion[], held: AssessmentDetail['questions'] = []): BankTopic[] {
  const byTopic = new Map<string, PickerQuestion[]>();
  const add = (question: PickerQuestion) => {
    const list = byTopic.get(question.topic) ?? [];
    list.push(question);
    byTopic.set(question.topic, list);
  };
  const inBank = new Set(bank.map((question) => question.id));
  bank.forEach((question, index) => add({ ...question, bankOrder: index }));
  held
    .filter((question) => !inBank.has(question.id))
    .forEach((question, index) => add({ ...question, bankOrder: bank.length + index, outsideBank: true }));
  return [...byTopic].map(([topic, questions]) => ({ topic, questions }));
}

/** The form's selection state from a saved selection. */
export function selectionFormValues(selection: AssessmentSelection, topics: BankTopic[]): SelectionFormValues {
  const counts = new Map(selection.mode === 'random_per_topic' ? selection.perTopic.map((p) => [p.topic, p.count]) : []);
  const rows = topics.map(({ topic }) => ({ topic, count: counts.get(topic) ?? 0 }));
  // A drawn topic the bank no longer has keeps its row, so the organizer sees why the draw fails.
  for (const [topic, count] of counts) if (!rows.some((row) => row.topic === topic)) rows.push({ topic, count });
  return {
    selectionMode: selection.mode,
    questionIds: selection.mode === 'fixed' ? [...selection.questionIds] : [],
    topicCounts: rows,
  };
}

/** A count box left empty draws nothing from its topic. */
export const countOf = (count: number) => (Number.isNaN(count) ? 0 : count);

/** The rows of topicCounts that take part in the draw, in order: perTopic[i] comes from row rows[i]. */
export const drawnRows = (values: SelectionFormValues) =>
  values.topicCounts.flatMap((row, index) => (countOf(row.count) !== 0 ? [index] : []));

/** The selection as the API takes it; the fixed list in the bank's order, whatever order the boxes were ticked in. */
export function toSelection(values: SelectionFormValues, topics: BankTopic[]): AssessmentSelection {
  switch (values.selectionMode) {
    case 'same_as_pre':
      return { mode: 'same_as_pre' };
    case 'random_per_topic':
      return {
        mode: 'random_per_topic',
        perTopic: drawnRows(values).map((row) => ({ topic: values.topicCounts[row].topic, count: values.topicCounts[row].count })),
      };
    case 'fixed': {
      const order = new Map(topics.flatMap((t) => t.questions).map((question) => [question.id, question.bankOrder]));
      const position = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
      return { mode: 'fixed', questionIds: [...values.questionIds].sort((a, b) => position(a) - position(b)) };
    }
  }
}

/** The form's own checks of the draw: whole counts, and no more than a topic holds. */
export function drawIssues(
  values: SelectionFormValues,
  topics: BankTopic[],
  messages: { countInvalid: string; tooMany: (available: number) => string },
): { path: string; message: string }[] {
  if (values.selectionMode !== 'random_per_topic') return [];
  const available = new Map(topics.map((t) => [t.topic, t.questions.filter((q) => !q.outsideBank).length]));
  return values.topicCounts.flatMap((row, index) => {
    const count = countOf(row.count);
    const path = `topicCounts.${index}.count`;
    if (!Number.isInteger(count) || count < 0) return [{ path, message: messages.countInvalid }];
    const has = available.get(row.topic) ?? 0;
    return count > has ? [{ path, message: messages.tooMany(has) }] : [];
  });
}

/**
 * Where an issue about the selection (its path below `selection`, as the contract and the API report it)
 * shows on the form.
 */
export function selectionFieldOf(path: readonly PropertyKey[], values: SelectionFormValues): string {
  const [part, index] = path;
  if (part === 'questionIds') return 'questionIds';
  if (part === 'perTopic') {
    const row = typeof index === 'number' ? drawnRows(values)[index] : undefined;
    return row === undefined ? 'topicCounts' : `topicCounts.${row}.count`;
  }
  return 'selectionMode';
}

/** An API issue path ("selection.perTopic.0.count") as the contract's path parts. */
export const pathParts = (path: string): PropertyKey[] =>
  path === '' ? [] : path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

import { isFullCredit, LIKERT_OPTIONS, type BankQuestion, type QuestionInput } from '@sujarit/contracts';
import type { Question, QuestionOption } from '../database/entities/question.entity';

const CHOICE_IDS = ['a', 'b', 'c', 'd', 'e', 'f'];
const TRUE_FALSE_IDS = ['true', 'false'];

const round5 = (value: number) => Math.round(value * 100000) / 100000;

type StoredFields = Pick<Question, 'topic' | 'type' | 'stem' | 'options' | 'correctOptionIds' | 'explanation' | 'points' | 'followUpOutcome'>;

/**
 * A checked question as the bank stores it (weights to five decimals, as Moodle writes them). `correctOptionIds` always agrees with the weights: the full-credit
 * options of a single choice or true/false, every positive one of a multiple choice, none for Likert.
 * Weights are stored where the key needs more than right/wrong: every multiple choice, and a single choice
 * with partial credit or penalties.
 */
export function storedQuestion(input: QuestionInput): StoredFields {
  const common = { topic: input.topic, type: input.type, stem: input.stem, explanation: input.explanation, followUpOutcome: null };
  if (input.type === 'likert') {
    return { ...common, followUpOutcome: input.followUpOutcome || null, options: LIKERT_OPTIONS.map((o) => ({ ...o })), correctOptionIds: [], points: 0 };
  }
  const ids = input.type === 'true_false' ? TRUE_FALSE_IDS : CHOICE_IDS;
  const points = input.points ?? 1;
  if (input.type === 'multiple_choice') {
    // The right options' weights are scaled to exactly 100 %, so ticking all of them is always full marks.
    const positive = input.options.reduce((sum, o) => sum + Math.max(0, o.weight), 0);
    const options = input.options.map((o, i) => ({
      id: ids[i],
      text: o.text,
      weight: round5(o.weight > 0 ? (o.weight * 100) / positive : o.weight),
    }));
    return { ...common, points, options, correctOptionIds: options.filter((o) => o.weight > 0).map((o) => o.id) };
  }
  const partial = input.options.some((o) => !isFullCredit(o.weight) && o.weight !== 0);
  const options: QuestionOption[] = input.options.map((o, i) => ({
    id: ids[i],
    text: o.text,
    ...(partial ? { weight: isFullCredit(o.weight) ? 100 : round5(o.weight) } : {}),
  }));
  return { ...common, points, options, correctOptionIds: options.filter((_, i) => isFullCredit(input.options[i].weight)).map((o) => o.id) };
}

/** The organizer's view: every option of a scored question with the weight it is worth, stored or implied. */
export function toBankQuestion(q: Question, used: boolean): BankQuestion {
  return {
    id: q.id,
    programId: q.programId,
    topic: q.topic,
    type: q.type,
    stem: q.stem,
    options: q.type === 'likert' ? q.options.map(({ id, text }) => ({ id, text })) : q.options.map((o) => ({ id: o.id, text: o.text, weight: weightOf(q, o) })),
    correctOptionIds: q.correctOptionIds,
    explanation: q.explanation,
    points: q.points,
    followUpOutcome: q.followUpOutcome,
    version: q.version,
    lineageId: q.lineageId ?? q.id,
    archived: q.archivedAt !== null,
    used,
  };
}

/** As the scoring reads a key without weights: right options share 100 %, and in a multiple choice each wrong one takes a share back. */
function weightOf(q: Question, option: QuestionOption): number {
  if (option.weight !== undefined) return option.weight;
  const right = q.correctOptionIds.includes(option.id);
  if (q.type !== 'multiple_choice') return right ? 100 : 0;
  const share = q.correctOptionIds.length === 0 ? 0 : round5(100 / q.correctOptionIds.length);
  return right ? share : -share;
}

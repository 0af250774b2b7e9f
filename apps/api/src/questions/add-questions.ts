import type { QuestionInput } from '@sujarit/contracts';
import type { EntityManager } from 'typeorm';
import { Question } from '../database/entities/question.entity';
import { storedQuestion } from './question.mapper';

/**
 * Adds checked questions at the end of a program's bank in the caller's transaction: an import's confirmed
 * rows, or a template's whole bank. The program is the caller's to check.
 */
export async function addQuestionsToBank(
  manager: EntityManager,
  organizationId: string,
  programId: string,
  inputs: QuestionInput[],
): Promise<number> {
  if (inputs.length === 0) return 0;
  const [{ next }]: { next: number }[] = await manager.query(
    `SELECT coalesce(max(position), -1) + 1 AS next FROM questions WHERE program_id = $1`,
    [programId],
  );
  await manager.insert(
    Question,
    inputs.map((input, i) => ({
      organizationId,
      programId,
      position: next + i,
      version: 1,
      lineageId: null,
      archivedAt: null,
      ...storedQuestion(input),
    })),
  );
  return inputs.length;
}

import { DEADLINE_GRACE_SECONDS } from '@sujarit/domain';

/**
 * The domain's deadline rules (libs/domain/src/attempts.ts) as SQL, for the statements that must apply them inside the
 * database: the one-statement save, the counts and the sweeper. `t` names the attempts row and `a` its assessment;
 * `now` is a parameter. e2e/api/attempt-rules-sql.spec.ts runs each beside its domain function on the same cases.
 */
export const attemptSql = {
  /** effectiveDeadline: the earlier of the two; LEAST skips a null as the domain does. */
  effectiveDeadline: (t: string, a: string) => `LEAST(${t}.deadline_at, ${a}.closes_at)`,

  /** answersTakenUntil: the deadline plus its grace; null without a deadline. */
  answersTakenUntil: (t: string, a: string) => `(LEAST(${t}.deadline_at, ${a}.closes_at) + ${DEADLINE_GRACE_SECONDS} * interval '1 second')`,

  /** isPastGrace: never without a deadline. */
  pastGrace: (t: string, a: string, now: string) => `coalesce(${attemptSql.answersTakenUntil(t, a)} < ${now}, false)`,

  /** attemptEnd(…) !== null: ended as recorded, or past its deadline and grace though not written down yet. */
  ended: (t: string, a: string, now: string) => `(${t}.submitted_at IS NOT NULL OR ${attemptSql.pastGrace(t, a, now)})`,
};

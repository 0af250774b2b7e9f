import { attemptSql } from '@sujarit/api/attempts/attempt-sql';
import { answersTakenUntil, attemptEnd, effectiveDeadline, isPastGrace } from '@sujarit/domain';
import { Client } from 'pg';

/**
 * The deadline rules exist once, in libs/domain; the statements that must apply them inside PostgreSQL (the
 * one-statement save, the counts, the sweeper) use SQL written from them (attempts/attempt-sql.ts). Both run here on
 * the same cases and must agree to the millisecond.
 */
describe('the deadline rules in SQL agree with the domain', () => {
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: process.env.SUJARIT_TEST_DATABASE_URL });
    await db.connect();
  });
  afterAll(() => db.end());

  const at = (time: string) => new Date(`2026-01-20T${time}+07:00`);
  const deadline = at('09:50:00');
  const close = at('10:00:00');
  const cases: { what: string; deadlineAt: Date | null; closesAt: Date | null; submittedAt: Date | null; now: Date }[] = [
    { what: 'in time', deadlineAt: deadline, closesAt: null, submittedAt: null, now: at('09:49:59') },
    { what: 'within the grace', deadlineAt: deadline, closesAt: null, submittedAt: null, now: at('09:50:29') },
    { what: 'the grace’s last instant', deadlineAt: deadline, closesAt: null, submittedAt: null, now: at('09:50:30') },
    { what: '1 ms after the grace', deadlineAt: deadline, closesAt: null, submittedAt: null, now: new Date(at('09:50:30').getTime() + 1) },
    { what: 'only a closing time, past its grace', deadlineAt: null, closesAt: close, submittedAt: null, now: at('10:00:31') },
    { what: 'only a closing time, within its grace', deadlineAt: null, closesAt: close, submittedAt: null, now: at('10:00:30') },
    { what: 'no deadline at all', deadlineAt: null, closesAt: null, submittedAt: null, now: at('23:59:59') },
    { what: 'a closing time moved before the deadline', deadlineAt: deadline, closesAt: at('09:45:00'), submittedAt: null, now: at('09:45:31') },
    { what: 'a closing time after the deadline', deadlineAt: deadline, closesAt: close, submittedAt: null, now: at('09:50:31') },
    { what: 'submitted in time', deadlineAt: deadline, closesAt: close, submittedAt: at('09:40:00'), now: at('09:41:00') },
    { what: 'submitted, long after', deadlineAt: deadline, closesAt: close, submittedAt: at('09:40:00'), now: at('12:00:00') },
  ];

  it('on every case: the effective deadline, until when answers are taken, past the grace, ended', async () => {
    const { rows } = await db.query<{ n: number; effective: Date | null; until: Date | null; past: boolean; ended: boolean }>(
      `SELECT t.n, ${attemptSql.effectiveDeadline('t', 'a')} AS effective, ${attemptSql.answersTakenUntil('t', 'a')} AS until,
              ${attemptSql.pastGrace('t', 'a', 't.now')} AS past, ${attemptSql.ended('t', 'a', 't.now')} AS ended
         FROM jsonb_to_recordset($1::jsonb) AS t(n int, deadline_at timestamptz, closes_at timestamptz, submitted_at timestamptz, now timestamptz)
         CROSS JOIN LATERAL (SELECT t.closes_at) AS a(closes_at)
        ORDER BY t.n`,
      [JSON.stringify(cases.map((c, n) => ({ n, deadline_at: c.deadlineAt, closes_at: c.closesAt, submitted_at: c.submittedAt, now: c.now })))],
    );
    const fromSql = rows.map((r) => ({ what: cases[r.n].what, effective: r.effective?.getTime() ?? null, until: r.until?.getTime() ?? null, past: r.past, ended: r.ended }));
    const fromDomain = cases.map((c) => {
      const effective = effectiveDeadline(c.deadlineAt, c.closesAt);
      return {
        what: c.what,
        effective: effective?.getTime() ?? null,
        until: answersTakenUntil(effective)?.getTime() ?? null,
        past: isPastGrace(effective, c.now),
        ended: attemptEnd({ deadlineAt: c.deadlineAt, submittedAt: c.submittedAt, finishReason: c.submittedAt ? 'submitted' : null }, c, c.now) !== null,
      };
    });
    expect(fromSql).toEqual(fromDomain);
    // The cases cover both answers of each rule, so agreeing is not agreeing on a constant.
    expect(new Set(fromDomain.map((c) => c.past))).toEqual(new Set([true, false]));
    expect(new Set(fromDomain.map((c) => c.ended))).toEqual(new Set([true, false]));
  });
});

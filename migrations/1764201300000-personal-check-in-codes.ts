import { randomInt } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A personal check-in code for every enrolment (4 digits, unique within its session, drawn with a CSPRNG), and a
 * session setting that asks listed people for it when they check in from a phone.
 */
export class PersonalCheckInCodes1764201300000 implements MigrationInterface {
  name = 'PersonalCheckInCodes1764201300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "training_sessions" ADD "require_check_in_code" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "enrolments" ADD "check_in_code" text`);
    // Existing enrolments get their codes here: a shuffled run of distinct codes per session.
    const rows: { id: string; session_id: string }[] = await queryRunner.query(
      `SELECT id, session_id FROM "enrolments" ORDER BY session_id, created_at`,
    );
    const bySession = new Map<string, string[]>();
    for (const row of rows) {
      const ids = bySession.get(row.session_id) ?? [];
      ids.push(row.id);
      bySession.set(row.session_id, ids);
    }
    for (const ids of bySession.values()) {
      const codes = shuffledCodes(ids.length);
      for (let i = 0; i < ids.length; i += 500) {
        const batch = ids.slice(i, i + 500);
        await queryRunner.query(
          `UPDATE "enrolments" e SET "check_in_code" = v.code FROM unnest($1::uuid[], $2::text[]) AS v(id, code) WHERE e.id = v.id`,
          [batch, codes.slice(i, i + 500)],
        );
      }
    }
    await queryRunner.query(`ALTER TABLE "enrolments" ALTER COLUMN "check_in_code" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "enrolments" ADD CONSTRAINT "CHK_enrolments_check_in_code" CHECK ("check_in_code" ~ '^[0-9]{4}$')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_enrolments_session_check_in_code" ON "enrolments" ("session_id", "check_in_code")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_enrolments_session_check_in_code"`);
    await queryRunner.query(`ALTER TABLE "enrolments" DROP CONSTRAINT "CHK_enrolments_check_in_code"`);
    await queryRunner.query(`ALTER TABLE "enrolments" DROP COLUMN "check_in_code"`);
    await queryRunner.query(`ALTER TABLE "training_sessions" DROP COLUMN "require_check_in_code"`);
  }
}

/** `count` distinct 4-digit codes in random order (Fisher–Yates over all 10,000, cut short). */
function shuffledCodes(count: number): string[] {
  if (count > 10_000) throw new Error('A session has more than 10,000 enrolments: no room for distinct 4-digit codes');
  const codes = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, '0'));
  for (let i = 0; i < count; i++) {
    const j = i + randomInt(10_000 - i);
    [codes[i], codes[j]] = [codes[j], codes[i]];
  }
  return codes.slice(0, count);
}

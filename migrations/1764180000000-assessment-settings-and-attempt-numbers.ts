import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Test settings per session (title, window, time limit, shuffling, attempts, when results and review show,
 * how questions are chosen), surveys beside the pre- and post-test, and numbered attempts with their own
 * question order and deadline.
 */
export class AssessmentSettingsAndAttemptNumbers1764180000000 implements MigrationInterface {
  name = 'AssessmentSettingsAndAttemptNumbers1764180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_5aaacf39cc43987edbd68f922d"`);
    await queryRunner.query(`ALTER TABLE "assessments" ADD "title" text`);
    await queryRunner.query(
      `UPDATE "assessments" SET "title" = CASE "kind" WHEN 'pre_test' THEN 'แบบทดสอบก่อนอบรม' WHEN 'post_test' THEN 'แบบทดสอบหลังอบรม' ELSE 'แบบสำรวจ' END`,
    );
    await queryRunner.query(`ALTER TABLE "assessments" ALTER COLUMN "title" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "assessments" ADD "selection" jsonb`);
    await queryRunner.query(
      `UPDATE "assessments" SET "selection" = CASE WHEN jsonb_array_length("question_ids") > 0
         THEN jsonb_build_object('mode', 'fixed', 'questionIds', "question_ids")
         ELSE jsonb_build_object('mode', 'random_per_topic', 'perTopic', '[]'::jsonb) END`,
    );
    await queryRunner.query(`ALTER TABLE "assessments" ALTER COLUMN "selection" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "assessments" ADD "opens_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "assessments" ADD "closes_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "assessments" ADD "time_limit_minutes" integer`);
    await queryRunner.query(`ALTER TABLE "assessments" ADD "shuffle_questions" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "assessments" ADD "shuffle_options" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "assessments" ADD "attempts_allowed" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "assessments" ADD "results_visibility" text NOT NULL DEFAULT 'on_submit'`);
    await queryRunner.query(`ALTER TABLE "assessments" ADD "review_visibility" text NOT NULL DEFAULT 'after_close'`);
    // A pre-test's review would teach the post-test, which by default asks the same questions.
    await queryRunner.query(`UPDATE "assessments" SET "review_visibility" = 'never' WHERE "kind" = 'pre_test'`);
    await queryRunner.query(`CREATE INDEX "IDX_assessments_session" ON "assessments" ("session_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_assessments_session_test_kind" ON "assessments" ("session_id", "kind") WHERE kind <> 'survey'`,
    );

    await queryRunner.query(`DROP INDEX "public"."IDX_29c52745ffbd8b21fa76891f5e"`);
    await queryRunner.query(`ALTER TABLE "attempts" ADD "attempt_number" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "attempts" ADD "question_order" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "attempts" ADD "option_order" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "attempts" ADD "deadline_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "attempts" ADD "finish_reason" text`);
    await queryRunner.query(
      `UPDATE "attempts" t SET "question_order" = a."question_ids" FROM "assessments" a WHERE a."id" = t."assessment_id"`,
    );
    await queryRunner.query(
      `UPDATE "attempts" SET "finish_reason" = CASE WHEN "submit_idempotency_key" IS NULL THEN 'closed' ELSE 'submitted' END WHERE "submitted_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_attempts_assessment_enrolment_number" ON "attempts" ("assessment_id", "enrolment_id", "attempt_number")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_attempts_assessment_enrolment_number"`);
    await queryRunner.query(`DELETE FROM "attempts" WHERE "attempt_number" > 1`);
    for (const column of ['finish_reason', 'deadline_at', 'option_order', 'question_order', 'attempt_number']) {
      await queryRunner.query(`ALTER TABLE "attempts" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_29c52745ffbd8b21fa76891f5e" ON "attempts" ("assessment_id", "enrolment_id")`);
    await queryRunner.query(`DROP INDEX "public"."UQ_assessments_session_test_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_assessments_session"`);
    await queryRunner.query(`DELETE FROM "assessments" WHERE "kind" = 'survey'`);
    for (const column of [
      'review_visibility',
      'results_visibility',
      'attempts_allowed',
      'shuffle_options',
      'shuffle_questions',
      'time_limit_minutes',
      'closes_at',
      'opens_at',
      'selection',
      'title',
    ]) {
      await queryRunner.query(`ALTER TABLE "assessments" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5aaacf39cc43987edbd68f922d" ON "assessments" ("session_id", "kind")`);
  }
}

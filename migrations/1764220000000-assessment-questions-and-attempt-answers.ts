import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A test's questions and an attempt's answers as rows instead of JSON: `assessment_questions` (a question of a test
 * at its place, with foreign keys, so a question a test holds cannot be deleted and "is this question used" is an
 * indexed read of one organization) and `attempt_answers` (one row per saved answer, for item analysis). The
 * organization leads their keys. Existing lists and answers move over; the attempts still open get a partial index
 * for the sweeper that finishes those past their deadline.
 */
export class AssessmentQuestionsAndAttemptAnswers1764220000000 implements MigrationInterface {
  name = 'AssessmentQuestionsAndAttemptAnswers1764220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "assessment_questions" ("organization_id" uuid NOT NULL, "assessment_id" uuid NOT NULL, "question_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "UQ_assessment_questions_position" UNIQUE ("organization_id", "assessment_id", "position"), CONSTRAINT "PK_assessment_questions" PRIMARY KEY ("organization_id", "assessment_id", "question_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_assessment_questions_question" ON "assessment_questions" ("organization_id", "question_id")`);
    await queryRunner.query(
      `ALTER TABLE "assessment_questions" ADD CONSTRAINT "FK_assessment_questions_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_questions" ADD CONSTRAINT "FK_assessment_questions_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_questions" ADD CONSTRAINT "FK_assessment_questions_question" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    // Each test's list in its order; an id named twice keeps its first place, an id of no question is dropped (the app
    // already showed and scored such a test without it).
    await queryRunner.query(
      `INSERT INTO "assessment_questions" ("organization_id", "assessment_id", "question_id", "position")
       SELECT a."organization_id", a."id", q."id", min(e."ordinality") - 1
         FROM "assessments" a
         CROSS JOIN LATERAL jsonb_array_elements_text(a."question_ids") WITH ORDINALITY AS e("value", "ordinality")
         JOIN "questions" q ON q."id"::text = e."value"
        GROUP BY a."organization_id", a."id", q."id"`,
    );
    await queryRunner.query(`ALTER TABLE "assessments" DROP COLUMN "question_ids"`);

    await queryRunner.query(
      `CREATE TABLE "attempt_answers" ("organization_id" uuid NOT NULL, "attempt_id" uuid NOT NULL, "question_id" uuid NOT NULL, "option_ids" text array NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_attempt_answers" PRIMARY KEY ("organization_id", "attempt_id", "question_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "attempt_answers" ADD CONSTRAINT "FK_attempt_answers_attempt" FOREIGN KEY ("attempt_id") REFERENCES "attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // When each old answer was given is not known: when its attempt ended, or else began.
    await queryRunner.query(
      `INSERT INTO "attempt_answers" ("organization_id", "attempt_id", "question_id", "option_ids", "answered_at")
       SELECT t."organization_id", t."id", q."id", ARRAY(SELECT jsonb_array_elements_text(e."value")), coalesce(t."submitted_at", t."started_at")
         FROM "attempts" t
         CROSS JOIN LATERAL jsonb_each(t."answers") AS e("key", "value")
         JOIN "questions" q ON q."id"::text = e."key"
        WHERE jsonb_typeof(e."value") = 'array'`,
    );
    await queryRunner.query(`ALTER TABLE "attempts" DROP COLUMN "answers"`);
    await queryRunner.query(`CREATE INDEX "IDX_attempts_open" ON "attempts" ("assessment_id") WHERE submitted_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_attempts_open"`);
    await queryRunner.query(`ALTER TABLE "attempts" ADD "answers" jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await queryRunner.query(
      `UPDATE "attempts" t SET "answers" = x."answers"
         FROM (SELECT "attempt_id", jsonb_object_agg("question_id"::text, to_jsonb("option_ids")) AS "answers"
                 FROM "attempt_answers" GROUP BY "attempt_id") x
        WHERE x."attempt_id" = t."id"`,
    );
    await queryRunner.query(`DROP TABLE "attempt_answers"`);
    await queryRunner.query(`ALTER TABLE "assessments" ADD "question_ids" jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await queryRunner.query(
      `UPDATE "assessments" a SET "question_ids" = x."ids"
         FROM (SELECT "assessment_id", jsonb_agg("question_id"::text ORDER BY "position") AS "ids"
                 FROM "assessment_questions" GROUP BY "assessment_id") x
        WHERE x."assessment_id" = a."id"`,
    );
    await queryRunner.query(`ALTER TABLE "assessments" ALTER COLUMN "question_ids" DROP DEFAULT`);
    await queryRunner.query(`DROP TABLE "assessment_questions"`);
  }
}

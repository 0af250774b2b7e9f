import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A Likert item may name the follow-up outcome it measures (the plan's 1.2.1 "applies sufficiency economy", 1.3.1's
 * three youth outcomes), so a program-year's survey results can show each outcome against its target.
 */
export class QuestionFollowUpOutcome1764265000000 implements MigrationInterface {
  name = 'QuestionFollowUpOutcome1764265000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "questions" ADD "follow_up_outcome" text`);
    await queryRunner.query(
      `ALTER TABLE "questions" ADD CONSTRAINT "CHK_questions_follow_up_outcome" CHECK ("follow_up_outcome" IS NULL OR "type" = 'likert')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "questions" DROP CONSTRAINT "CHK_questions_follow_up_outcome"`);
    await queryRunner.query(`ALTER TABLE "questions" DROP COLUMN "follow_up_outcome"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Versions of a question: each new version points at the first one. */
export class QuestionVersions1764170000000 implements MigrationInterface {
  name = 'QuestionVersions1764170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "questions" ADD "lineage_id" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "questions" DROP COLUMN "lineage_id"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Speakers (name, affiliation) and notes of a session. */
export class SessionSpeakersAndNotes1764140000000 implements MigrationInterface {
  name = 'SessionSpeakersAndNotes1764140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "training_sessions" ADD "speakers" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "training_sessions" ADD "notes" text NOT NULL DEFAULT ''`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "training_sessions" DROP COLUMN "notes"`);
    await queryRunner.query(`ALTER TABLE "training_sessions" DROP COLUMN "speakers"`);
  }
}

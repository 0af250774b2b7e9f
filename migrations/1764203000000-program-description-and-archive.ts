import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Programs organizers make themselves: a description, and archiving instead of deleting. */
export class ProgramDescriptionAndArchive1764203000000 implements MigrationInterface {
  name = 'ProgramDescriptionAndArchive1764203000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programs" ADD "description" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "programs" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programs" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "programs" DROP COLUMN "description"`);
  }
}

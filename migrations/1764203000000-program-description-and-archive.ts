import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programs organizers make themselves: a description, archiving instead of deleting, and a session that
 * keeps its program from being deleted (it used to go with it).
 */
export class ProgramDescriptionAndArchive1764203000000 implements MigrationInterface {
  name = 'ProgramDescriptionAndArchive1764203000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programs" ADD "description" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "programs" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "training_sessions" DROP CONSTRAINT "FK_346e620a8ddccdbcd7a7ac4cfe2"`);
    await queryRunner.query(
      `ALTER TABLE "training_sessions" ADD CONSTRAINT "FK_346e620a8ddccdbcd7a7ac4cfe2" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "training_sessions" DROP CONSTRAINT "FK_346e620a8ddccdbcd7a7ac4cfe2"`);
    await queryRunner.query(
      `ALTER TABLE "training_sessions" ADD CONSTRAINT "FK_346e620a8ddccdbcd7a7ac4cfe2" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "programs" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "programs" DROP COLUMN "description"`);
  }
}

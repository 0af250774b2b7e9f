import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Owner unit per program and fiscal year (taken from the program for existing years), and session expenses. */
export class ProgramYearOwnerUnitAndSessionExpenses1764130000000 implements MigrationInterface {
  name = 'ProgramYearOwnerUnitAndSessionExpenses1764130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "program_years" ADD "owner_unit" text`);
    await queryRunner.query(
      `UPDATE "program_years" y SET "owner_unit" = p."owner_unit" FROM "programs" p WHERE p."id" = y."program_id"`,
    );
    await queryRunner.query(`ALTER TABLE "program_years" ALTER COLUMN "owner_unit" SET NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "session_expenses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "session_id" uuid NOT NULL, "item" text NOT NULL, "amount_baht" numeric(14,2) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1550be25b3a7a07671253d18107" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9ffaef742330c21ea683734b4a" ON "session_expenses" ("organization_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_846fd5d0bb8a65d2acbbb457f8" ON "session_expenses" ("session_id")`);
    await queryRunner.query(
      `ALTER TABLE "session_expenses" ADD CONSTRAINT "FK_846fd5d0bb8a65d2acbbb457f88" FOREIGN KEY ("session_id") REFERENCES "training_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session_expenses" DROP CONSTRAINT "FK_846fd5d0bb8a65d2acbbb457f88"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_846fd5d0bb8a65d2acbbb457f8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9ffaef742330c21ea683734b4a"`);
    await queryRunner.query(`DROP TABLE "session_expenses"`);
    await queryRunner.query(`ALTER TABLE "program_years" DROP COLUMN "owner_unit"`);
  }
}

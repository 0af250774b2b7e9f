import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed sign-ins of the last 15 minutes, to slow password guessing (hashes only). */
export class LoginFailures1764190000000 implements MigrationInterface {
  name = 'LoginFailures1764190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_failures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "attempt_key" text NOT NULL, "failed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_login_failures" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_login_failures_key_time" ON "login_failures" ("attempt_key", "failed_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_login_failures_key_time"`);
    await queryRunner.query(`DROP TABLE "login_failures"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Throttling by atomic counters (sign-ins, wrong join codes) instead of one row per failure, which parallel
 * requests could all read before any of them wrote. Failures of the last 15 minutes are not carried over.
 */
export class ThrottleBuckets1764190500000 implements MigrationInterface {
  name = 'ThrottleBuckets1764190500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_failures"`);
    await queryRunner.query(
      `CREATE TABLE "throttle_buckets" ("key" text NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, CONSTRAINT "CHK_throttle_buckets_hits" CHECK ("hits" >= 0), CONSTRAINT "PK_throttle_buckets" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_throttle_buckets_expires_at" ON "throttle_buckets" ("expires_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_throttle_buckets_expires_at"`);
    await queryRunner.query(`DROP TABLE "throttle_buckets"`);
    await queryRunner.query(
      `CREATE TABLE "login_failures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "attempt_key" text NOT NULL, "failed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_login_failures" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_login_failures_key_time" ON "login_failures" ("attempt_key", "failed_at")`);
  }
}

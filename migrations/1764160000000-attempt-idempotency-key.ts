import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The Idempotency-Key of the submit that finished an attempt, and a hash of its body. */
export class AttemptIdempotencyKey1764160000000 implements MigrationInterface {
  name = 'AttemptIdempotencyKey1764160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attempts" ADD "submit_idempotency_key" uuid`);
    await queryRunner.query(`ALTER TABLE "attempts" ADD "submit_request_hash" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attempts" DROP COLUMN "submit_request_hash"`);
    await queryRunner.query(`ALTER TABLE "attempts" DROP COLUMN "submit_idempotency_key"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keys that were unique across organizations leave the tenant tables, so each of them can later be spread by
 * organization (docs/MULTITENANCY.md): a session's join code is unique in its organization, and unique across the
 * deployment through the small global `join_codes` table it points at (code → organization), which a phone reads
 * first; a phone's device token is unique within its session, the only place it is ever looked up.
 */
export class GlobalJoinCodes1764240000000 implements MigrationInterface {
  name = 'GlobalJoinCodes1764240000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "join_codes" ("code" text NOT NULL, "organization_id" uuid NOT NULL, CONSTRAINT "UQ_join_codes_organization_code" UNIQUE ("organization_id", "code"), CONSTRAINT "PK_join_codes" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "join_codes" ADD CONSTRAINT "FK_join_codes_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`INSERT INTO "join_codes" ("code", "organization_id") SELECT "join_code", "organization_id" FROM "training_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2b364e93852fbc63139cf5489f"`);
    await queryRunner.query(
      `ALTER TABLE "training_sessions" ADD CONSTRAINT "UQ_training_sessions_join_code" UNIQUE ("organization_id", "join_code")`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_sessions" ADD CONSTRAINT "FK_training_sessions_join_code" FOREIGN KEY ("organization_id", "join_code") REFERENCES "join_codes"("organization_id", "code") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`DROP INDEX "public"."IDX_7b80b91753f3ee3f01e8df5eba"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_enrolments_device_token" ON "enrolments" ("organization_id", "session_id", "device_token_hash") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_enrolments_device_token"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7b80b91753f3ee3f01e8df5eba" ON "enrolments" ("device_token_hash") `);
    await queryRunner.query(`ALTER TABLE "training_sessions" DROP CONSTRAINT "FK_training_sessions_join_code"`);
    await queryRunner.query(`ALTER TABLE "training_sessions" DROP CONSTRAINT "UQ_training_sessions_join_code"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2b364e93852fbc63139cf5489f" ON "training_sessions" ("join_code") `);
    await queryRunner.query(`DROP TABLE "join_codes"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people registry (village, school, age band, phone, guardian consent, erasure, a name key for
 * duplicates), the waitlist order, and whether a session takes walk-ins.
 */
export class PeopleRegistryAndWaitlist1764150000000 implements MigrationInterface {
  name = 'PeopleRegistryAndWaitlist1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "training_sessions" ADD "allow_walk_ins" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "people" ADD "name_key" text`);
    // The same key as thaiNameKey() in libs/domain, frozen here in SQL for the rows that exist.
    await queryRunner.query(
      `UPDATE "people" SET "name_key" = regexp_replace(
         regexp_replace(
           replace(lower(btrim(normalize("full_name", NFC))), E'\\u0e4d\\u0e32', E'\\u0e33'),
           '^(นางสาว|เด็กชาย|เด็กหญิง|น\\.ส\\.|ด\\.ช\\.|ด\\.ญ\\.|นาย|นาง|mrs\\.|mr\\.|ms\\.|miss)', ''),
         '\\s', '', 'g')`,
    );
    await queryRunner.query(`ALTER TABLE "people" ALTER COLUMN "name_key" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "people" ADD "village" smallint`);
    await queryRunner.query(`ALTER TABLE "people" ADD "school" text`);
    await queryRunner.query(`ALTER TABLE "people" ADD "age_band" text`);
    await queryRunner.query(`ALTER TABLE "people" ADD "phone" text`);
    await queryRunner.query(`ALTER TABLE "people" ADD "guardian_name" text`);
    await queryRunner.query(`ALTER TABLE "people" ADD "guardian_consent_recorded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "people" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "enrolments" ADD "waitlisted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "IDX_3e3db8c3f68abc163e75cb1167" ON "people" ("organization_id", "name_key", "person_group", "village")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_3e3db8c3f68abc163e75cb1167"`);
    await queryRunner.query(`ALTER TABLE "enrolments" DROP COLUMN "waitlisted_at"`);
    for (const column of ['erased_at', 'guardian_consent_recorded_at', 'guardian_name', 'phone', 'age_band', 'school', 'village', 'name_key']) {
      await queryRunner.query(`ALTER TABLE "people" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`ALTER TABLE "training_sessions" DROP COLUMN "allow_walk_ins"`);
  }
}

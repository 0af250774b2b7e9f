import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The organization's profile (short name, province, address, the executive who signs) and its logo. */
export class OrganizationProfile1764190700000 implements MigrationInterface {
  name = 'OrganizationProfile1764190700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" ADD "short_name" text`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "name_en" text`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "province" text`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "address" text`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "signatory_name" text`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "signatory_position" text`);
    await queryRunner.query(
      `CREATE TABLE "organization_logos" ("organization_id" uuid NOT NULL, "media_type" text NOT NULL, "content" bytea NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_organization_logos_media_type" CHECK ("media_type" IN ('image/png', 'image/jpeg')), CONSTRAINT "PK_organization_logos" PRIMARY KEY ("organization_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_logos" ADD CONSTRAINT "FK_organization_logos_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "organization_logos"`);
    for (const column of ['signatory_position', 'signatory_name', 'address', 'province', 'name_en', 'short_name']) {
      await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "${column}"`);
    }
  }
}

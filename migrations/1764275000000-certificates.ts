import type { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'sujarit_app';
const CURRENT_ORGANIZATION = `nullif(current_setting('app.organization_id', true), '')::uuid`;

/**
 * Certificates (เกียรติบัตร): each program-year chooses who earns one ('attended' or 'attended_and_passed'); a
 * certificate per person and session, keyed by organization first, with its verification code unique across the
 * deployment through the small global `certificate_codes` (code → organization), which the public verification page
 * reads first through a SECURITY DEFINER lookup, like `join_codes`. Both tables are under row-level security like
 * every tenant table (migrations/1764250000000-row-level-security.ts).
 */
export class Certificates1764275000000 implements MigrationInterface {
  name = 'Certificates1764275000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The audit log learns the withdrawal of a certificate.
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "CHK_audit_events_action"`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD CONSTRAINT "CHK_audit_events_action" CHECK ("action" IN ('program.created', 'program.updated', 'program.archived', 'program.unarchived', 'program.deleted', 'program.template_applied', 'program_year.updated', 'question.created', 'question.updated', 'question.deleted', 'question.archived', 'questions.imported', 'assessment.created', 'assessment.settings_updated', 'assessment.deleted', 'assessment.opened', 'assessment.closed', 'enrolment.created', 'enrolment.status_changed', 'enrolment.moved_to_new_phone', 'enrolments.imported', 'person.erased', 'certificate.withdrawn', 'user.invited', 'user.role_changed', 'user.updated', 'user.deactivated', 'user.reactivated', 'user.password_reset_issued', 'user.password_changed', 'user.signed_out_everywhere', 'organization.created', 'organization.profile_updated'))`);
    await queryRunner.query(`ALTER TABLE "program_years" ADD "certificate_criterion" text NOT NULL DEFAULT 'attended'`);
    await queryRunner.query(
      `ALTER TABLE "program_years" ADD CONSTRAINT "CHK_program_years_certificate_criterion" CHECK ("certificate_criterion" IN ('attended', 'attended_and_passed'))`,
    );

    await queryRunner.query(
      `CREATE TABLE "certificate_codes" ("code" text NOT NULL, "organization_id" uuid NOT NULL, CONSTRAINT "UQ_certificate_codes_organization_code" UNIQUE ("organization_id", "code"), CONSTRAINT "PK_certificate_codes" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificate_codes" ADD CONSTRAINT "FK_certificate_codes_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "certificates" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "person_id" uuid NOT NULL, "code" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revocation_cause" text, "revocation_reason" text, CONSTRAINT "CHK_certificates_revocation_cause" CHECK ("revocation_cause" IN ('withdrawn', 'person_erased', 'enrolment_withdrawn')), CONSTRAINT "CHK_certificates_revoked" CHECK (("revoked_at" IS NULL) = ("revocation_cause" IS NULL)), CONSTRAINT "PK_certificates" PRIMARY KEY ("organization_id", "id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_certificates_session_person" ON "certificates" ("organization_id", "session_id", "person_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_certificates_code" ON "certificates" ("organization_id", "code") `);
    await queryRunner.query(`CREATE INDEX "IDX_certificates_person" ON "certificates" ("organization_id", "person_id") `);
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "FK_certificates_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "FK_certificates_session" FOREIGN KEY ("organization_id", "session_id") REFERENCES "training_sessions"("organization_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "FK_certificates_person" FOREIGN KEY ("organization_id", "person_id") REFERENCES "people"("organization_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "FK_certificates_code" FOREIGN KEY ("organization_id", "code") REFERENCES "certificate_codes"("organization_id", "code") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );

    for (const table of ['certificate_codes', 'certificates']) {
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO ${APP_ROLE}`);
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY tenant_isolation ON "${table}" TO ${APP_ROLE} USING (organization_id = ${CURRENT_ORGANIZATION}) WITH CHECK (organization_id = ${CURRENT_ORGANIZATION})`,
      );
      await queryRunner.query(`DO $$ BEGIN
          EXECUTE format('CREATE POLICY owner_all_rows ON "${table}" TO %I USING (true) WITH CHECK (true)', current_user);
        END $$`);
    }
    // A certificate stops verifying when its person is erased (at the erasure's time) or its enrolment is withdrawn,
    // whichever feature makes the change: the database revokes it in that change's own transaction.
    await queryRunner.query(`CREATE FUNCTION sujarit_revoke_certificates_of_erased_person() RETURNS trigger LANGUAGE plpgsql AS $body$
      BEGIN
        UPDATE "certificates" SET "revoked_at" = NEW."erased_at", "revocation_cause" = 'person_erased'
         WHERE "organization_id" = NEW."organization_id" AND "person_id" = NEW."id" AND "revoked_at" IS NULL;
        RETURN NULL;
      END $body$`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_people_revoke_certificates" AFTER UPDATE OF "erased_at" ON "people" FOR EACH ROW WHEN (OLD."erased_at" IS NULL AND NEW."erased_at" IS NOT NULL) EXECUTE FUNCTION sujarit_revoke_certificates_of_erased_person()`,
    );
    await queryRunner.query(`CREATE FUNCTION sujarit_revoke_certificates_of_withdrawn_enrolment() RETURNS trigger LANGUAGE plpgsql AS $body$
      BEGIN
        UPDATE "certificates" SET "revoked_at" = statement_timestamp(), "revocation_cause" = 'enrolment_withdrawn'
         WHERE "organization_id" = NEW."organization_id" AND "session_id" = NEW."session_id" AND "person_id" = NEW."person_id"
           AND "revoked_at" IS NULL;
        RETURN NULL;
      END $body$`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_enrolments_revoke_certificates" AFTER UPDATE OF "status" ON "enrolments" FOR EACH ROW WHEN (NEW."status" = 'withdrawn' AND OLD."status" <> 'withdrawn') EXECUTE FUNCTION sujarit_revoke_certificates_of_withdrawn_enrolment()`,
    );

    // The public verification knows only the code: this answers its one organization id, nothing else.
    await queryRunner.query(
      `CREATE FUNCTION sujarit_organization_of_certificate_code(code text) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $body$ SELECT organization_id FROM "certificate_codes" WHERE "code" = $1 $body$`,
    );
    await queryRunner.query(`REVOKE ALL ON FUNCTION sujarit_organization_of_certificate_code(text) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION sujarit_organization_of_certificate_code(text) TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION sujarit_organization_of_certificate_code(text)`);
    await queryRunner.query(`DROP TRIGGER "TRG_enrolments_revoke_certificates" ON "enrolments"`);
    await queryRunner.query(`DROP TRIGGER "TRG_people_revoke_certificates" ON "people"`);
    await queryRunner.query(`DROP FUNCTION sujarit_revoke_certificates_of_withdrawn_enrolment()`);
    await queryRunner.query(`DROP FUNCTION sujarit_revoke_certificates_of_erased_person()`);
    await queryRunner.query(`DROP TABLE "certificates"`);
    await queryRunner.query(`DROP TABLE "certificate_codes"`);
    await queryRunner.query(`ALTER TABLE "program_years" DROP CONSTRAINT "CHK_program_years_certificate_criterion"`);
    await queryRunner.query(`ALTER TABLE "program_years" DROP COLUMN "certificate_criterion"`);
    // Lines of withdrawn certificates stay (the log is append-only): the old rule holds for new lines only.
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "CHK_audit_events_action"`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD CONSTRAINT "CHK_audit_events_action" CHECK ("action" IN ('program.created', 'program.updated', 'program.archived', 'program.unarchived', 'program.deleted', 'program.template_applied', 'program_year.updated', 'question.created', 'question.updated', 'question.deleted', 'question.archived', 'questions.imported', 'assessment.created', 'assessment.settings_updated', 'assessment.deleted', 'assessment.opened', 'assessment.closed', 'enrolment.created', 'enrolment.status_changed', 'enrolment.moved_to_new_phone', 'enrolments.imported', 'person.erased', 'user.invited', 'user.role_changed', 'user.updated', 'user.deactivated', 'user.reactivated', 'user.password_reset_issued', 'user.password_changed', 'user.signed_out_everywhere', 'organization.created', 'organization.profile_updated')) NOT VALID`);
  }
}

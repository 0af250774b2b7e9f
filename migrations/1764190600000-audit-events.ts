import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: who changed what and when. Append-only: a trigger refuses every UPDATE, DELETE and TRUNCATE,
 * whoever asks, so a line once written stays as it was.
 */
export class AuditEvents1764190600000 implements MigrationInterface {
  name = 'AuditEvents1764190600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" BIGSERIAL NOT NULL, "organization_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "action" text NOT NULL, "actor_user_id" uuid, "actor_name" text NOT NULL, "subject_type" text NOT NULL, "subject_id" text, "subject_label" text, "changes" jsonb NOT NULL DEFAULT '{}', "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "CHK_audit_events_action" CHECK ("action" IN ('program.created', 'program.updated', 'program.archived', 'program.unarchived', 'program.deleted', 'program.template_applied', 'program_year.updated', 'question.created', 'question.updated', 'question.deleted', 'question.archived', 'questions.imported', 'assessment.created', 'assessment.settings_updated', 'assessment.deleted', 'assessment.opened', 'assessment.closed', 'enrolment.created', 'enrolment.status_changed', 'enrolment.moved_to_new_phone', 'enrolments.imported', 'person.erased', 'user.invited', 'user.role_changed', 'user.updated', 'user.deactivated', 'user.reactivated', 'user.password_reset_issued', 'user.password_changed', 'user.signed_out_everywhere', 'organization.created', 'organization.profile_updated')), CONSTRAINT "PK_audit_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_events_organization_id" ON "audit_events" ("organization_id", "id") `);
    await queryRunner.query(
      `ALTER TABLE "audit_events" ADD CONSTRAINT "FK_audit_events_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
  }
}

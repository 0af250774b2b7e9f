import { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = [
  'program.created', 'program.updated', 'program.archived', 'program.unarchived', 'program.deleted', 'program.template_applied',
  'program_year.updated', 'question.created', 'question.updated', 'question.deleted', 'question.archived', 'questions.imported',
  'assessment.created', 'assessment.settings_updated', 'assessment.deleted', 'assessment.opened', 'assessment.closed',
  'enrolment.created', 'enrolment.status_changed', 'enrolment.moved_to_new_phone', 'enrolments.imported', 'person.erased',
  'person.merged', 'certificate.withdrawn',
  'user.invited', 'user.role_changed', 'user.updated', 'user.deactivated', 'user.reactivated', 'user.password_reset_issued',
  'user.password_changed', 'user.signed_out_everywhere', 'organization.created', 'organization.profile_updated',
];
// Written out, not read from the contracts: a migration stays what it was when it ran.
const AFTER = [...BEFORE.slice(0, BEFORE.indexOf('person.erased')), 'person.updated', ...BEFORE.slice(BEFORE.indexOf('person.erased'))];

const check = (actions: string[]) => `"action" IN (${actions.map((a) => `'${a}'`).join(', ')})`;

/** The audit log records edits of a person's details (by registry id and field names only). */
export class PersonUpdatedAudit1764290000000 implements MigrationInterface {
  name = 'PersonUpdatedAudit1764290000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "CHK_audit_events_action"`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD CONSTRAINT "CHK_audit_events_action" CHECK (${check(AFTER)})`);
  }

  /** The log is append-only: edits already recorded stay, unchecked by the older list. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "CHK_audit_events_action"`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD CONSTRAINT "CHK_audit_events_action" CHECK (${check(BEFORE)}) NOT VALID`);
  }
}

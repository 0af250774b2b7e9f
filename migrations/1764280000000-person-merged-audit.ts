import { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = [
  'program.created', 'program.updated', 'program.archived', 'program.unarchived', 'program.deleted', 'program.template_applied',
  'program_year.updated', 'question.created', 'question.updated', 'question.deleted', 'question.archived', 'questions.imported',
  'assessment.created', 'assessment.settings_updated', 'assessment.deleted', 'assessment.opened', 'assessment.closed',
  'enrolment.created', 'enrolment.status_changed', 'enrolment.moved_to_new_phone', 'enrolments.imported', 'person.erased',
  'certificate.withdrawn',
  'user.invited', 'user.role_changed', 'user.updated', 'user.deactivated', 'user.reactivated', 'user.password_reset_issued',
  'user.password_changed', 'user.signed_out_everywhere', 'organization.created', 'organization.profile_updated',
];
// Written out, not read from the contracts: a migration stays what it was when it ran.
const AFTER = [...BEFORE.slice(0, BEFORE.indexOf('person.erased') + 1), 'person.merged', ...BEFORE.slice(BEFORE.indexOf('person.erased') + 1)];

const check = (actions: string[]) => `"action" IN (${actions.map((a) => `'${a}'`).join(', ')})`;

/** The audit log records merges of duplicate people. */
export class PersonMergedAudit1764280000000 implements MigrationInterface {
  name = 'PersonMergedAudit1764280000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "CHK_audit_events_action"`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD CONSTRAINT "CHK_audit_events_action" CHECK (${check(AFTER)})`);
  }

  /** The log is append-only: merges already recorded stay, unchecked by the older list. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "CHK_audit_events_action"`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD CONSTRAINT "CHK_audit_events_action" CHECK (${check(BEFORE)}) NOT VALID`);
  }
}

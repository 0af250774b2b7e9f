import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The database keeps each organization's rows to themselves and holds only the values the app knows:
 * - parents take a unique (organization_id, id) and children point at it with their own organization_id, so an
 *   enrolment can never sit in another organization's session, an attempt under another's test or enrolment, an
 *   answer under another's attempt, a test hold another's question, a version point at another's first version;
 * - the big tables (enrolments, attempts) are keyed (organization_id, id), and every unique key of a tenant table
 *   leads with the organization, as a table distributed by organization needs (docs/MULTITENANCY.md); plain
 *   indexes on id, session and test serve the reads that do not name the organization yet;
 * - every tenant table has a foreign key to its organization (attempt_answers through its attempt: see its entity);
 * - every status, kind, type, group and reason column is checked against the contracts' list.
 */
export class TenantKeysAndChecks1764240100000 implements MigrationInterface {
  name = 'TenantKeysAndChecks1764240100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    const organizationKey = (table: string) =>
      q(`ALTER TABLE "${table}" ADD CONSTRAINT "FK_${table}_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    const parentKey = (table: string, name: string, column: string, parent: string, onDelete: 'CASCADE' | 'NO ACTION') =>
      q(`ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("organization_id", "${column}") REFERENCES "${parent}"("organization_id", "id") ON DELETE ${onDelete} ON UPDATE NO ACTION`);

    // The single-column keys the composite ones replace.
    await q(`ALTER TABLE "attempt_answers" DROP CONSTRAINT "FK_attempt_answers_attempt"`);
    await q(`ALTER TABLE "attempts" DROP CONSTRAINT "FK_2005839c6806eb1f5b9e7e81868"`);
    await q(`ALTER TABLE "attempts" DROP CONSTRAINT "FK_e231261ac036b254e5f72323fea"`);
    await q(`ALTER TABLE "enrolments" DROP CONSTRAINT "FK_47e6f1c9dc1519e4335fad6ba5b"`);
    await q(`ALTER TABLE "enrolments" DROP CONSTRAINT "FK_a4fc25ab2aa3cbb959aa601a017"`);
    await q(`ALTER TABLE "assessment_questions" DROP CONSTRAINT "FK_assessment_questions_assessment"`);
    await q(`ALTER TABLE "assessment_questions" DROP CONSTRAINT "FK_assessment_questions_question"`);
    await q(`ALTER TABLE "assessments" DROP CONSTRAINT "FK_595c43c57364ca8b5b337d2db98"`);
    await q(`ALTER TABLE "session_expenses" DROP CONSTRAINT "FK_846fd5d0bb8a65d2acbbb457f88"`);
    await q(`ALTER TABLE "questions" DROP CONSTRAINT "FK_506a30361cda061c1edec57855b"`);
    await q(`ALTER TABLE "training_sessions" DROP CONSTRAINT "FK_346e620a8ddccdbcd7a7ac4cfe2"`);
    await q(`ALTER TABLE "program_years" DROP CONSTRAINT "FK_63bdcb645a8f2ecffd73a93dec2"`);

    // Parents: (organization_id, id) for their children to point at.
    for (const table of ['programs', 'training_sessions', 'people', 'questions', 'assessments']) {
      await q(`ALTER TABLE "${table}" ADD CONSTRAINT "UQ_${table}_organization_id_id" UNIQUE ("organization_id", "id")`);
    }

    // The big tables: keyed by organization first.
    await q(`ALTER TABLE "enrolments" DROP CONSTRAINT "PK_6e79971fbd26967c4da9ed52770"`);
    await q(`ALTER TABLE "enrolments" ADD CONSTRAINT "PK_enrolments" PRIMARY KEY ("organization_id", "id")`);
    await q(`DROP INDEX "public"."IDX_3e3caadaed753a166aea833c48"`);
    await q(`DROP INDEX "public"."UQ_enrolments_session_check_in_code"`);
    await q(`DROP INDEX "public"."IDX_4aea660a2e744284b4f5040b40"`);
    await q(`DROP INDEX "public"."IDX_a4fc25ab2aa3cbb959aa601a01"`);
    await q(`CREATE UNIQUE INDEX "UQ_enrolments_session_person" ON "enrolments" ("organization_id", "session_id", "person_id") `);
    await q(`CREATE UNIQUE INDEX "UQ_enrolments_session_check_in_code" ON "enrolments" ("organization_id", "session_id", "check_in_code") `);
    await q(`CREATE INDEX "IDX_enrolments_id" ON "enrolments" ("id") `);
    await q(`CREATE INDEX "IDX_enrolments_session" ON "enrolments" ("session_id") `);
    await q(`CREATE INDEX "IDX_enrolments_person" ON "enrolments" ("organization_id", "person_id") `);

    await q(`ALTER TABLE "attempts" DROP CONSTRAINT "PK_295ca261e361fd2fd217754dcac"`);
    await q(`ALTER TABLE "attempts" ADD CONSTRAINT "PK_attempts" PRIMARY KEY ("organization_id", "id")`);
    await q(`DROP INDEX "public"."UQ_attempts_assessment_enrolment_number"`);
    await q(`DROP INDEX "public"."IDX_1864f5afe9a1202c9938475084"`);
    await q(`DROP INDEX "public"."IDX_2005839c6806eb1f5b9e7e8186"`);
    await q(
      `CREATE UNIQUE INDEX "UQ_attempts_assessment_enrolment_number" ON "attempts" ("organization_id", "assessment_id", "enrolment_id", "attempt_number") `,
    );
    await q(`CREATE INDEX "IDX_attempts_id" ON "attempts" ("id") `);
    await q(`CREATE INDEX "IDX_attempts_assessment" ON "attempts" ("assessment_id") `);
    await q(`CREATE INDEX "IDX_attempts_enrolment" ON "attempts" ("organization_id", "enrolment_id") `);

    // The other unique keys lead with the organization.
    await q(`DROP INDEX "public"."IDX_17d89604f5ef334295030dd8da"`);
    await q(`DROP INDEX "public"."IDX_35a552b8f893bf48539b6e0b1c"`);
    await q(`CREATE UNIQUE INDEX "UQ_program_years_program_fiscal_year" ON "program_years" ("organization_id", "program_id", "fiscal_year") `);
    await q(`DROP INDEX "public"."UQ_assessments_session_test_kind"`);
    await q(
      `CREATE UNIQUE INDEX "UQ_assessments_session_test_kind" ON "assessments" ("organization_id", "session_id", "kind") WHERE kind <> 'survey'`,
    );

    // Children point at parents of their own organization.
    await parentKey('program_years', 'FK_program_years_program', 'program_id', 'programs', 'CASCADE');
    await parentKey('training_sessions', 'FK_training_sessions_program', 'program_id', 'programs', 'CASCADE');
    await parentKey('session_expenses', 'FK_session_expenses_session', 'session_id', 'training_sessions', 'CASCADE');
    await parentKey('questions', 'FK_questions_program', 'program_id', 'programs', 'CASCADE');
    await parentKey('assessments', 'FK_assessments_session', 'session_id', 'training_sessions', 'CASCADE');
    await parentKey('assessment_questions', 'FK_assessment_questions_assessment', 'assessment_id', 'assessments', 'CASCADE');
    await parentKey('assessment_questions', 'FK_assessment_questions_question', 'question_id', 'questions', 'NO ACTION');
    await parentKey('enrolments', 'FK_enrolments_session', 'session_id', 'training_sessions', 'CASCADE');
    await parentKey('enrolments', 'FK_enrolments_person', 'person_id', 'people', 'CASCADE');
    await parentKey('attempts', 'FK_attempts_assessment', 'assessment_id', 'assessments', 'CASCADE');
    await parentKey('attempts', 'FK_attempts_enrolment', 'enrolment_id', 'enrolments', 'CASCADE');
    await parentKey('attempt_answers', 'FK_attempt_answers_attempt', 'attempt_id', 'attempts', 'CASCADE');
    // A version whose first version is gone (a question deleted once its only use was removed) becomes a first version.
    await q(
      `UPDATE "questions" v SET "lineage_id" = NULL
        WHERE "lineage_id" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM "questions" f WHERE f."organization_id" = v."organization_id" AND f."id" = v."lineage_id")`,
    );
    await parentKey('questions', 'FK_questions_lineage', 'lineage_id', 'questions', 'NO ACTION');
    await q(`CREATE INDEX "IDX_questions_lineage" ON "questions" ("organization_id", "lineage_id") `);

    for (const table of ['program_years', 'training_sessions', 'session_expenses', 'people', 'questions', 'assessments', 'enrolments', 'attempts']) {
      await organizationKey(table);
    }

    await q(`ALTER TABLE "program_years" ADD CONSTRAINT "CHK_program_years_indicator_basis" CHECK ("indicator_basis" IN ('pass_rate', 'mean_post_score'))`);
    await q(
      `ALTER TABLE "training_sessions" ADD CONSTRAINT "CHK_training_sessions_status" CHECK ("status" IN ('draft', 'scheduled', 'open', 'completed', 'cancelled'))`,
    );
    await q(
      `ALTER TABLE "people" ADD CONSTRAINT "CHK_people_person_group" CHECK ("person_group" IN ('staff', 'executive', 'council_member', 'citizen', 'youth'))`,
    );
    await q(`ALTER TABLE "people" ADD CONSTRAINT "CHK_people_age_band" CHECK ("age_band" IN ('under_12', '12_14', '15_17', '18_19', '20_25'))`);
    await q(
      `ALTER TABLE "enrolments" ADD CONSTRAINT "CHK_enrolments_status" CHECK ("status" IN ('enrolled', 'waitlisted', 'attended', 'absent', 'withdrawn'))`,
    );
    await q(`ALTER TABLE "questions" ADD CONSTRAINT "CHK_questions_type" CHECK ("type" IN ('single_choice', 'multiple_choice', 'true_false', 'likert'))`);
    await q(`ALTER TABLE "assessments" ADD CONSTRAINT "CHK_assessments_kind" CHECK ("kind" IN ('pre_test', 'post_test', 'survey'))`);
    await q(`ALTER TABLE "assessments" ADD CONSTRAINT "CHK_assessments_status" CHECK ("status" IN ('draft', 'open', 'closed'))`);
    await q(
      `ALTER TABLE "assessments" ADD CONSTRAINT "CHK_assessments_results_visibility" CHECK ("results_visibility" IN ('on_submit', 'after_close', 'never'))`,
    );
    await q(`ALTER TABLE "assessments" ADD CONSTRAINT "CHK_assessments_review_visibility" CHECK ("review_visibility" IN ('after_close', 'never'))`);
    await q(`ALTER TABLE "attempts" ADD CONSTRAINT "CHK_attempts_finish_reason" CHECK ("finish_reason" IN ('submitted', 'deadline', 'closed'))`);
    await q(`ALTER TABLE "audit_events" ADD CONSTRAINT "CHK_audit_events_subject_type" CHECK ("subject_type" = split_part("action", '.', 1))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE "audit_events" DROP CONSTRAINT "CHK_audit_events_subject_type"`);
    for (const [table, check] of [
      ['attempts', 'finish_reason'],
      ['assessments', 'review_visibility'],
      ['assessments', 'results_visibility'],
      ['assessments', 'status'],
      ['assessments', 'kind'],
      ['questions', 'type'],
      ['enrolments', 'status'],
      ['people', 'age_band'],
      ['people', 'person_group'],
      ['training_sessions', 'status'],
      ['program_years', 'indicator_basis'],
    ]) {
      await q(`ALTER TABLE "${table}" DROP CONSTRAINT "CHK_${table}_${check}"`);
    }
    for (const table of ['program_years', 'training_sessions', 'session_expenses', 'people', 'questions', 'assessments', 'enrolments', 'attempts']) {
      await q(`ALTER TABLE "${table}" DROP CONSTRAINT "FK_${table}_organization"`);
    }
    await q(`DROP INDEX "public"."IDX_questions_lineage"`);
    for (const [table, name] of [
      ['questions', 'FK_questions_lineage'],
      ['attempt_answers', 'FK_attempt_answers_attempt'],
      ['attempts', 'FK_attempts_enrolment'],
      ['attempts', 'FK_attempts_assessment'],
      ['enrolments', 'FK_enrolments_person'],
      ['enrolments', 'FK_enrolments_session'],
      ['assessment_questions', 'FK_assessment_questions_question'],
      ['assessment_questions', 'FK_assessment_questions_assessment'],
      ['assessments', 'FK_assessments_session'],
      ['questions', 'FK_questions_program'],
      ['session_expenses', 'FK_session_expenses_session'],
      ['training_sessions', 'FK_training_sessions_program'],
      ['program_years', 'FK_program_years_program'],
    ]) {
      await q(`ALTER TABLE "${table}" DROP CONSTRAINT "${name}"`);
    }

    await q(`DROP INDEX "public"."UQ_assessments_session_test_kind"`);
    await q(`CREATE UNIQUE INDEX "UQ_assessments_session_test_kind" ON "assessments" ("session_id", "kind") WHERE kind <> 'survey'`);
    await q(`DROP INDEX "public"."UQ_program_years_program_fiscal_year"`);
    await q(`CREATE INDEX "IDX_35a552b8f893bf48539b6e0b1c" ON "program_years" ("organization_id") `);
    await q(`CREATE UNIQUE INDEX "IDX_17d89604f5ef334295030dd8da" ON "program_years" ("program_id", "fiscal_year") `);

    await q(`DROP INDEX "public"."IDX_attempts_enrolment"`);
    await q(`DROP INDEX "public"."IDX_attempts_assessment"`);
    await q(`DROP INDEX "public"."IDX_attempts_id"`);
    await q(`DROP INDEX "public"."UQ_attempts_assessment_enrolment_number"`);
    await q(`CREATE UNIQUE INDEX "UQ_attempts_assessment_enrolment_number" ON "attempts" ("assessment_id", "enrolment_id", "attempt_number") `);
    await q(`CREATE INDEX "IDX_2005839c6806eb1f5b9e7e8186" ON "attempts" ("enrolment_id") `);
    await q(`CREATE INDEX "IDX_1864f5afe9a1202c9938475084" ON "attempts" ("organization_id") `);
    await q(`ALTER TABLE "attempts" DROP CONSTRAINT "PK_attempts"`);
    await q(`ALTER TABLE "attempts" ADD CONSTRAINT "PK_295ca261e361fd2fd217754dcac" PRIMARY KEY ("id")`);

    await q(`DROP INDEX "public"."IDX_enrolments_person"`);
    await q(`DROP INDEX "public"."IDX_enrolments_session"`);
    await q(`DROP INDEX "public"."IDX_enrolments_id"`);
    await q(`DROP INDEX "public"."UQ_enrolments_session_check_in_code"`);
    await q(`DROP INDEX "public"."UQ_enrolments_session_person"`);
    await q(`CREATE INDEX "IDX_a4fc25ab2aa3cbb959aa601a01" ON "enrolments" ("person_id") `);
    await q(`CREATE INDEX "IDX_4aea660a2e744284b4f5040b40" ON "enrolments" ("organization_id") `);
    await q(`CREATE UNIQUE INDEX "UQ_enrolments_session_check_in_code" ON "enrolments" ("session_id", "check_in_code") `);
    await q(`CREATE UNIQUE INDEX "IDX_3e3caadaed753a166aea833c48" ON "enrolments" ("session_id", "person_id") `);
    await q(`ALTER TABLE "enrolments" DROP CONSTRAINT "PK_enrolments"`);
    await q(`ALTER TABLE "enrolments" ADD CONSTRAINT "PK_6e79971fbd26967c4da9ed52770" PRIMARY KEY ("id")`);

    for (const table of ['assessments', 'questions', 'people', 'training_sessions', 'programs']) {
      await q(`ALTER TABLE "${table}" DROP CONSTRAINT "UQ_${table}_organization_id_id"`);
    }

    await q(`ALTER TABLE "program_years" ADD CONSTRAINT "FK_63bdcb645a8f2ecffd73a93dec2" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q(`ALTER TABLE "training_sessions" ADD CONSTRAINT "FK_346e620a8ddccdbcd7a7ac4cfe2" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q(`ALTER TABLE "questions" ADD CONSTRAINT "FK_506a30361cda061c1edec57855b" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q(`ALTER TABLE "session_expenses" ADD CONSTRAINT "FK_846fd5d0bb8a65d2acbbb457f88" FOREIGN KEY ("session_id") REFERENCES "training_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q(`ALTER TABLE "assessments" ADD CONSTRAINT "FK_595c43c57364ca8b5b337d2db98" FOREIGN KEY ("session_id") REFERENCES "training_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q(`ALTER TABLE "assessment_questions" ADD CONSTRAINT "FK_assessment_questions_question" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q(`ALTER TABLE "assessment_questions" ADD CONSTRAINT "FK_assessment_questions_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q(`ALTER TABLE "enrolments" ADD CONSTRAINT "FK_a4fc25ab2aa3cbb959aa601a017" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q(`ALTER TABLE "enrolments" ADD CONSTRAINT "FK_47e6f1c9dc1519e4335fad6ba5b" FOREIGN KEY ("session_id") REFERENCES "training_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q(`ALTER TABLE "attempts" ADD CONSTRAINT "FK_e231261ac036b254e5f72323fea" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q(`ALTER TABLE "attempts" ADD CONSTRAINT "FK_2005839c6806eb1f5b9e7e81868" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q(`ALTER TABLE "attempt_answers" ADD CONSTRAINT "FK_attempt_answers_attempt" FOREIGN KEY ("attempt_id") REFERENCES "attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }
}

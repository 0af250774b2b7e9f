import { randomUUID } from 'node:crypto';
import { createSession, openTest, startTestApp, TestApp, TestOrganization, testIdOf } from '../support/test-app';

/**
 * What the database itself refuses, whatever the app's code: a join code held by two organizations, a device taken
 * twice in one session, a row pointing at another organization's row, a status the app does not know. The keys of
 * tenant tables lead with the organization (docs/MULTITENANCY.md).
 */
describe('keys that hold across organizations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("keeps a join code to one organization: another's session cannot take it, and a phone still joins by it", async () => {
    const orgA = await t.createOrganization();
    const orgB = await t.createOrganization();
    const organizerA = await orgA.login('organizer');
    const organizerB = await orgB.login('organizer');
    const sessionA = await createSession(organizerA);
    const sessionB = await createSession(organizerB);

    expect(await t.db.query(`SELECT organization_id FROM join_codes WHERE code = $1`, [sessionA.joinCode])).toEqual([{ organization_id: orgA.id }]);
    // B's session moved onto A's code, behind the app's back.
    await expect(
      t.db.query(`UPDATE training_sessions SET join_code = $1 WHERE id = $2`, [sessionA.joinCode, sessionB.id]),
    ).rejects.toThrow(/FK_training_sessions_join_code/);
    await expect(t.db.query(`INSERT INTO join_codes (code, organization_id) VALUES ($1, $2)`, [sessionA.joinCode, orgB.id])).rejects.toThrow(
      /PK_join_codes/,
    );

    const phone = t.http();
    const page = await phone.get(`/api/join/${sessionA.joinCode}`).expect(200);
    expect(page.body.joinCode).toBe(sessionA.joinCode);
  });

  it('keeps a deleted session’s code taken, so a printed QR code never leads into another session', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer);
    await organizer.delete(`/api/sessions/${session.id}`).expect(204);
    expect((await t.http().get(`/api/join/${session.joinCode}`).expect(404)).body.code).toBe('JOIN_CODE_NOT_FOUND');
    expect(await t.db.query(`SELECT organization_id FROM join_codes WHERE code = $1`, [session.joinCode])).toEqual([{ organization_id: org.id }]);
  });

  it('refuses one device token on two enrolments of a session', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer);
    const hash = randomUUID();
    const people: { id: string }[] = await t.db.query(
      `INSERT INTO people (organization_id, full_name, name_key, person_group)
       SELECT $1, 'คน ' || n, 'คน ' || n, 'staff' FROM generate_series(1, 2) AS n RETURNING id`,
      [org.id],
    );
    const enrol = (personId: string, code: string) =>
      t.db.query(
        `INSERT INTO enrolments (organization_id, session_id, person_id, status, device_token_hash, check_in_code) VALUES ($1, $2, $3, 'attended', $4, $5)`,
        [org.id, session.id, personId, hash, code],
      );
    await enrol(people[0].id, '1111');
    await expect(enrol(people[1].id, '2222')).rejects.toThrow(/UQ_enrolments_device_token/);
  });

  /** An organization with a session whose pre-test is open and one trainee who started it through the phone. */
  async function withAttempt(org: TestOrganization) {
    const organizer = await org.login('organizer');
    const session = await createSession(organizer);
    const testId = testIdOf(session, 'pre_test');
    await openTest(organizer, session, 'pre_test');
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName: `ผู้เรียน ${randomUUID().slice(0, 6)}`, group: 'staff' }).expect(200);
    const attempt = await phone.post(`/api/join/${session.joinCode}/assessments/${testId}/attempt`).send({ attemptNumber: 1 }).expect(200);
    const [row]: { id: string; enrolment_id: string; person_id: string; question_id: string }[] = await t.db.query(
      `SELECT t.id, t.enrolment_id, e.person_id, (SELECT question_id FROM assessment_questions WHERE assessment_id = t.assessment_id LIMIT 1) AS question_id
         FROM attempts t JOIN enrolments e ON e.id = t.enrolment_id WHERE t.id = $1`,
      [attempt.body.id],
    );
    return { session, testId, attemptId: row.id, enrolmentId: row.enrolment_id, personId: row.person_id, questionId: row.question_id };
  }

  it("refuses a row that points at another organization's row, even written behind the app's back", async () => {
    const orgA = await t.createOrganization();
    const orgB = await t.createOrganization();
    const a = await withAttempt(orgA);
    const b = await withAttempt(orgB);
    const refused: [string, unknown[], RegExp][] = [
      // B's enrolment in A's session, or of A's person.
      [`UPDATE enrolments SET session_id = $1 WHERE id = $2`, [a.session.id, b.enrolmentId], /FK_enrolments_session/],
      [`UPDATE enrolments SET person_id = $1 WHERE id = $2`, [a.personId, b.enrolmentId], /FK_enrolments_person/],
      // B's attempt at A's test, or by A's enrolment.
      [`UPDATE attempts SET assessment_id = $1 WHERE id = $2`, [a.testId, b.attemptId], /FK_attempts_assessment/],
      [`UPDATE attempts SET enrolment_id = $1 WHERE id = $2`, [a.enrolmentId, b.attemptId], /FK_attempts_enrolment/],
      // An answer of B's organization under A's attempt.
      [
        `INSERT INTO attempt_answers (organization_id, attempt_id, question_id, option_ids, answered_at) VALUES ($1, $2, $3, '{}', now())`,
        [orgB.id, a.attemptId, b.questionId],
        /FK_attempt_answers_attempt/,
      ],
      // B's test holding A's question; B's question a version of A's.
      [`UPDATE assessment_questions SET question_id = $1 WHERE assessment_id = $2 AND question_id = $3`, [a.questionId, b.testId, b.questionId], /FK_assessment_questions_question/],
      [`UPDATE questions SET lineage_id = $1 WHERE id = $2`, [a.questionId, b.questionId], /FK_questions_lineage/],
      // B's test or expense in A's session; a session or a year of B in A's program.
      [`UPDATE assessments SET session_id = $1 WHERE id = $2`, [a.session.id, b.testId], /FK_assessments_session/],
      [`INSERT INTO session_expenses (organization_id, session_id, item, amount_baht) VALUES ($1, $2, 'อาหาร', 100)`, [orgB.id, a.session.id], /FK_session_expenses_session/],
      [`UPDATE training_sessions SET program_id = $1 WHERE id = $2`, [a.session.programId, b.session.id], /FK_training_sessions_program/],
      [`UPDATE program_years SET program_id = $1 WHERE program_id = $2`, [a.session.programId, b.session.programId], /FK_program_years_program/],
      // A row of an organization that does not exist.
      [`UPDATE people SET organization_id = $1 WHERE id = $2`, [randomUUID(), b.personId], /FK_people_organization|FK_enrolments_person/],
    ];
    for (const [sql, params, constraint] of refused) {
      await expect(t.db.query(sql, params)).rejects.toThrow(constraint);
    }
    // The same writes within one organization are taken: the keys refuse the other organization, not the change.
    await t.db.query(`INSERT INTO session_expenses (organization_id, session_id, item, amount_baht) VALUES ($1, $2, 'อาหาร', 100)`, [orgA.id, a.session.id]);
  });

  it('refuses a status, kind, type, group or reason the app does not know', async () => {
    const org = await t.createOrganization();
    const a = await withAttempt(org);
    const refused: [string, unknown[], RegExp][] = [
      [`UPDATE training_sessions SET status = 'postponed' WHERE id = $1`, [a.session.id], /CHK_training_sessions_status/],
      [`UPDATE enrolments SET status = 'left' WHERE id = $1`, [a.enrolmentId], /CHK_enrolments_status/],
      [`UPDATE people SET person_group = 'visitor' WHERE id = $1`, [a.personId], /CHK_people_person_group/],
      [`UPDATE people SET age_band = '30_40' WHERE id = $1`, [a.personId], /CHK_people_age_band/],
      [`UPDATE questions SET type = 'essay' WHERE id = $1`, [a.questionId], /CHK_questions_type/],
      [`UPDATE assessments SET kind = 'quiz' WHERE id = $1`, [a.testId], /CHK_assessments_kind/],
      [`UPDATE assessments SET status = 'paused' WHERE id = $1`, [a.testId], /CHK_assessments_status/],
      [`UPDATE assessments SET results_visibility = 'always' WHERE id = $1`, [a.testId], /CHK_assessments_results_visibility/],
      [`UPDATE assessments SET review_visibility = 'on_submit' WHERE id = $1`, [a.testId], /CHK_assessments_review_visibility/],
      [`UPDATE attempts SET finish_reason = 'timeout' WHERE id = $1`, [a.attemptId], /CHK_attempts_finish_reason/],
      [`UPDATE program_years SET indicator_basis = 'median' WHERE program_id = $1`, [a.session.programId], /CHK_program_years_indicator_basis/],
      [
        `INSERT INTO audit_events (organization_id, occurred_at, action, actor_name, subject_type) VALUES ($1, now(), 'program.created', 'ระบบ', 'person')`,
        [org.id],
        /CHK_audit_events_subject_type/,
      ],
    ];
    for (const [sql, params, constraint] of refused) {
      await expect(t.db.query(sql, params)).rejects.toThrow(constraint);
    }
    await t.db.query(`UPDATE attempts SET finish_reason = 'closed' WHERE id = $1`, [a.attemptId]);
  });

  it('keys the big tables by organization first', async () => {
    const keys: { table: string; key: string }[] = await t.db.query(
      `SELECT c.conrelid::regclass::text AS table, pg_get_constraintdef(c.oid) AS key
         FROM pg_constraint c WHERE c.contype = 'p' AND c.conrelid::regclass::text IN ('enrolments', 'attempts', 'attempt_answers')
        ORDER BY 1`,
    );
    expect(keys).toEqual([
      { table: 'attempt_answers', key: 'PRIMARY KEY (organization_id, attempt_id, question_id)' },
      { table: 'attempts', key: 'PRIMARY KEY (organization_id, id)' },
      { table: 'enrolments', key: 'PRIMARY KEY (organization_id, id)' },
    ]);
    // No other unique key of a table with an organization leaves it out but the sign-in's, which are looked up
    // before any organization is known (users and their links stay global: docs/MULTITENANCY.md).
    const unique: { table: string; column: string }[] = await t.db.query(
      `SELECT t.relname AS table, a.attname AS column
         FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
        WHERE x.indisunique AND NOT x.indisprimary AND t.relnamespace = current_schema()::regnamespace
          AND EXISTS (SELECT 1 FROM pg_attribute o WHERE o.attrelid = t.oid AND o.attname = 'organization_id' AND NOT o.attisdropped)
          AND a.attname <> 'organization_id'
        ORDER BY 1, 2`,
    );
    expect(unique).toEqual([
      { table: 'account_tokens', column: 'token_hash' },
      { table: 'users', column: 'email' },
    ]);
  });
});

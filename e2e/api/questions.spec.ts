import { randomUUID } from 'node:crypto';
import { createSession, startTestApp, TestApp, TestOrganization } from '../support/test-app';

const question = {
  topic: 'พ.ร.บ.ข้อมูลข่าวสารของราชการ',
  type: 'single_choice',
  stem: 'ผู้ใดมีสิทธิขอตรวจดูข้อมูลข่าวสารตามมาตรา 9 ได้',
  options: ['เฉพาะผู้มีส่วนได้เสีย', 'บุคคลทั่วไป ไม่ว่าจะมีส่วนได้เสียหรือไม่', 'เฉพาะเจ้าหน้าที่ของรัฐ', 'เฉพาะสมาชิกสภา'],
  correctIndex: 1,
  explanation: 'มาตรา 9 ให้บุคคลทั่วไปตรวจดูได้ ไม่ว่าจะมีส่วนได้เสียหรือไม่',
};

describe('the question bank: versions, archive, validation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const programId = async (org: TestOrganization, code: string) =>
    (await t.db.query(`SELECT id FROM programs WHERE organization_id = $1 AND code = $2`, [org.id, code]))[0].id as string;

  it('changes an unused question in place, but versions a used one so old scores stay true', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const law = await programId(org, '1.1.1');
    const created = (await organizer.post(`/api/programs/${law}/questions`).send(question).expect(201)).body;
    expect(created).toMatchObject({ version: 1, lineageId: created.id, used: false, correctOptionIds: ['b'] });

    const fixed = (await organizer.put(`/api/questions/${created.id}`).send({ ...question, stem: `${question.stem} (แก้คำผิด)` }).expect(200)).body;
    expect([fixed.id, fixed.version]).toEqual([created.id, 1]);

    // A trainee answers it right in a session's pre-test.
    const session = await createSession(organizer, '1.1.1');
    await t.db.query(`UPDATE assessments SET question_ids = $2::jsonb WHERE session_id = $1 AND kind = 'pre_test'`, [session.id, JSON.stringify([created.id])]);
    await organizer.post(`/api/sessions/${session.id}/assessments/pre_test/open`).expect(200);
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'ผู้ตอบ ก่อนแก้', group: 'staff' }).expect(200);
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/pre_test/attempt`).expect(200)).body;
    const result = await phone
      .post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`)
      .set('Idempotency-Key', randomUUID())
      .send({ answers: { [created.id]: ['b'] } })
      .expect(200);
    expect(result.body.percent).toBe(100);

    // Now the key changes: a new version, the old one archived, the old score untouched.
    const changed = (await organizer.put(`/api/questions/${created.id}`).send({ ...question, correctIndex: 0 }).expect(200)).body;
    expect(changed).toMatchObject({ version: 2, lineageId: created.id, archived: false, correctOptionIds: ['a'] });
    expect(changed.id).not.toBe(created.id);
    const [old] = await t.db.query(`SELECT archived_at FROM questions WHERE id = $1`, [created.id]);
    expect(old.archived_at).not.toBeNull();
    const [score] = await t.db.query(`SELECT percent FROM attempts WHERE id = $1`, [attempt.id]);
    expect(Number(score.percent)).toBe(100);

    // The post-test nobody has taken follows the bank; the taken pre-test keeps its question.
    const tests: { kind: string; question_ids: string[] }[] = await t.db.query(`SELECT kind, question_ids FROM assessments WHERE session_id = $1`, [session.id]);
    expect(tests.find((a) => a.kind === 'pre_test')?.question_ids).toEqual([created.id]);
    expect(tests.find((a) => a.kind === 'post_test')?.question_ids).toContain(changed.id);
    expect(tests.find((a) => a.kind === 'post_test')?.question_ids).not.toContain(created.id);

    const list = (await organizer.get(`/api/programs/${law}/questions`).expect(200)).body.questions.map((q: { id: string }) => q.id);
    expect(list).toContain(changed.id);
    expect(list).not.toContain(created.id);
    const all = (await organizer.get(`/api/programs/${law}/questions?includeArchived=true`).expect(200)).body.questions;
    expect(all.find((q: { id: string }) => q.id === created.id)).toMatchObject({ archived: true, used: true });
  });

  it('deletes an unused question but only archives a used one', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const ethics = await programId(org, '1.1.2');
    const unused = (await organizer.post(`/api/programs/${ethics}/questions`).send({ ...question, type: 'true_false', options: ['ถูก', 'ผิด'], correctIndex: 0 }).expect(201)).body;
    expect((await organizer.delete(`/api/questions/${unused.id}`).expect(200)).body).toEqual({ outcome: 'deleted' });
    expect(await t.db.query(`SELECT id FROM questions WHERE id = $1`, [unused.id])).toEqual([]);

    const session = await createSession(organizer, '1.1.2');
    await organizer.post(`/api/sessions/${session.id}/assessments/pre_test/open`).expect(200);
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'ผู้ตอบ', group: 'staff' }).expect(200);
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/pre_test/attempt`).expect(200)).body;
    const used = attempt.questions[0].id;
    expect((await organizer.delete(`/api/questions/${used}`).expect(200)).body).toEqual({ outcome: 'archived' });
    expect((await t.db.query(`SELECT archived_at FROM questions WHERE id = $1`, [used]))[0].archived_at).not.toBeNull();
  });

  it('refuses a question without a right answer among its options, in Thai, and stays in the organization', async () => {
    const org = await t.createOrganization();
    const other = await t.createOrganization();
    const organizer = await org.login('organizer');
    const law = await programId(org, '1.1.1');
    const bad = await organizer.post(`/api/programs/${law}/questions`).send({ ...question, correctIndex: 7 }).expect(400);
    expect(bad.body.issues).toEqual([{ path: 'correctIndex', message: 'คำตอบที่ถูกต้องเป็นหนึ่งในตัวเลือก' }]);
    const tf = await organizer.post(`/api/programs/${law}/questions`).send({ ...question, type: 'true_false' }).expect(400);
    expect(tf.body.issues[0].path).toBe('options');
    const mine = (await organizer.post(`/api/programs/${law}/questions`).send(question).expect(201)).body;
    const foreign = await other.login('organizer');
    await foreign.put(`/api/questions/${mine.id}`).send(question).expect(404);
    await foreign.get(`/api/programs/${law}/questions`).expect(404);
    await (await org.login('manager')).get(`/api/programs/${law}/questions`).expect(403);
  });
});

import { LIKERT_OPTIONS } from '@sujarit/contracts';
import { randomUUID } from 'node:crypto';
import { createSession, openTest, startTestApp, TestApp, TestOrganization, testIdOf } from '../support/test-app';

/** Options in the request's shape: the one at `right` is worth 100 %, the others nothing. */
const choices = (texts: string[], right: number) => texts.map((text, i) => ({ text, weight: i === right ? 100 : 0 }));

const question = {
  topic: 'พ.ร.บ.ข้อมูลข่าวสารของราชการ',
  type: 'single_choice',
  stem: 'ผู้ใดมีสิทธิขอตรวจดูข้อมูลข่าวสารตามมาตรา 9 ได้',
  options: choices(['เฉพาะผู้มีส่วนได้เสีย', 'บุคคลทั่วไป ไม่ว่าจะมีส่วนได้เสียหรือไม่', 'เฉพาะเจ้าหน้าที่ของรัฐ', 'เฉพาะสมาชิกสภา'], 1),
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
    await t.db.query(`DELETE FROM assessment_questions WHERE assessment_id = (SELECT id FROM assessments WHERE session_id = $1 AND kind = 'pre_test')`, [session.id]);
    await t.db.query(
      `INSERT INTO assessment_questions (organization_id, assessment_id, question_id, position)
       SELECT organization_id, id, $2, 0 FROM assessments WHERE session_id = $1 AND kind = 'pre_test'`,
      [session.id, created.id],
    );
    await openTest(organizer, session, 'pre_test');
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'ผู้ตอบ ก่อนแก้', group: 'staff' }).expect(200);
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({}).expect(200)).body;
    const result = await phone
      .post(`/api/join/${session.joinCode}/attempts/${attempt.id}/submit`)
      .set('Idempotency-Key', randomUUID())
      .send({ answers: { [created.id]: ['b'] } })
      .expect(200);
    expect(result.body.percent).toBe(100);

    // Now the key changes: a new version, the old one archived, the old score untouched.
    const changed = (await organizer.put(`/api/questions/${created.id}`).send({ ...question, options: choices(question.options.map((o) => o.text), 0) }).expect(200)).body;
    expect(changed).toMatchObject({ version: 2, lineageId: created.id, archived: false, correctOptionIds: ['a'] });
    expect(changed.id).not.toBe(created.id);
    const [old] = await t.db.query(`SELECT archived_at FROM questions WHERE id = $1`, [created.id]);
    expect(old.archived_at).not.toBeNull();
    const [score] = await t.db.query(`SELECT percent FROM attempts WHERE id = $1`, [attempt.id]);
    expect(Number(score.percent)).toBe(100);

    // The post-test nobody has taken follows the bank; the taken pre-test keeps its question.
    const tests: { kind: string; question_ids: string[] }[] = await t.db.query(
      `SELECT a.kind, array_remove(array_agg(q.question_id::text ORDER BY q.position), NULL) AS question_ids
         FROM assessments a LEFT JOIN assessment_questions q ON q.assessment_id = a.id
        WHERE a.session_id = $1 GROUP BY a.id, a.kind`,
      [session.id],
    );
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
    const unused = (await organizer.post(`/api/programs/${ethics}/questions`).send({ ...question, type: 'true_false', options: choices(['ถูก', 'ผิด'], 0) }).expect(201)).body;
    expect((await organizer.delete(`/api/questions/${unused.id}`).expect(200)).body).toEqual({ outcome: 'deleted' });
    expect(await t.db.query(`SELECT id FROM questions WHERE id = $1`, [unused.id])).toEqual([]);

    const session = await createSession(organizer, '1.1.2');
    await openTest(organizer, session, 'pre_test');
    const phone = t.http();
    await phone.post(`/api/join/${session.joinCode}`).send({ fullName: 'ผู้ตอบ', group: 'staff' }).expect(200);
    const attempt = (await phone.post(`/api/join/${session.joinCode}/assessments/${testIdOf(session, 'pre_test')}/attempt`).send({}).expect(200)).body;
    const used = attempt.questions[0].id;
    expect((await organizer.delete(`/api/questions/${used}`).expect(200)).body).toEqual({ outcome: 'archived' });
    expect((await t.db.query(`SELECT archived_at FROM questions WHERE id = $1`, [used]))[0].archived_at).not.toBeNull();
  });

  it('refuses a question without a right answer among its options, in Thai, and stays in the organization', async () => {
    const org = await t.createOrganization();
    const other = await t.createOrganization();
    const organizer = await org.login('organizer');
    const law = await programId(org, '1.1.1');
    const bad = await organizer.post(`/api/programs/${law}/questions`).send({ ...question, options: choices(['ก', 'ข'], 7) }).expect(400);
    expect(bad.body.issues).toEqual([{ path: 'options', code: 'singleChoiceFullCredit', message: 'กรุณาเลือกคำตอบที่ถูก — ต้องมีตัวเลือกที่ได้คะแนนเต็ม 100%' }]);
    const tf = await organizer.post(`/api/programs/${law}/questions`).send({ ...question, type: 'true_false' }).expect(400);
    expect(tf.body.issues).toEqual([{ path: 'options', code: 'trueFalseTwoOptions', message: 'คำถามถูก/ผิดมีตัวเลือก 2 ข้อ' }]);
    const mine = (await organizer.post(`/api/programs/${law}/questions`).send(question).expect(201)).body;
    const foreign = await other.login('organizer');
    await foreign.put(`/api/questions/${mine.id}`).send(question).expect(404);
    await foreign.get(`/api/programs/${law}/questions`).expect(404);
    await (await org.login('manager')).get(`/api/programs/${law}/questions`).expect(403);
  });
  it('stores multiple choice with its weights and partial-credit single choice, keeping the key consistent', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const law = await programId(org, '1.1.1');
    const multiple = {
      topic: 'การจัดซื้อจัดจ้าง',
      type: 'multiple_choice',
      stem: 'ข้อใดเป็นวิธีจัดซื้อจัดจ้างตามมาตรา 55 (เลือกได้หลายข้อ)',
      // Thirds typed as 33.33 add up to 99.99 %: accepted, and stored scaled to exactly 100 %.
      options: [
        { text: 'วิธีประกาศเชิญชวนทั่วไป', weight: 33.33 },
        { text: 'วิธีคัดเลือก', weight: 33.33 },
        { text: 'วิธีเฉพาะเจาะจง', weight: 33.33 },
        { text: 'วิธีประมูลลับ', weight: -100 },
      ],
      explanation: 'มาตรา 55 มี 3 วิธี',
      points: 3,
    };
    const created = (await organizer.post(`/api/programs/${law}/questions`).send(multiple).expect(201)).body;
    expect(created).toMatchObject({ type: 'multiple_choice', points: 3, correctOptionIds: ['a', 'b', 'c'] });
    expect(created.options.map((o: { weight: number }) => o.weight)).toEqual([33.33333, 33.33333, 33.33333, -100]);
    const [stored] = await t.db.query(`SELECT options, correct_option_ids FROM questions WHERE id = $1`, [created.id]);
    expect(stored.options[3]).toEqual({ id: 'd', text: 'วิธีประมูลลับ', weight: -100 });

    const partial = (
      await organizer
        .post(`/api/programs/${law}/questions`)
        .send({ ...question, options: [{ text: 'ถูกที่สุด', weight: 100 }, { text: 'ถูกบางส่วน', weight: 50 }, { text: 'ผิด', weight: -25 }] })
        .expect(201)
    ).body;
    expect(partial).toMatchObject({ correctOptionIds: ['a'], points: 1 });
    const [partialStored] = await t.db.query(`SELECT options FROM questions WHERE id = $1`, [partial.id]);
    expect(partialStored.options.map((o: { weight?: number }) => o.weight)).toEqual([100, 50, -25]);

    // A plain single choice keeps no weights: correctOptionIds alone is its key, and the view shows 100 / 0.
    const plain = (await organizer.post(`/api/programs/${law}/questions`).send(question).expect(201)).body;
    const [plainStored] = await t.db.query(`SELECT options FROM questions WHERE id = $1`, [plain.id]);
    expect(plainStored.options.every((o: { weight?: number }) => o.weight === undefined)).toBe(true);
    expect(plain.options.map((o: { weight: number }) => o.weight)).toEqual([0, 100, 0, 0]);
  });

  it.each([
    ['no positive weight', [{ text: 'ก', weight: 0 }, { text: 'ข', weight: -50 }], 'กรุณาเลือกคำตอบที่ถูกอย่างน้อย 1 ข้อ (น้ำหนักคะแนนเป็นบวก)'],
    ['right weights adding up to 90 %', [{ text: 'ก', weight: 40 }, { text: 'ข', weight: 50 }, { text: 'ค', weight: -100 }], 'น้ำหนักคะแนนของคำตอบที่ถูก (ค่าบวก) รวมได้ 90% แต่ต้องรวมได้ 100%'],
    ['a weight below -100 %', [{ text: 'ก', weight: 100 }, { text: 'ข', weight: -150 }], 'น้ำหนักคะแนนต้องอยู่ระหว่าง -100% ถึง 100%'],
    ['one option', [{ text: 'ก', weight: 100 }], 'ต้องมีตัวเลือกอย่างน้อย 2 ข้อ'],
  ])('refuses a multiple choice with %s, in Thai', async (_name, options, message) => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const law = await programId(org, '1.1.1');
    const response = await organizer.post(`/api/programs/${law}/questions`).send({ ...question, type: 'multiple_choice', options }).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.issues.map((i: { message: string }) => i.message)).toContain(message);
  });

  it('refuses points outside 1–10, in Thai', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const law = await programId(org, '1.1.1');
    const response = await organizer.post(`/api/programs/${law}/questions`).send({ ...question, points: 11 }).expect(400);
    expect(response.body.issues).toEqual([
      { path: 'points', code: 'pointsRange', params: { maximum: 10, origin: 'number' }, message: 'คะแนนต้องเป็นจำนวนเต็ม 1–10' },
    ]);
  });

  it('makes a Likert item from the statement alone: the five levels, no key, no points', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const citizens = await programId(org, '1.2.1');
    const statement = { topic: 'ความพึงพอใจต่อการอบรม', type: 'likert', stem: 'วิทยากรถ่ายทอดได้ชัดเจน' };
    const created = (await organizer.post(`/api/programs/${citizens}/questions`).send(statement).expect(201)).body;
    expect(created).toMatchObject({ type: 'likert', options: LIKERT_OPTIONS, correctOptionIds: [], points: 0, explanation: '' });
    // The organizer writes no options for it.
    const withOptions = await organizer.post(`/api/programs/${citizens}/questions`).send({ ...statement, options: choices(['ใช่', 'ไม่'], 0) }).expect(400);
    expect(withOptions.body.issues[0].message).toContain('ไม่ต้องกรอกตัวเลือก');
  });
});

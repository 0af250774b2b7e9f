import { startTestApp, TestApp } from '../support/test-app';

/** A GIFT file as Moodle exports it, in Thai, with what the bank can and cannot hold yet. */
const GIFT = [
  '// exported from Moodle',
  '$CATEGORY: $course$/top/กฎหมายท้องถิ่น/พ.ร.บ.สภาตำบลและ อบต.',
  '',
  '::องค์กร อบต.::อบต. ประกอบด้วยองค์กรใด {',
  '  ~กำนันและผู้ใหญ่บ้าน#ไม่ใช่',
  '  =สภา อบต. และนายก อบต.#ถูกต้อง',
  '  ~นายอำเภอ',
  '  ####ตาม พ.ร.บ.สภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537',
  '}',
  '',
  'นายก อบต. มาจากการเลือกตั้งโดยตรง {T}',
  '',
  'ข้อใดเป็นวิธีจัดซื้อจัดจ้างตาม ม.55 \\{ข้อความในวงเล็บ\\} {~%50%วิธีคัดเลือก ~%50%วิธีเฉพาะเจาะจง ~%-100%วิธีประมูลลับ}',
  '',
  '::จับคู่::จับคู่มาตรา {=ม.7 -> ประกาศในราชกิจจานุเบกษา =ม.9 -> จัดให้ประชาชนตรวจดู}',
  '',
  'คำถามที่ลืมวงเล็บปิด {=ถูก ~ผิด',
].join('\r\n');

describe('importing a GIFT file into the question bank', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('previews what can be added and why the rest cannot, then adds only the good questions', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const [{ id: law }] = await t.db.query(`SELECT id FROM programs WHERE organization_id = $1 AND code = '1.1.1'`, [org.id]);
    const before = (await organizer.get(`/api/programs/${law}/questions`).expect(200)).body.questions.length;

    const preview = (
      await organizer.post(`/api/programs/${law}/questions/import/gift/preview`).attach('file', Buffer.from(`\ufeff${GIFT}`), 'moodle.gift').expect(200)
    ).body;
    expect(preview.questions).toEqual([
      {
        line: 4,
        topic: 'พ.ร.บ.สภาตำบลและ อบต.',
        type: 'single_choice',
        stem: 'อบต. ประกอบด้วยองค์กรใด',
        options: ['กำนันและผู้ใหญ่บ้าน', 'สภา อบต. และนายก อบต.', 'นายอำเภอ'],
        correctIndex: 1,
        explanation: 'ตาม พ.ร.บ.สภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537',
      },
      { line: 11, topic: 'พ.ร.บ.สภาตำบลและ อบต.', type: 'true_false', stem: 'นายก อบต. มาจากการเลือกตั้งโดยตรง', options: ['ถูก', 'ผิด'], correctIndex: 0, explanation: '' },
    ]);
    expect(preview.errors.map((e: { line: number }) => e.line)).toEqual([13, 15, 17]);
    for (const error of preview.errors) expect(error.reason).toMatch(/[ก-๙]/);
    // Nothing is added by a preview.
    expect((await organizer.get(`/api/programs/${law}/questions`).expect(200)).body.questions).toHaveLength(before);

    const rows = preview.questions.map(({ line: _line, ...q }: { line: number }) => q);
    expect((await organizer.post(`/api/programs/${law}/questions/import`).send({ questions: rows }).expect(200)).body).toEqual({ created: 2 });
    const after = (await organizer.get(`/api/programs/${law}/questions`).expect(200)).body.questions;
    expect(after).toHaveLength(before + 2);
    expect(after.at(-2)).toMatchObject({ topic: 'พ.ร.บ.สภาตำบลและ อบต.', correctOptionIds: ['b'], version: 1 });
    expect(after.at(-1)).toMatchObject({ type: 'true_false', correctOptionIds: ['true'] });
  });

  it('refuses a missing file and a file that is not UTF-8', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const [{ id }] = await t.db.query(`SELECT id FROM programs WHERE organization_id = $1 AND code = '1.2.1'`, [org.id]);
    expect((await organizer.post(`/api/programs/${id}/questions/import/gift/preview`).expect(400)).body.code).toBe('IMPORT_FILE_INVALID');
    const tis620 = Buffer.from([0xca, 0xc1, 0x20, 0x7b, 0x54, 0x7d]);
    expect((await organizer.post(`/api/programs/${id}/questions/import/gift/preview`).attach('file', tis620, 'old.gift').expect(400)).body.message).toContain('UTF-8');
  });
});

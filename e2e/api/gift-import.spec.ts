import { startTestApp, TestApp } from '../support/test-app';

/** A GIFT file as Moodle exports it, in Thai, with what the bank can and cannot hold. */
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
    expect(preview.format).toBe('gift');
    expect(preview.questions).toEqual([
      {
        position: 4,
        topic: 'พ.ร.บ.สภาตำบลและ อบต.',
        type: 'single_choice',
        stem: 'อบต. ประกอบด้วยองค์กรใด',
        options: [
          { text: 'กำนันและผู้ใหญ่บ้าน', weight: 0 },
          { text: 'สภา อบต. และนายก อบต.', weight: 100 },
          { text: 'นายอำเภอ', weight: 0 },
        ],
        explanation: 'ตาม พ.ร.บ.สภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537',
      },
      {
        position: 11,
        topic: 'พ.ร.บ.สภาตำบลและ อบต.',
        type: 'true_false',
        stem: 'นายก อบต. มาจากการเลือกตั้งโดยตรง',
        options: [
          { text: 'ถูก', weight: 100 },
          { text: 'ผิด', weight: 0 },
        ],
        explanation: '',
      },
      {
        position: 13,
        topic: 'พ.ร.บ.สภาตำบลและ อบต.',
        type: 'multiple_choice',
        stem: 'ข้อใดเป็นวิธีจัดซื้อจัดจ้างตาม ม.55 {ข้อความในวงเล็บ}',
        options: [
          { text: 'วิธีคัดเลือก', weight: 50 },
          { text: 'วิธีเฉพาะเจาะจง', weight: 50 },
          { text: 'วิธีประมูลลับ', weight: -100 },
        ],
        explanation: '',
      },
    ]);
    expect(preview.errors.map((e: { position: number }) => e.position)).toEqual([15, 17]);
    for (const error of preview.errors) expect(error.reason).toMatch(/[ก-๙]/);
    // Nothing is added by a preview.
    expect((await organizer.get(`/api/programs/${law}/questions`).expect(200)).body.questions).toHaveLength(before);

    const rows = preview.questions.map(({ position: _position, ...q }: { position: number }) => q);
    expect((await organizer.post(`/api/programs/${law}/questions/import`).send({ questions: rows }).expect(200)).body).toEqual({ created: 3 });
    const after = (await organizer.get(`/api/programs/${law}/questions`).expect(200)).body.questions;
    expect(after).toHaveLength(before + 3);
    expect(after.at(-3)).toMatchObject({ topic: 'พ.ร.บ.สภาตำบลและ อบต.', correctOptionIds: ['b'], version: 1 });
    expect(after.at(-2)).toMatchObject({ type: 'true_false', correctOptionIds: ['true'] });
    expect(after.at(-1)).toMatchObject({ type: 'multiple_choice', correctOptionIds: ['a', 'b'] });
    expect(after.at(-1).options.map((o: { weight: number }) => o.weight)).toEqual([50, 50, -100]);
  });

  it('refuses a missing file and a file that is not UTF-8', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const [{ id }] = await t.db.query(`SELECT id FROM programs WHERE organization_id = $1 AND code = '1.2.1'`, [org.id]);
    expect((await organizer.post(`/api/programs/${id}/questions/import/gift/preview`).expect(400)).body.code).toBe('IMPORT_FILE_INVALID');
    const tis620 = Buffer.from([0xca, 0xc1, 0x20, 0x7b, 0x54, 0x7d]);
    expect((await organizer.post(`/api/programs/${id}/questions/import/gift/preview`).attach('file', tis620, 'old.gift').expect(400)).body.message).toContain('UTF-8');
  });

  it("previews only for a program of the caller's own organization", async () => {
    const org = await t.createOrganization();
    const other = await t.createOrganization();
    const [{ id }] = await t.db.query(`SELECT id FROM programs WHERE organization_id = $1 AND code = '1.1.1'`, [org.id]);
    const foreign = await other.login('organizer');
    for (const format of ['gift', 'xml', 'csv']) {
      const response = await foreign.post(`/api/programs/${id}/questions/import/${format}/preview`).attach('file', Buffer.from(GIFT), 'bank.txt').expect(404);
      expect(response.body.code).toBe('PROGRAM_NOT_FOUND');
    }
  });
});

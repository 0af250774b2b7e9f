import { PROGRAM_FIELD_LIMITS } from '@sujarit/contracts';
import { fiscalYearOf } from '@sujarit/domain';
import { startTestApp, TestApp } from '../support/test-app';

const THAI = /[\u0E00-\u0E7F]/;
const THIS_YEAR = fiscalYearOf(new Date());

const newProgram = (overrides: Record<string, unknown> = {}) => ({
  code: '9.9.1',
  name: 'โครงการทดสอบรหัสข้อผิดพลาด',
  audience: 'เจ้าหน้าที่',
  ownerUnit: 'สำนักปลัด',
  year: { fiscalYear: THIS_YEAR, targetHeadcount: 40, sessionsRequired: 1, budgetBaht: 1000 },
  ...overrides,
});

/**
 * Errors answer with a stable code and the values their words need, so the web words them in its reader's language;
 * `message` stays Thai for programs and older clients.
 */
describe('error codes and params', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('a text over its limit is a too_big issue with its maximum, a missing one the schema’s own key; the message stays Thai', async () => {
    const org = await t.createOrganization(undefined, { template: null });
    const organizer = await org.login('organizer');
    const tooLong = await organizer
      .post('/api/programs')
      .send(newProgram({ name: 'ก'.repeat(PROGRAM_FIELD_LIMITS.name + 1) }))
      .expect(400);
    expect(tooLong.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'name', code: 'too_big', params: { maximum: PROGRAM_FIELD_LIMITS.name, origin: 'string' } }],
    });
    expect(tooLong.body.message).toMatch(THAI);
    expect(tooLong.body.issues[0].message).toMatch(THAI);

    const empty = await organizer.post('/api/programs').send(newProgram({ audience: '   ' })).expect(400);
    expect(empty.body.issues).toEqual([{ path: 'audience', code: 'audienceRequired', params: { minimum: 1, origin: 'string' }, message: 'กรุณากรอกกลุ่มเป้าหมาย' }]);
    expect(empty.body.message).toBe('ข้อมูลไม่ถูกต้อง: audience: กรุณากรอกกลุ่มเป้าหมาย');
  });

  it('a wrong type names what was expected, an unknown field names the keys, a custom rule carries its values', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const wrongType = await organizer
      .post('/api/programs')
      .send(newProgram({ year: { fiscalYear: THIS_YEAR, targetHeadcount: 'forty', sessionsRequired: 1, budgetBaht: 1000 } }))
      .expect(400);
    expect(wrongType.body.issues).toEqual([expect.objectContaining({ path: 'year.targetHeadcount', code: 'invalid_type', params: { expected: 'number' } })]);

    const unknown = await organizer.post('/api/programs').send(newProgram({ colour: 'red', size: 3 })).expect(400);
    expect(unknown.body.issues).toEqual([
      { path: '', code: 'unrecognized_keys', params: { keys: 'colour, size' }, message: 'ไม่รู้จักช่องข้อมูล: colour, size' },
    ]);

    const [{ id: programId }] = await t.db.query(`SELECT id FROM programs WHERE organization_id = $1 AND code = '1.1.1'`, [org.id]);
    const halfCredit = await organizer
      .post(`/api/programs/${programId}/questions`)
      .send({
        topic: 'ทดสอบ',
        type: 'multiple_choice',
        stem: 'ข้อใดถูก',
        options: [
          { text: 'ก', weight: 25 },
          { text: 'ข', weight: 25 },
          { text: 'ค', weight: 0 },
        ],
      })
      .expect(400);
    expect(halfCredit.body.issues).toEqual([
      {
        path: 'options',
        code: 'multipleChoiceWeightsSum',
        params: { sum: '50' },
        message: 'น้ำหนักคะแนนของคำตอบที่ถูก (ค่าบวก) รวมได้ 50% แต่ต้องรวมได้ 100%',
      },
    ]);
  });

  it('a domain error keeps its Thai message and adds the values in it as params', async () => {
    const org = await t.createOrganization(undefined, { template: null });
    const organizer = await org.login('organizer');
    await organizer.post('/api/programs').send(newProgram()).expect(201);
    const taken = await organizer.post('/api/programs').send(newProgram({ name: 'อีกโครงการหนึ่ง' })).expect(409);
    expect(taken.body).toEqual({
      code: 'PROGRAM_CODE_TAKEN',
      message: expect.stringContaining('รหัสโครงการ 9.9.1 ถูกใช้แล้ว'),
      params: { code: '9.9.1', program: 'โครงการทดสอบรหัสข้อผิดพลาด' },
    });

    // An error whose words hold no values answers as before: code and Thai message only.
    const wrongPassword = await t.http().post('/api/auth/login').send({ email: org.email('organizer'), password: 'not-the-password' }).expect(401);
    expect(wrongPassword.body).toEqual({ code: 'INVALID_CREDENTIALS', message: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง' });

    const noSession = await t.http().get('/api/join/ZZZZZZ').expect(404);
    expect(noSession.body.code).toBe('JOIN_CODE_NOT_FOUND');
    expect(noSession.body.message).toMatch(THAI);
  });
});

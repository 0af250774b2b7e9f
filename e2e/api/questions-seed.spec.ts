import { QuestionInputSchema, SATISFACTION_SURVEY_TOPIC } from '@sujarit/contracts';
import { defaultQuestionBank } from '@sujarit/api/programs/templates/plan-2566-2570/question-bank';
import { startTestApp, TestApp } from '../support/test-app';

const CODES = ['1.1.1', '1.1.2', '1.2.1', '1.3.1'];

describe('the default question banks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each(CODES)('%s: every item passes the contract, 15+ scored questions, then the satisfaction survey', (code) => {
    const bank = defaultQuestionBank(code);
    for (const q of bank) expect(QuestionInputSchema.safeParse(q).error?.issues ?? []).toEqual([]);
    const firstLikert = bank.findIndex((q) => q.type === 'likert');
    expect(firstLikert).toBeGreaterThanOrEqual(15);
    expect(bank.slice(firstLikert).every((q) => q.type === 'likert')).toBe(true);
    expect(bank.filter((q) => q.topic === SATISFACTION_SURVEY_TOPIC).length).toBeGreaterThanOrEqual(8);
    expect(bank.some((q) => q.type === 'multiple_choice')).toBe(true);
  });

  it('has the follow-up surveys the plan names for 1.2.1 and 1.3.1', () => {
    const followUp = (code: string) => defaultQuestionBank(code).filter((q) => q.topic.startsWith('ติดตามผล:'));
    expect(new Set(followUp('1.2.1').map((q) => q.topic))).toEqual(new Set(['ติดตามผล: การนำหลักปรัชญาของเศรษฐกิจพอเพียงไปใช้']));
    expect(followUp('1.2.1').length).toBeGreaterThanOrEqual(6);
    expect(new Set(followUp('1.3.1').map((q) => q.topic))).toEqual(new Set(['ติดตามผล: ผลลัพธ์ด้านเด็กและเยาวชน']));
    expect(followUp('1.3.1').length).toBeGreaterThanOrEqual(6);
    expect(followUp('1.1.1')).toEqual([]);
  });

  it('is seeded in bank order with Likert items last, stored with their five levels and no key', async () => {
    const org = await t.createOrganization();
    const rows: { code: string; type: string; position: number; options: { id: string }[]; correct_option_ids: string[]; points: number }[] =
      await t.db.query(
        `SELECT p.code, q.type, q.position, q.options, q.correct_option_ids, q.points
           FROM questions q JOIN programs p ON p.id = q.program_id WHERE q.organization_id = $1 ORDER BY p.code, q.position`,
        [org.id],
      );
    for (const code of CODES) {
      const types = rows.filter((r) => r.code === code).map((r) => r.type);
      expect(types.lastIndexOf('single_choice')).toBeLessThan(types.indexOf('likert'));
      expect(types.lastIndexOf('multiple_choice')).toBeLessThan(types.indexOf('likert'));
    }
    const likert = rows.filter((r) => r.type === 'likert');
    expect(likert.every((r) => r.options.map((o) => o.id).join() === '5,4,3,2,1' && r.correct_option_ids.length === 0 && r.points === 0)).toBe(true);
  });
});

import { CreateProgramRequestSchema, QuestionInputSchema } from '@sujarit/contracts';
import { fiscalYearOf } from '@sujarit/domain';
import { PROGRAM_TEMPLATES } from '@sujarit/api/programs/templates/program-templates';
import { PLAN_TEMPLATE, PLAN_TEMPLATE_ID } from '@sujarit/api/programs/templates/plan-2566-2570/plan-2566-2570.template';
import type TestAgent from 'supertest/lib/agent';
import { sessionRequest, startTestApp, TestApp, TestOrganization } from '../support/test-app';

const THIS_YEAR = fiscalYearOf(new Date());

const newProgram = (overrides: Record<string, unknown> = {}) => ({
  code: '2.1.1',
  name: 'โครงการอบรมการจัดซื้อจัดจ้างอย่างโปร่งใส',
  audience: 'เจ้าหน้าที่พัสดุและคณะกรรมการตรวจรับ',
  ownerUnit: 'กองคลัง',
  description: 'ทบทวน พ.ร.บ.การจัดซื้อจัดจ้างฯ พ.ศ. 2560 และการเปิดเผยข้อมูลการจัดซื้อจัดจ้าง',
  year: { fiscalYear: THIS_YEAR, targetHeadcount: 40, sessionsRequired: 2, budgetBaht: 35000 },
  ...overrides,
});

async function listed(agent: TestAgent, query = ''): Promise<{ code: string; id: string; archivedAt: string | null }[]> {
  return (await agent.get(`/api/programs${query}`).expect(200)).body.programs;
}

describe('programs an organization keeps itself', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function emptyOrganization(): Promise<TestOrganization> {
    return t.createOrganization(undefined, { template: null });
  }

  const countPrograms = async (org: TestOrganization) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM programs WHERE organization_id = $1`, [org.id]))[0].n as number;

  it('an organizer creates a program with this year’s target; the pass mark and target pass rate default to 60 % and 80 %', async () => {
    const org = await emptyOrganization();
    const organizer = await org.login('organizer');
    const created = await organizer.post('/api/programs').send(newProgram()).expect(201);
    expect(created.body).toMatchObject({
      code: '2.1.1',
      name: 'โครงการอบรมการจัดซื้อจัดจ้างอย่างโปร่งใส',
      audience: 'เจ้าหน้าที่พัสดุและคณะกรรมการตรวจรับ',
      ownerUnit: 'กองคลัง',
      description: 'ทบทวน พ.ร.บ.การจัดซื้อจัดจ้างฯ พ.ศ. 2560 และการเปิดเผยข้อมูลการจัดซื้อจัดจ้าง',
      archivedAt: null,
      sessionCount: 0,
      questionCount: 0,
    });

    const [program] = (await organizer.get(`/api/programs?fiscalYear=${THIS_YEAR}`).expect(200)).body.programs;
    expect(program).toMatchObject({
      id: created.body.id,
      ownerUnit: 'กองคลัง',
      year: {
        fiscalYear: THIS_YEAR,
        targetHeadcount: 40,
        sessionsRequired: 2,
        budgetBaht: 35000,
        passMarkPercent: 60,
        targetPassRatePercent: 80,
        indicatorBasis: 'pass_rate',
      },
    });
    // The year is the plan's and the indicators' like any other.
    const plan = (await organizer.get(`/api/plan?from=${THIS_YEAR}&to=${THIS_YEAR}`).expect(200)).body;
    expect(plan.programs.map((p: { code: string }) => p.code)).toEqual(['2.1.1']);
    expect(plan.programs[0].years[0]).toMatchObject({ configured: true, targetHeadcount: 40, budgetBaht: 35000 });

    // An admin creates too; without a year the program simply has no target yet. Text is trimmed.
    const admin = await org.login('admin');
    const bare = await admin
      .post('/api/programs')
      .send({ code: ' ก.2/1 ', name: '  อบรมคุณธรรมผู้บริหาร ', audience: 'ผู้บริหาร', ownerUnit: 'สำนักปลัด' })
      .expect(201);
    expect(bare.body).toMatchObject({ code: 'ก.2/1', name: 'อบรมคุณธรรมผู้บริหาร', description: '' });
    const withBare = await listed(organizer, `?fiscalYear=${THIS_YEAR}`);
    expect(withBare.find((p) => p.code === 'ก.2/1')).toMatchObject({ year: null });
    // A session can be scheduled in it at once.
    await organizer.post('/api/sessions').send(sessionRequest(created.body.id)).expect(201);
  });

  it('refuses bad details in Thai with the field named, and creates nothing', async () => {
    const org = await emptyOrganization();
    const organizer = await org.login('organizer');
    const cases: [Record<string, unknown>, string, string, RegExp][] = [
      [{ code: '' }, 'code', 'programCodeRequired', /กรุณากรอกรหัสโครงการ/],
      [{ code: '1 1 1' }, 'code', 'programCodeFormat', /ไม่เว้นวรรค/],
      [{ code: 'x'.repeat(21) }, 'code', 'too_big', /ไม่เกิน 20 ตัวอักษร/],
      [{ name: '   ' }, 'name', 'programNameRequired', /กรุณากรอกชื่อโครงการ/],
      [{ name: 'ก'.repeat(301) }, 'name', 'too_big', /ไม่เกิน 300 ตัวอักษร/],
      [{ audience: undefined }, 'audience', 'audienceRequired', /กรุณากรอกกลุ่มเป้าหมาย/],
      [{ ownerUnit: 'ก'.repeat(201) }, 'ownerUnit', 'too_big', /ไม่เกิน 200 ตัวอักษร/],
      [{ description: 'ก'.repeat(2001) }, 'description', 'too_big', /ไม่เกิน 2000 ตัวอักษร/],
      [{ audience: 'ผู้บริหาร\nและสภา' }, 'audience', 'oneLineCharacters', /อักขระที่ใช้ไม่ได้/],
      [{ year: { fiscalYear: THIS_YEAR, targetHeadcount: -1, sessionsRequired: 1, budgetBaht: 0 } }, 'year.targetHeadcount', 'too_small', /ต้องไม่น้อยกว่า 0/],
      [{ year: { fiscalYear: THIS_YEAR, targetHeadcount: 10, sessionsRequired: 1, budgetBaht: 0, passMarkPercent: 120 } }, 'year.passMarkPercent', 'too_big', /ต้องไม่เกิน 100/],
      [{ year: { fiscalYear: 2024, targetHeadcount: 10, sessionsRequired: 1, budgetBaht: 0 } }, 'year.fiscalYear', 'fiscalYearBuddhistEra', /พ\.ศ\./],
    ];
    for (const [bad, path, code, message] of cases) {
      const response = await organizer.post('/api/programs').send(newProgram(bad)).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.issues[0]).toEqual(expect.objectContaining({ path, code, message: expect.stringMatching(message) }));
    }
    // A NUL or a broken surrogate is refused before any route reads the body, in every field of every request.
    for (const [bad, path] of [
      [{ name: 'อบรม\u0000คุณธรรม' }, 'name'],
      [{ description: 'วัตถุประสงค์ \ud800' }, 'description'],
    ] as const) {
      const response = await organizer.post('/api/programs').send(newProgram(bad)).expect(400);
      expect(response.body).toMatchObject({ code: 'INVALID_CHARACTERS', issues: [{ path }] });
    }
    const smuggled = await organizer.post('/api/programs').send({ ...newProgram(), organizationId: org.id }).expect(400);
    expect(smuggled.body.message).toContain('organizationId');
    expect(await countPrograms(org)).toBe(0);
  });

  it('keeps codes unique in the organization, archived programs included (PROGRAM_CODE_TAKEN)', async () => {
    const org = await emptyOrganization();
    const organizer = await org.login('organizer');
    const first = (await organizer.post('/api/programs').send(newProgram()).expect(201)).body;
    const again = await organizer.post('/api/programs').send(newProgram({ name: 'ชื่ออื่น' })).expect(409);
    expect(again.body).toMatchObject({ code: 'PROGRAM_CODE_TAKEN' });
    expect(again.body.message).toContain('2.1.1');
    expect(again.body.message).toContain('โครงการอบรมการจัดซื้อจัดจ้างอย่างโปร่งใส');

    await organizer.post(`/api/programs/${first.id}/archive`).expect(200);
    const archivedHolder = await organizer.post('/api/programs').send(newProgram()).expect(409);
    expect(archivedHolder.body.message).toContain('เก็บถาวร');

    // Renaming another program to the code is refused too, and leaves it as it was.
    const second = (await organizer.post('/api/programs').send(newProgram({ code: '2.1.2', year: undefined })).expect(201)).body;
    const renamed = await organizer.put(`/api/programs/${second.id}`).send({ ...newProgram({ code: '2.1.1' }), year: undefined });
    expect([renamed.status, renamed.body.code]).toEqual([409, 'PROGRAM_CODE_TAKEN']);
    expect((await organizer.get(`/api/programs/${second.id}`).expect(200)).body.code).toBe('2.1.2');
    expect(await countPrograms(org)).toBe(2);
  });

  it('edits a program’s details; a new owner unit moves this year’s unit and later ones, not past years', async () => {
    const org = await emptyOrganization();
    const organizer = await org.login('organizer');
    const { id } = (await organizer.post('/api/programs').send(newProgram()).expect(201)).body;
    const yearSettings = { targetHeadcount: 30, sessionsRequired: 1, budgetBaht: 0, passMarkPercent: 60, targetPassRatePercent: 80, indicatorBasis: 'pass_rate' };
    await organizer.put(`/api/programs/${id}/years/${THIS_YEAR - 1}`).send({ ...yearSettings, ownerUnit: 'กองคลัง' }).expect(200);
    await organizer.put(`/api/programs/${id}/years/${THIS_YEAR + 1}`).send({ ...yearSettings, ownerUnit: 'กองคลัง' }).expect(200);

    const details = {
      code: '2.1.9',
      name: 'โครงการอบรมการจัดซื้อจัดจ้างอย่างโปร่งใส รุ่นปรับปรุง',
      audience: 'เจ้าหน้าที่พัสดุ',
      ownerUnit: 'กองคลัง (งานพัสดุ)',
      description: '',
    };
    const edited = await organizer.put(`/api/programs/${id}`).send(details).expect(200);
    expect(edited.body).toMatchObject({ id, ...details });

    const units: { fiscal_year: number; owner_unit: string }[] = await t.db.query(
      `SELECT fiscal_year, owner_unit FROM program_years WHERE program_id = $1 ORDER BY fiscal_year`,
      [id],
    );
    expect(units).toEqual([
      { fiscal_year: THIS_YEAR - 1, owner_unit: 'กองคลัง' },
      { fiscal_year: THIS_YEAR, owner_unit: 'กองคลัง (งานพัสดุ)' },
      { fiscal_year: THIS_YEAR + 1, owner_unit: 'กองคลัง (งานพัสดุ)' },
    ]);
    const [listedNow] = (await organizer.get('/api/programs').expect(200)).body.programs;
    expect(listedNow).toMatchObject({ code: '2.1.9', ownerUnit: 'กองคลัง (งานพัสดุ)', audience: 'เจ้าหน้าที่พัสดุ' });

    // Partial bodies are refused: the form always sends the whole program.
    const partial = await organizer.put(`/api/programs/${id}`).send({ name: 'ชื่อใหม่' }).expect(400);
    expect(partial.body.code).toBe('VALIDATION_FAILED');
    expect((await organizer.get(`/api/programs/${id}`).expect(200)).body.name).toBe(details.name);
  });

  it('an archived program leaves the list, scheduling, the plan and the indicators, keeps its sessions, and comes back', async () => {
    const org = await emptyOrganization();
    const organizer = await org.login('organizer');
    const { id } = (await organizer.post('/api/programs').send(newProgram()).expect(201)).body;
    const other = (await organizer.post('/api/programs').send(newProgram({ code: '2.2.1' })).expect(201)).body;
    const session = (await organizer.post('/api/sessions').send(sessionRequest(id)).expect(201)).body;

    const archived = await organizer.post(`/api/programs/${id}/archive`).expect(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    expect(archived.body.sessionCount).toBe(1);
    const list = (await organizer.get('/api/programs').expect(200)).body;
    expect(list.programs.map((p: { code: string }) => p.code)).toEqual(['2.2.1']);
    expect(list.archivedCount).toBe(1);
    const all = await listed(organizer, '?includeArchived=true');
    expect(all.map((p) => [p.code, p.archivedAt !== null])).toEqual([
      ['2.1.1', true],
      ['2.2.1', false],
    ]);

    const refused = await organizer.post('/api/sessions').send(sessionRequest(id)).expect(409);
    expect(refused.body.code).toBe('PROGRAM_ARCHIVED');
    expect(refused.body.message).toMatch(/กู้คืน/);
    const plan = (await organizer.get(`/api/plan?from=${THIS_YEAR}&to=${THIS_YEAR}`).expect(200)).body;
    expect(plan.programs.map((p: { code: string }) => p.code)).toEqual(['2.2.1']);
    const indicators = (await organizer.get(`/api/indicators?fiscalYear=${THIS_YEAR}`).expect(200)).body;
    expect(indicators.programs.map((p: { programCode: string }) => p.programCode)).toEqual(['2.2.1']);
    // Copying a year forward leaves the archived program out.
    const copied = (await organizer.post('/api/plan/copy-year').send({ fromFiscalYear: THIS_YEAR }).expect(200)).body;
    expect(copied.copied).toEqual(['2.2.1']);

    // Its data stays: the session, its details, its bank.
    expect((await organizer.get(`/api/sessions/${session.id}`).expect(200)).body.programId).toBe(id);
    expect((await organizer.get(`/api/programs/${id}`).expect(200)).body.code).toBe('2.1.1');
    await organizer.get(`/api/programs/${id}/questions`).expect(200);

    // Archiving twice is harmless; restoring brings it back everywhere.
    await organizer.post(`/api/programs/${id}/archive`).expect(200);
    const restored = await organizer.post(`/api/programs/${id}/unarchive`).expect(200);
    expect(restored.body.archivedAt).toBeNull();
    expect((await listed(organizer)).map((p) => p.code)).toEqual(['2.1.1', '2.2.1']);
    await organizer.post('/api/sessions').send(sessionRequest(id)).expect(201);
    await organizer.get(`/api/programs/${other.id}`).expect(200);
  });

  it('deletes a program never used, with its years and bank; one with sessions (even cancelled) can only be archived', async () => {
    const org = await emptyOrganization();
    const organizer = await org.login('organizer');
    const unused = (await organizer.post('/api/programs').send(newProgram()).expect(201)).body;
    await organizer
      .post(`/api/programs/${unused.id}/questions`)
      .send({ topic: 'ทั่วไป', type: 'true_false', stem: 'การจัดซื้อจัดจ้างต้องเปิดเผย', options: [{ text: 'ถูก', weight: 100 }, { text: 'ผิด', weight: 0 }], explanation: '' })
      .expect(201);
    expect((await organizer.get(`/api/programs/${unused.id}`).expect(200)).body.questionCount).toBe(1);
    await organizer.delete(`/api/programs/${unused.id}`).expect(204);
    await organizer.get(`/api/programs/${unused.id}`).expect(404);
    const left = await t.db.query(
      `SELECT (SELECT count(*)::int FROM program_years WHERE program_id = $1) AS years, (SELECT count(*)::int FROM questions WHERE program_id = $1) AS questions`,
      [unused.id],
    );
    expect(left).toEqual([{ years: 0, questions: 0 }]);

    const used = (await organizer.post('/api/programs').send(newProgram({ code: '2.3.1' })).expect(201)).body;
    const session = (await organizer.post('/api/sessions').send(sessionRequest(used.id)).expect(201)).body;
    await organizer.post(`/api/sessions/${session.id}/status`).send({ status: 'cancelled' }).expect(200);
    const refused = await organizer.delete(`/api/programs/${used.id}`).expect(409);
    expect(refused.body).toMatchObject({ code: 'PROGRAM_HAS_SESSIONS' });
    expect(refused.body.message).toMatch(/เก็บถาวร/);
    expect((await organizer.get(`/api/sessions/${session.id}`).expect(200)).body.id).toBe(session.id);
  });

  it('lets managers read programs but never change them', async () => {
    const org = await t.createOrganization();
    const manager = await org.login('manager');
    const [program] = (await manager.get('/api/programs').expect(200)).body.programs;
    expect((await manager.get(`/api/programs/${program.id}`).expect(200)).body.code).toBe(program.code);
    const tries = [
      manager.post('/api/programs').send(newProgram()),
      manager.put(`/api/programs/${program.id}`).send({ ...newProgram(), year: undefined }),
      manager.post(`/api/programs/${program.id}/archive`),
      manager.post(`/api/programs/${program.id}/unarchive`),
      manager.delete(`/api/programs/${program.id}`),
      manager.get('/api/program-templates'),
      manager.post(`/api/program-templates/${PLAN_TEMPLATE_ID}/apply`),
    ];
    for (const response of await Promise.all(tries)) {
      expect([response.status, response.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await manager.get(`/api/programs/${program.id}`).expect(200)).body).toMatchObject({ code: program.code, archivedAt: null });
    expect(await countPrograms(org)).toBe(4);
  });

  it('a new organization applies the plan template: four programs with their years, banks and survey, once however often it asks', async () => {
    const org = await emptyOrganization();
    const organizer = await org.login('organizer');
    expect((await organizer.get('/api/programs').expect(200)).body).toMatchObject({ programs: [], archivedCount: 0 });

    const { templates } = (await organizer.get('/api/program-templates').expect(200)).body;
    const plan = templates.find((x: { id: string }) => x.id === PLAN_TEMPLATE_ID);
    expect(plan.fiscalYears).toEqual([2566, 2567, 2568, 2569, 2570]);
    expect(plan.programs.map((p: { code: string }) => p.code)).toEqual(['1.1.1', '1.1.2', '1.2.1', '1.3.1']);
    expect(plan.programs.every((p: { questionCount: number; surveyItemCount: number }) => p.questionCount >= 15 && p.surveyItemCount >= 8)).toBe(true);
    expect(plan.description).toMatch(/[ก-๙]/);

    // Two clicks at once still make each program once.
    const [a, b] = await Promise.all([
      organizer.post(`/api/program-templates/${PLAN_TEMPLATE_ID}/apply`),
      organizer.post(`/api/program-templates/${PLAN_TEMPLATE_ID}/apply`),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([...a.body.created, ...b.body.created].sort()).toEqual(['1.1.1', '1.1.2', '1.2.1', '1.3.1']);
    const again = await organizer.post(`/api/program-templates/${PLAN_TEMPLATE_ID}/apply`).expect(200);
    expect(again.body).toEqual({ templateId: PLAN_TEMPLATE_ID, created: [], skipped: ['1.1.1', '1.1.2', '1.2.1', '1.3.1'] });

    const rows: { code: string; years: number; questions: number; likert: number; description: string; objectives: string }[] = await t.db.query(
      `SELECT p.code, p.description, p.objectives,
              (SELECT count(*)::int FROM program_years y WHERE y.program_id = p.id) AS years,
              (SELECT count(*)::int FROM questions q WHERE q.program_id = p.id) AS questions,
              (SELECT count(*)::int FROM questions q WHERE q.program_id = p.id AND q.type = 'likert') AS likert
         FROM programs p WHERE p.organization_id = $1 ORDER BY p.code`,
      [org.id],
    );
    expect(rows.map((r) => [r.code, r.years, r.questions])).toEqual(
      PLAN_TEMPLATE.programs.map((p) => [p.code, 5, p.questions.length]),
    );
    // The plan's own words: หลักการและเหตุผล as the description, วัตถุประสงค์ one a line, numbered as the plan numbers them.
    expect(rows.every((r) => r.likert >= 8 && r.description.length > 500 && r.objectives.startsWith('๑) เพื่อ'))).toBe(true);
    const year2568 = (await organizer.get('/api/programs?fiscalYear=2568').expect(200)).body.programs;
    expect(year2568.map((p: { code: string; year: { targetHeadcount: number } }) => [p.code, p.year.targetHeadcount])).toEqual([
      ['1.1.1', 65],
      ['1.1.2', 65],
      ['1.2.1', 60],
      ['1.3.1', 190],
    ]);
    // A session of a template program gets its pre-test from the bank and the satisfaction survey.
    const session = (await organizer.post('/api/sessions').send(sessionRequest(year2568[0].id)).expect(201)).body;
    expect(session.assessments.map((x: { kind: string }) => x.kind).sort()).toEqual(['post_test', 'pre_test', 'survey']);
  });

  it('applies only what is missing: a code the organization has (archived too) is left as it is', async () => {
    const org = await emptyOrganization();
    const organizer = await org.login('organizer');
    const own = (await organizer.post('/api/programs').send(newProgram({ code: '1.1.1', name: 'กฎหมายสำหรับพนักงาน (ของเราเอง)' })).expect(201)).body;
    await organizer.post(`/api/programs/${own.id}/archive`).expect(200);
    const applied = await organizer.post(`/api/program-templates/${PLAN_TEMPLATE_ID}/apply`).expect(200);
    expect(applied.body).toEqual({ templateId: PLAN_TEMPLATE_ID, created: ['1.1.2', '1.2.1', '1.3.1'], skipped: ['1.1.1'] });
    expect((await organizer.get(`/api/programs/${own.id}`).expect(200)).body).toMatchObject({
      name: 'กฎหมายสำหรับพนักงาน (ของเราเอง)',
      questionCount: 0,
    });
    const unknown = await organizer.post('/api/program-templates/no-such-template/apply').expect(404);
    expect(unknown.body.code).toBe('PROGRAM_TEMPLATE_NOT_FOUND');
    expect(await countPrograms(org)).toBe(4);
  });

  it.each(PROGRAM_TEMPLATES.map((template) => [template.id, template] as const))(
    'template %s gives only what the forms would accept: programs, years and questions',
    (_id, template) => {
      expect(new Set(template.programs.map((p) => p.code)).size).toBe(template.programs.length);
      for (const program of template.programs) {
        for (const year of program.years) {
          const { code, name, audience, ownerUnit, description, objectives } = program;
          const parsed = CreateProgramRequestSchema.safeParse({ code, name, audience, ownerUnit, description, objectives, year });
          expect(parsed.error?.issues ?? []).toEqual([]);
        }
        for (const question of program.questions) expect(QuestionInputSchema.safeParse(question).error?.issues ?? []).toEqual([]);
      }
    },
  );
});

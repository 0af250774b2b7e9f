import { createSession, startTestApp, TestApp, TestOrganization } from '../support/test-app';

const yearSettings = {
  targetHeadcount: 75,
  sessionsRequired: 2,
  budgetBaht: 120000.5,
  passMarkPercent: 70,
  targetPassRatePercent: 85,
  indicatorBasis: 'mean_post_score',
  certificateCriterion: 'attended_and_passed',
  ownerUnit: 'กองสวัสดิการสังคม',
};

describe('the plan: yearly settings, copying a year, money spent', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function programId(org: TestOrganization, code: string): Promise<string> {
    const [{ id }] = await t.db.query(`SELECT id FROM programs WHERE organization_id = $1 AND code = $2`, [org.id, code]);
    return id;
  }

  it('lets an organizer change a year of a program, or start a year it did not have', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const id = await programId(org, '1.2.1');

    const created = await organizer.put(`/api/programs/${id}/years/2571`).send(yearSettings).expect(200);
    expect(created.body).toEqual({ programId: id, fiscalYear: 2571, ...yearSettings });
    const list = await organizer.get('/api/programs?fiscalYear=2571').expect(200);
    const program = list.body.programs.find((p: { code: string }) => p.code === '1.2.1');
    expect(program.year).toMatchObject({ targetHeadcount: 75, passMarkPercent: 70, indicatorBasis: 'mean_post_score' });
    expect(program.ownerUnit).toBe('กองสวัสดิการสังคม');

    await organizer.put(`/api/programs/${id}/years/2570`).send({ ...yearSettings, targetHeadcount: 61 }).expect(200);
    const [row] = await t.db.query(`SELECT target_headcount FROM program_years WHERE program_id = $1 AND fiscal_year = 2570`, [id]);
    expect(row.target_headcount).toBe(61);
    // The pass mark is what the indicator uses.
    const indicators = await organizer.get('/api/indicators?fiscalYear=2570').expect(200);
    expect(indicators.body.programs.find((p: { programCode: string }) => p.programCode === '1.2.1')).toMatchObject({
      targetHeadcount: 61,
      passMarkPercent: 70,
      targetPassRatePercent: 85,
      indicatorBasis: 'mean_post_score',
    });
  });

  it('refuses impossible settings in Thai and keeps the old ones', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const id = await programId(org, '1.3.1');
    for (const bad of [
      { targetHeadcount: -5 },
      { passMarkPercent: 120 },
      { budgetBaht: 1.234 },
      { ownerUnit: '  ' },
      { indicatorBasis: 'vibes' },
      { certificateCriterion: 'showed_up_once' },
    ]) {
      const response = await organizer.put(`/api/programs/${id}/years/2570`).send({ ...yearSettings, ...bad }).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.issues[0].path).toBe(Object.keys(bad)[0]);
      expect(response.body.issues[0].message).toMatch(/[ก-๙]/);
    }
    await organizer.put(`/api/programs/${id}/years/2570`).send({ targetHeadcount: 10 }).expect(400);
    const [row] = await t.db.query(`SELECT target_headcount, pass_mark_percent FROM program_years WHERE program_id = $1 AND fiscal_year = 2570`, [id]);
    expect([row.target_headcount, Number(row.pass_mark_percent)]).toEqual([190, 60]);
  });

  it("lets only organizers and admins change settings, and only their own organization's", async () => {
    const org = await t.createOrganization();
    const other = await t.createOrganization();
    const id = await programId(org, '1.1.1');
    await (await org.login('manager')).put(`/api/programs/${id}/years/2570`).send(yearSettings).expect(403);
    await (await org.login('admin')).put(`/api/programs/${id}/years/2570`).send(yearSettings).expect(200);
    const foreign = await (await other.login('organizer')).put(`/api/programs/${id}/years/2570`).send(yearSettings).expect(404);
    expect(foreign.body.code).toBe('PROGRAM_NOT_FOUND');
  });

  it('copies a year to the next, keeps what the next year has unless told to overwrite', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    const first = await organizer.post('/api/plan/copy-year').send({ fromFiscalYear: 2570 }).expect(200);
    expect(first.body).toEqual({ fromFiscalYear: 2570, toFiscalYear: 2571, copied: ['1.1.1', '1.1.2', '1.2.1', '1.3.1'], skipped: [] });

    const id = await programId(org, '1.1.1');
    await organizer.put(`/api/programs/${id}/years/2570`).send({ ...yearSettings, targetHeadcount: 80 }).expect(200);
    const again = await organizer.post('/api/plan/copy-year').send({ fromFiscalYear: 2570 }).expect(200);
    expect(again.body.skipped).toEqual(['1.1.1', '1.1.2', '1.2.1', '1.3.1']);
    const target = async () =>
      (await t.db.query(`SELECT target_headcount FROM program_years WHERE program_id = $1 AND fiscal_year = 2571`, [id]))[0].target_headcount;
    expect(await target()).toBe(65);

    const overwrite = await organizer.post('/api/plan/copy-year').send({ fromFiscalYear: 2570, overwrite: true }).expect(200);
    expect(overwrite.body.copied).toHaveLength(4);
    expect(await target()).toBe(80);

    const nothing = await organizer.post('/api/plan/copy-year').send({ fromFiscalYear: 2590 }).expect(400);
    expect(nothing.body).toEqual({ code: 'PROGRAM_YEAR_NOT_FOUND', message: 'ปีงบประมาณ 2590 ยังไม่มีการตั้งค่าโครงการให้คัดลอก' });
    await (await org.login('manager')).post('/api/plan/copy-year').send({ fromFiscalYear: 2570 }).expect(403);
  });

  it('sums session expenses against the budget and counts people and sessions per year', async () => {
    const org = await t.createOrganization();
    const organizer = await org.login('organizer');
    // Fixed dates in fiscal year 2570 (1 Oct 2026 – 30 Sep 2027), so the test does not age.
    const session = await createSession(organizer, '1.2.1', {
      startsAt: '2027-03-10T09:00:00+07:00',
      endsAt: '2027-03-10T16:00:00+07:00',
    });
    expect(session.fiscalYear).toBe(2570);
    const snack = await organizer.post(`/api/sessions/${session.id}/expenses`).send({ item: 'ค่าอาหารว่าง', amountBaht: 2500.5 }).expect(201);
    expect(snack.body.spentBaht).toBe(2500.5);
    const withSpeaker = await organizer.post(`/api/sessions/${session.id}/expenses`).send({ item: 'ค่าวิทยากร', amountBaht: 3600 }).expect(201);
    expect(withSpeaker.body.expenses.map((e: { item: string }) => e.item)).toEqual(['ค่าอาหารว่าง', 'ค่าวิทยากร']);
    expect(withSpeaker.body.spentBaht).toBe(6100.5);
    await t.http().post(`/api/join/${session.joinCode}`).send({ fullName: 'ชาวบ้าน หมู่หนึ่ง', group: 'citizen' }).expect(200);

    const plan = await organizer.get('/api/plan').expect(200);
    expect([plan.body.fromFiscalYear, plan.body.toFiscalYear]).toEqual([2566, 2570]);
    const citizens = plan.body.programs.find((p: { code: string }) => p.code === '1.2.1');
    expect(citizens.years.map((y: { fiscalYear: number }) => y.fiscalYear)).toEqual([2566, 2567, 2568, 2569, 2570]);
    expect(citizens.years.find((y: { fiscalYear: number }) => y.fiscalYear === session.fiscalYear)).toEqual({
      fiscalYear: session.fiscalYear,
      configured: true,
      targetHeadcount: 60,
      attended: 1,
      enrolled: 1,
      waitlisted: 0,
      sessionsHeld: 1,
      sessionsRequired: 1,
      spentBaht: 6100.5,
      budgetBaht: 100000,
    });

    const removed = await organizer.delete(`/api/sessions/${session.id}/expenses/${snack.body.expenses[0].id}`).expect(200);
    expect(removed.body.spentBaht).toBe(3600);
    const later = await (await org.login('manager')).get(`/api/plan?from=${session.fiscalYear}&to=${session.fiscalYear + 1}`).expect(200);
    const years = later.body.programs.find((p: { code: string }) => p.code === '1.2.1').years;
    expect(years.map((y: { spentBaht: number; configured: boolean }) => [y.spentBaht, y.configured])).toEqual([
      [3600, true],
      [0, false],
    ]);
  });

  it('refuses bad expenses and expenses of another organization', async () => {
    const org = await t.createOrganization();
    const other = await t.createOrganization();
    const organizer = await org.login('organizer');
    const session = await createSession(organizer, '1.1.2');
    for (const bad of [{ item: 'ค่าเอกสาร', amountBaht: 0 }, { item: 'ค่าเอกสาร', amountBaht: 10.005 }, { item: '', amountBaht: 10 }]) {
      const response = await organizer.post(`/api/sessions/${session.id}/expenses`).send(bad).expect(400);
      expect(response.body.message).toMatch(/[ก-๙]/);
    }
    const added = await organizer.post(`/api/sessions/${session.id}/expenses`).send({ item: 'ค่าเอกสาร', amountBaht: 450 }).expect(201);
    const foreign = await other.login('organizer');
    await foreign.post(`/api/sessions/${session.id}/expenses`).send({ item: 'แอบเบิก', amountBaht: 1 }).expect(404);
    await foreign.delete(`/api/sessions/${session.id}/expenses/${added.body.expenses[0].id}`).expect(404);
    await (await org.login('manager')).post(`/api/sessions/${session.id}/expenses`).send({ item: 'x', amountBaht: 1 }).expect(403);
    const after = await organizer.get(`/api/sessions/${session.id}`).expect(200);
    expect(after.body.spentBaht).toBe(450);
  });

  it('refuses a plan range that ends before it starts', async () => {
    const org = await t.createOrganization();
    const response = await (await org.login('manager')).get('/api/plan?from=2570&to=2566').expect(400);
    expect(response.body.issues[0]).toEqual({ path: 'to', code: 'planYearsOrder', message: 'ปีสิ้นสุดต้องไม่ก่อนปีเริ่มต้น' });
  });
});

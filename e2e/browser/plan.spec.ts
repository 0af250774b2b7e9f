import { fiscalYearOf } from '@sujarit/domain';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseUrl, createSpecOrganization, desktopContext, expectOk, launchChromium, openSessionPart, phoneContext, scrollsSideways, type SpecOrganization } from '../support/browser';

/*
 * This file works in an organization of its own (the template's programs): it changes 1.2.1 and copies the
 * current fiscal year into the next.
 */
const THIS_YEAR = fiscalYearOf(new Date());
const NEXT_YEAR = THIS_YEAR + 1;
let org: SpecOrganization;

describe('the yearly plan: settings, expenses and copying a year forward', () => {
  let browser: Browser;
  beforeAll(async () => {
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it("an organizer changes 1.2.1's target and pass mark for this year and the programs page shows them", async () => {
    const organizer = await organizerPage(browser);
    await organizer.getByRole('link', { name: /1\.2\.1/ }).first().click();
    const settings = settingsCard(organizer, THIS_YEAR);
    await settings.getByLabel('เป้าหมายจำนวนคน', { exact: true }).fill('75');
    await settings.getByLabel('เกณฑ์คะแนนผ่าน (% ของคะแนนเต็ม)', { exact: true }).fill('70');
    await settings.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
    await settings.getByText('บันทึกแล้ว').waitFor();

    await organizer.getByRole('link', { name: 'กลับไปรายการโครงการ' }).click();
    const card = organizer.getByRole('article').filter({ hasText: '1.2.1' });
    await card.getByText('75 คน', { exact: true }).waitFor();

    // The saved values are what the form shows next time.
    await card.getByRole('link', { name: /1\.2\.1/ }).click();
    const reopened = settingsCard(organizer, THIS_YEAR);
    expect(await reopened.getByLabel('เป้าหมายจำนวนคน', { exact: true }).inputValue()).toBe('75');
    expect(await reopened.getByLabel('เกณฑ์คะแนนผ่าน (% ของคะแนนเต็ม)', { exact: true }).inputValue()).toBe('70');
    expect(await reopened.getByLabel('งบประมาณ (บาท)', { exact: true }).inputValue()).toBe('100000');
  });

  it('a negative target is answered in Thai and nothing is saved', async () => {
    const organizer = await organizerPage(browser);
    const before = await programYear(organizer, '1.2.1', THIS_YEAR);
    await organizer.getByRole('link', { name: /1\.2\.1/ }).first().click();
    const settings = settingsCard(organizer, THIS_YEAR);
    await settings.getByLabel('เป้าหมายจำนวนคน', { exact: true }).fill('-5');
    await settings.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
    // Beside the target headcount field: its own limit.
    await settings.getByText('ต้องไม่น้อยกว่า 0', { exact: true }).waitFor();
    expect(await settings.getByText('บันทึกแล้ว').count()).toBe(0);
    expect(await programYear(organizer, '1.2.1', THIS_YEAR)).toEqual(before);
  });

  it("an organizer records a session's expenses, the plan counts them against the budget, a manager only reads them", async () => {
    const organizer = await organizerPage(browser);
    const session = await scheduleSessionOf121(organizer);

    await organizer.goto(`/sessions/${session.id}`);
    await openSessionPart(organizer, 'money');
    const expenses = organizer.getByRole('region', { name: 'ค่าใช้จ่าย' });
    await addExpense(expenses, 'ค่าอาหารว่าง', '2500');
    await addExpense(expenses, 'ค่าวิทยากร', '3600');
    await expenses.getByText('รวม 6,100 บาท').waitFor();

    await expenses.getByRole('button', { name: 'ลบ ค่าอาหารว่าง' }).click();
    await expenses.getByText('รวม 3,600 บาท').waitFor();
    expect(await expenses.getByText('ค่าอาหารว่าง').count()).toBe(0);

    await organizer.goto(`/plan?from=${session.fiscalYear}&to=${session.fiscalYear}`);
    const row = planRow(organizer, '1.2.1', session.fiscalYear);
    await row.getByText('3,600 / 100,000').waitFor();

    const manager = await (await desktopContext(browser)).newPage();
    await login(manager, org.manager.email, org.manager.password);
    await manager.waitForURL('**/indicators');
    await manager.goto(`/sessions/${session.id}`);
    await openSessionPart(manager, 'money');
    const managerView = manager.getByRole('region', { name: 'ค่าใช้จ่าย' });
    await managerView.getByText('ค่าวิทยากร').waitFor();
    await managerView.getByText('รวม 3,600 บาท').waitFor();
    expect(await managerView.getByRole('button').count()).toBe(0);
    expect(await managerView.getByLabel('รายการ').count()).toBe(0);
  });

  it("copying this year's settings creates next year's, and copying again skips them unless told to overwrite", async () => {
    const organizer = await organizerPage(browser);
    await organizer.getByRole('link', { name: 'แผนงาน' }).click();
    await organizer.waitForURL('**/plan');
    const copy = organizer.getByRole('form', { name: 'คัดลอกการตั้งค่าไปปีถัดไป' });
    await copy.getByLabel('จากปีงบประมาณ').selectOption(String(THIS_YEAR));
    await copy.getByRole('button', { name: 'คัดลอกการตั้งค่า' }).click();
    await copy.getByText(new RegExp(`คัดลอกไปปีงบประมาณ ${NEXT_YEAR} แล้ว [1-9]\\d* โครงการ`)).waitFor();
    expect(await copy.getByText(/ข้าม/).count()).toBe(0);

    // The plan, left to choose its own years, now reaches the new year with 1.2.1's target of 75.
    const next = planRow(organizer, '1.2.1', NEXT_YEAR);
    await next.getByRole('cell', { name: '75', exact: true }).waitFor();
    expect(await next.innerText()).toContain('0 / 100,000');

    await copy.getByRole('button', { name: 'คัดลอกการตั้งค่า' }).click();
    await copy.getByText(new RegExp(`คัดลอกไปปีงบประมาณ ${NEXT_YEAR} แล้ว 0 โครงการ`)).waitFor();
    await copy.getByText(/ข้าม [1-9]\d* โครงการที่ตั้งค่าไว้แล้ว/).waitFor();

    await copy.getByLabel('เขียนทับการตั้งค่าที่มีอยู่').check();
    await copy.getByRole('button', { name: 'คัดลอกการตั้งค่า' }).click();
    await copy.getByText(new RegExp(`คัดลอกไปปีงบประมาณ ${NEXT_YEAR} แล้ว [1-9]\\d* โครงการ`)).waitFor();
    expect(await copy.getByText(/ข้าม/).count()).toBe(0);
  });

  it('a manager opens the plan on a phone, reads it without scrolling sideways and cannot copy', async () => {
    const manager = await (await phoneContext(browser)).newPage();
    await login(manager, org.manager.email, org.manager.password);
    await manager.waitForURL('**/indicators');
    await manager.getByRole('link', { name: 'แผนงาน' }).click();
    await manager.waitForURL('**/plan');
    await planRow(manager, '1.2.1', THIS_YEAR).waitFor();
    expect(await scrollsSideways(manager)).toBe(false);
    expect(await manager.getByRole('button', { name: 'คัดลอกการตั้งค่า' }).count()).toBe(0);
  });
});

async function login(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('อีเมล').fill(email);
  await page.getByLabel('รหัสผ่าน').fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
}

/** The organizer, signed in on a desktop, at the programs of the current fiscal year. */
async function organizerPage(browser: Browser): Promise<Page> {
  const page = await (await desktopContext(browser)).newPage();
  await login(page, org.organizer.email, org.organizer.password);
  await page.waitForURL('**/programs');
  return page;
}

function settingsCard(page: Page, fiscalYear: number): Locator {
  return page.getByRole('region', { name: `ตั้งค่าปีงบประมาณ ${fiscalYear}` });
}

/** The plan table's row of one program in one fiscal year. */
function planRow(page: Page, code: string, fiscalYear: number): Locator {
  return page
    .locator('tbody')
    .filter({ hasText: code })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: String(fiscalYear), exact: true }) });
}

async function addExpense(expenses: Locator, item: string, amount: string) {
  await expenses.getByLabel('รายการ', { exact: true }).fill(item);
  await expenses.getByLabel('จำนวนเงิน (บาท)', { exact: true }).fill(amount);
  await expenses.getByRole('button', { name: 'เพิ่มค่าใช้จ่าย' }).click();
  await expenses.getByText(item, { exact: true }).waitFor();
}

/** A program's settings for a year as the API reports them, read with the page's own sign-in. */
async function programYear(page: Page, code: string, fiscalYear: number) {
  const list = await (await expectOk(page.request.get(`${baseUrl()}/api/programs?fiscalYear=${fiscalYear}`))).json();
  return list.programs.find((p: { code: string }) => p.code === code).year;
}

/** A session of 1.2.1 three days from now, scheduled through the API with the page's sign-in. */
async function scheduleSessionOf121(page: Page): Promise<{ id: string; fiscalYear: number }> {
  const programs = await (await expectOk(page.request.get(`${baseUrl()}/api/programs`))).json();
  const program = programs.programs.find((p: { code: string }) => p.code === '1.2.1');
  const day = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const response = await expectOk(
    page.request.post(`${baseUrl()}/api/sessions`, {
      data: {
        programId: program.id,
        title: 'เศรษฐกิจพอเพียง รุ่นที่ 1',
        startsAt: `${day}T09:00:00+07:00`,
        endsAt: `${day}T15:00:00+07:00`,
        venue: 'ศาลาประชาคม หมู่ 3',
        capacity: 60,
      },
    }),
  );
  return response.json();
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  baseUrl,
  createProgramSession,
  createSpecOrganization,
  desktopContext,
  expectOk,
  launchChromium,
  openSessionPart,
  scrollsSideways,
  signedIn,
  type SpecOrganization,
} from '../support/browser';
import { NEXT_YEAR, NEXT_YEAR_BE, nextYear } from '../support/dates';

/*
 * This file works in an organization of its own, in program 1.2.1, on days of January and March of next year
 * (always future; fiscal year NEXT_YEAR_BE).
 */
const ARTIFACTS = join(__dirname, '../artifacts');

describe("the organizer's forms and session page: a Buddhist Era date picker, and the session page in parts", () => {
  let browser: Browser;
  let org: SpecOrganization;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('picks a date on a calendar in พ.ศ. with the mouse and the keyboard; the API gets the Christian date', async () => {
    const context = await desktopContext(browser);
    const organizer = await signedIn(context, org.organizer);
    const programId = await programIdOf(organizer, '1.2.1');
    await organizer.goto(`/programs/${programId}`);
    const create = organizer.getByRole('form', { name: 'สร้างรอบอบรมใหม่' });
    const date = create.getByLabel('วันที่', { exact: true });

    // The calendar opens on this month; its year list is in พ.ศ.: the organizer picks 15 January of next year.
    const toggle = create.getByRole('button', { name: 'เลือกจากปฏิทิน' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const calendar = create.getByRole('group', { name: 'ปฏิทิน', exact: true });
    // The calendar's code loads when it is first opened.
    await calendar.getByRole('combobox').nth(1).waitFor();
    const [month, year] = await calendar.getByRole('combobox').all();
    await year.selectOption({ label: String(NEXT_YEAR_BE) });
    await month.selectOption({ index: 0 });
    expect(await month.locator('option:checked').innerText()).toMatch(/^ม\.ค\.|^มกราคม$/);
    expect(await year.locator('option:checked').innerText()).toBe(String(NEXT_YEAR_BE));
    // No Christian year anywhere in the calendar.
    expect(await calendar.innerText()).not.toContain(String(NEXT_YEAR));
    await organizer.screenshot({ path: join(ARTIFACTS, 'date-picker-th-desktop.png') });
    await calendar.getByRole('button', { name: new RegExp(`15 มกราคม ${NEXT_YEAR_BE}`) }).click();
    await calendar.waitFor({ state: 'detached' });
    expect(await date.inputValue()).toBe(`15 ม.ค. ${NEXT_YEAR_BE}`);
    expect(await organizer.evaluate(() => document.activeElement?.id)).toBe(await date.getAttribute('id'));

    // By keyboard: the calendar opens on the day chosen, the arrow key moves a day on, Enter takes it.
    await toggle.focus();
    await organizer.keyboard.press('Enter');
    await calendar.waitFor();
    // As a person does, the keys go once the chosen day shows the focus.
    await calendar.locator('.rdp-day_button:focus').waitFor();
    await organizer.keyboard.press('ArrowRight');
    await calendar.getByRole('button', { name: new RegExp(`16 มกราคม ${NEXT_YEAR_BE}`) }).and(organizer.locator(':focus')).waitFor();
    await organizer.keyboard.press('Enter');
    await calendar.waitFor({ state: 'detached' });
    expect(await date.inputValue()).toBe(`16 ม.ค. ${NEXT_YEAR_BE}`);
    // Escape closes it and leaves the day as it was.
    await toggle.focus();
    await organizer.keyboard.press('Enter');
    await calendar.waitFor();
    await calendar.locator('.rdp-day_button:focus').waitFor();
    await organizer.keyboard.press('ArrowRight');
    await organizer.keyboard.press('Escape');
    await calendar.waitFor({ state: 'detached' });
    expect(await organizer.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('เลือกจากปฏิทิน');
    expect(await date.inputValue()).toBe(`16 ม.ค. ${NEXT_YEAR_BE}`);

    await create.getByLabel('ชื่อรอบอบรม').fill('งบประมาณโปร่งใส รุ่นเลือกวันจากปฏิทิน');
    await create.getByLabel('เวลาเริ่ม').fill('09:00');
    await create.getByLabel('เวลาสิ้นสุด').fill('12:00');
    await create.getByTestId('when-preview').getByText(`16 มกราคม ${NEXT_YEAR_BE}`, { exact: false }).waitFor();
    await create.getByLabel('สถานที่').fill('ห้องประชุมกองคลัง');
    await create.getByLabel('จำนวนที่นั่ง').fill('30');
    await create.getByRole('button', { name: 'สร้างรอบอบรม' }).click();
    await organizer.getByRole('heading', { level: 1, name: 'งบประมาณโปร่งใส รุ่นเลือกวันจากปฏิทิน' }).waitFor();
    await organizer.locator('.card--header').getByText(`16 ม.ค. ${NEXT_YEAR_BE} 09:00–12:00`).waitFor();
    const sessionId = organizer.url().split('/sessions/')[1];
    const saved = await (await expectOk(context.request.get(`${baseUrl()}/api/sessions/${sessionId}`))).json();
    expect(Date.parse(saved.startsAt)).toBe(Date.parse(`${nextYear('01-16')}T09:00:00+07:00`));

    // A day that does not exist is refused beside the field, nothing sent.
    await organizer.goto(`/programs/${programId}`);
    await create.getByLabel('ชื่อรอบอบรม').fill('รุ่นวันที่ผิด');
    await date.fill(`30/2/${NEXT_YEAR_BE}`);
    await create.getByLabel('เวลาเริ่ม').fill('09:00');
    await create.getByLabel('เวลาสิ้นสุด').fill('12:00');
    await create.getByLabel('สถานที่').fill('ห้องประชุมกองคลัง');
    await create.getByLabel('จำนวนที่นั่ง').fill('30');
    await create.getByRole('button', { name: 'สร้างรอบอบรม' }).click();
    await create.getByText('กรุณาเลือกวันที่', { exact: true }).waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await date.inputValue()).toBe(`30/2/${NEXT_YEAR_BE}`);
    expect(organizer.url()).toContain(`/programs/${programId}`);
    await context.close();
  });

  it("the audit log's date filters take a day in พ.ศ.", async () => {
    const admin = await signedIn(await desktopContext(browser), org.admin);
    await admin.goto('/admin/audit');
    const log = admin.getByRole('list', { name: 'บันทึกการเปลี่ยนแปลง' });
    // What was done today: the template applied when the organization was made, the sessions made above.
    await log.getByRole('listitem').first().waitFor();
    const filters = admin.getByRole('search', { name: 'ตัวกรองบันทึก' });
    // From 1 January of next year: nothing yet.
    await filters.getByLabel('ตั้งแต่วันที่', { exact: true }).fill(`1/1/${NEXT_YEAR_BE}`);
    await admin.getByText('ไม่มีรายการตามตัวกรองนี้').waitFor();
    // Up to the same day instead: everything so far.
    await filters.getByLabel('ตั้งแต่วันที่', { exact: true }).fill('');
    await filters.getByLabel('ถึงวันที่', { exact: true }).fill(`1 ม.ค. ${NEXT_YEAR_BE}`);
    await log.getByRole('listitem').first().waitFor();
    expect(await admin.getByText('ไม่มีรายการตามตัวกรองนี้').count()).toBe(0);
    await admin.context().close();
  });

  it('in English the picker shows the Christian year and English months', async () => {
    const context = await desktopContext(browser);
    const organizer = await signedIn(context, org.organizer);
    const programId = await programIdOf(organizer, '1.2.1');
    await organizer.goto(`/programs/${programId}`);
    await organizer.getByRole('button', { name: 'English' }).click();
    const create = organizer.getByRole('form', { name: 'New session' });
    const date = create.getByLabel('Date', { exact: true });
    await date.fill(`3/3/${NEXT_YEAR}`);
    await date.blur();
    expect(await date.inputValue()).toBe(`3 Mar ${NEXT_YEAR}`);
    await create.getByRole('button', { name: 'Pick from the calendar' }).click();
    const calendar = create.getByRole('group', { name: 'Calendar', exact: true });
    // The calendar's code loads when it is first opened.
    await calendar.getByRole('combobox').nth(1).waitFor();
    const [month, year] = await calendar.getByRole('combobox').all();
    expect(await month.locator('option:checked').innerText()).toMatch(/^Mar(ch)?$/);
    expect(await year.locator('option:checked').innerText()).toBe(String(NEXT_YEAR));
    expect(await calendar.innerText()).not.toContain(String(NEXT_YEAR_BE));
    await calendar.getByRole('button', { name: new RegExp(`March 4(th)?, ${NEXT_YEAR}`) }).click();
    expect(await date.inputValue()).toBe(`4 Mar ${NEXT_YEAR}`);
    await organizer.screenshot({ path: join(ARTIFACTS, 'date-picker-en-desktop.png') });
    // Back in Thai, the same day is written in พ.ศ.
    await organizer.getByRole('button', { name: 'ภาษาไทย' }).click();
    expect(await organizer.getByRole('form', { name: 'สร้างรอบอบรมใหม่' }).getByLabel('วันที่', { exact: true }).inputValue()).toBe(
      `4 มี.ค. ${NEXT_YEAR_BE}`,
    );
    await context.close();
  });

  it('the session page is in four parts, each with its tab, kept in the address through a reload and the back button, and none scrolls sideways on a 360 px phone', async () => {
    const setup = await desktopContext(browser);
    await signedIn(setup, org.organizer);
    const session = await createProgramSession(setup.request, '1.2.1', {
      capacity: 40,
      title: 'งบประมาณโปร่งใส รุ่นแบ่งหน้าเป็นส่วน',
      startsAt: `${nextYear('03-17')}T09:00:00+07:00`,
      endsAt: `${nextYear('03-17')}T12:00:00+07:00`,
      venue: 'ห้องประชุมสภาองค์การบริหารส่วนตำบลพร่อน อำเภอตากใบ จังหวัดนราธิวาส',
      speakers: [{ name: 'นายประหยัด ซื่อสัตย์', affiliation: 'ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงมหาดไทย' }],
    });
    await setup.close();

    const phone = await browser.newContext({
      baseURL: baseUrl(),
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'th-TH',
      timezoneId: 'Asia/Bangkok',
    });
    const organizer = await signedIn(phone, org.organizer);
    await organizer.goto(`/sessions/${session.id}`);
    const tabs = organizer.getByRole('tablist', { name: 'ส่วนของหน้ารอบอบรม' }).getByRole('tab');
    await tabs.first().waitFor();
    expect((await tabs.allInnerTexts()).map((name) => name.trim())).toEqual(['ภาพรวม', 'ผู้เข้าอบรม', 'แบบทดสอบ', 'งบประมาณ']);

    // What each part holds, and that it is the only one drawn.
    const overview = organizer.getByRole('tabpanel', { name: 'ภาพรวม' });
    await overview.getByTestId('join-code').waitFor();
    await overview.getByRole('link', { name: 'หน้าจอสำหรับโปรเจกเตอร์' }).waitFor();
    await overview.getByRole('region', { name: 'จัดการรอบอบรม' }).waitFor();
    expect(await scrollsSideways(organizer)).toBe(false);

    const people = await openSessionPart(organizer, 'people');
    await organizer.waitForURL(/\?part=people$/);
    await people.getByRole('heading', { name: 'รายชื่อผู้ลงทะเบียน' }).waitFor();
    await people.getByRole('region', { name: 'เกียรติบัตร' }).waitFor();
    expect(await organizer.getByTestId('join-code').count()).toBe(0);
    expect(await scrollsSideways(organizer)).toBe(false);

    const tests = await openSessionPart(organizer, 'tests');
    await organizer.waitForURL(/\?part=tests$/);
    await tests.getByRole('region', { name: 'แบบทดสอบก่อนอบรม', exact: true }).waitFor();
    await tests.getByRole('link', { name: 'เพิ่มแบบสำรวจ' }).waitFor();
    expect(await scrollsSideways(organizer)).toBe(false);

    const money = await openSessionPart(organizer, 'money');
    await organizer.waitForURL(/\?part=money$/);
    await money.getByRole('region', { name: 'ค่าใช้จ่าย' }).waitFor();
    await money.getByText('นายประหยัด ซื่อสัตย์').waitFor();
    expect(await scrollsSideways(organizer)).toBe(false);
    await organizer.screenshot({ path: join(ARTIFACTS, 'session-parts-money-phone.png'), fullPage: true });

    // A reload stays on the part; the back button returns to the part before.
    await organizer.reload();
    await organizer.getByRole('tabpanel', { name: 'งบประมาณ' }).getByRole('region', { name: 'ค่าใช้จ่าย' }).waitFor();
    expect(await selectedTab(organizer)).toBe('งบประมาณ');
    await organizer.goBack();
    await organizer.waitForURL(/\?part=tests$/);
    await organizer.getByRole('tabpanel', { name: 'แบบทดสอบ' }).waitFor();
    expect(await selectedTab(organizer)).toBe('แบบทดสอบ');

    // Arrow keys move between the tabs (from the last round to the first), Home and End to the ends.
    await organizer.getByRole('tab', { name: 'แบบทดสอบ' }).focus();
    await organizer.keyboard.press('ArrowRight');
    await organizer.waitForURL(/\?part=money$/);
    await organizer.keyboard.press('ArrowRight');
    await organizer.getByRole('tabpanel', { name: 'ภาพรวม' }).waitFor();
    expect(new URL(organizer.url()).search).toBe('');
    expect(await focusedTab(organizer)).toBe('ภาพรวม');
    await organizer.keyboard.press('End');
    await organizer.waitForURL(/\?part=money$/);
    expect(await focusedTab(organizer)).toBe('งบประมาณ');
    await organizer.keyboard.press('ArrowLeft');
    await organizer.waitForURL(/\?part=tests$/);
    expect(await focusedTab(organizer)).toBe('แบบทดสอบ');

    // An address with a part there is not opens the overview.
    await organizer.goto(`/sessions/${session.id}?part=nothing`);
    await organizer.getByRole('tabpanel', { name: 'ภาพรวม' }).getByTestId('join-code').waitFor();
    await phone.close();
  });
});

async function programIdOf(page: Page, code: string): Promise<string> {
  const body = await (await expectOk(page.request.get(`${baseUrl()}/api/programs`))).json();
  const program = (body.programs as { id: string; code: string }[]).find((p) => p.code === code);
  if (!program) throw new Error(`no program ${code}`);
  return program.id;
}

const selectedTab = (page: Page) => page.getByRole('tab', { selected: true }).innerText();

const focusedTab = (page: Page) => page.evaluate(() => (document.activeElement?.getAttribute('role') === 'tab' ? document.activeElement.textContent : null));


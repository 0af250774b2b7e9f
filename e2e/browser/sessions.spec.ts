import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  baseUrl,
  createProgramSession,
  createSpecOrganization,
  desktopContext,
  expectOk,
  launchChromium,
  openSessionPart,
  phoneContext,
  scrollsSideways,
  signedIn,
  type SpecOrganization,
} from '../support/browser';
import { mondayFirstColumn, NEXT_YEAR, NEXT_YEAR_BE, nextYear } from '../support/dates';

/*
 * This file works in an organization of its own, in program 1.1.2, on days from February to June of next year
 * (so in fiscal year NEXT_YEAR_BE), which never pass into the past whenever the suite runs.
 */
const ARTIFACTS = join(__dirname, '../artifacts');
const FISCAL_YEAR = NEXT_YEAR_BE;

describe('sessions: scheduling, overlaps, status, the list and the calendar', () => {
  let browser: Browser;
  let org: SpecOrganization;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('an organizer schedules two overlapping sessions, edits one, announces it and cancels it', async () => {
    const organizer = await signedIn(await desktopContext(browser), org.organizer);
    const venue = 'ห้องประชุมสำนักปลัด ชั้น 2';

    // The first, a draft with a speaker and a note.
    await openProgram112(organizer);
    const create = organizer.getByRole('form', { name: 'สร้างรอบอบรมใหม่' });
    // The title's and the venue's limits are on screen before anyone runs into them.
    await create.getByText('ไม่เกิน 200 ตัวอักษร', { exact: true }).first().waitFor();
    expect(await create.getByText('ไม่เกิน 200 ตัวอักษร', { exact: true }).count()).toBeGreaterThanOrEqual(2);
    await create.getByLabel('ชื่อรอบอบรม').fill('จริยธรรม รุ่นที่ 1');
    // Typed on the Buddhist calendar, as a Thai organizer writes a date.
    await create.getByLabel('วันที่').fill(`16/2/${NEXT_YEAR_BE}`);
    await create.getByLabel('เวลาเริ่ม').fill('09:00');
    await create.getByLabel('เวลาสิ้นสุด').fill('12:00');
    await create.getByLabel('สถานที่').fill(venue);
    await create.getByLabel('จำนวนที่นั่ง').fill('40');
    const speaker = create.getByRole('group', { name: 'วิทยากรคนที่ 1' });
    await speaker.getByLabel('ชื่อวิทยากร').fill('นายสมชาย ตรงไป');
    await speaker.getByLabel('สังกัด').fill('สำนักงาน ป.ป.ช. ประจำจังหวัดนราธิวาส');
    await create.getByLabel('หมายเหตุ').fill('ผู้เข้าอบรมนำปากกามาเอง');
    expect(await create.getByLabel('อนุญาตให้ผู้ที่ไม่ได้ลงทะเบียนล่วงหน้าลงทะเบียนหน้างาน').isChecked()).toBe(true);
    await create.getByLabel('บันทึกเป็นฉบับร่าง').check();
    await create.getByRole('button', { name: 'สร้างรอบอบรม' }).click();
    await organizer.getByRole('heading', { level: 1, name: 'จริยธรรม รุ่นที่ 1' }).waitFor();
    const firstUrl = organizer.url();
    const header = organizer.locator('.card--header');
    const details = sessionDetails(organizer);
    await header.getByText('ฉบับร่าง', { exact: true }).waitFor();
    await details.getByText('ผู้เข้าอบรมนำปากกามาเอง').waitFor();
    await details.getByText('รับผู้ที่ไม่ได้ลงทะเบียนล่วงหน้า', { exact: true }).waitFor();
    expect(await overlapWarning(organizer).count()).toBe(0);
    // The speakers are listed beside the expenses (their fees are most of them).
    await (await openSessionPart(organizer, 'money')).getByText('นายสมชาย ตรงไป').waitFor();

    // The second, in the same room through the late morning: the page warns and names the first.
    await organizer.getByRole('link', { name: /1\.1\.2/ }).click();
    await create.getByLabel('ชื่อรอบอบรม').fill('จริยธรรม รุ่นที่ 2');
    await create.getByLabel('วันที่').fill(nextYear('02-16'));
    await create.getByLabel('เวลาเริ่ม').fill('10:30');
    await create.getByLabel('เวลาสิ้นสุด').fill('15:00');
    await create.getByLabel('สถานที่').fill(venue);
    await create.getByLabel('จำนวนที่นั่ง').fill('40');
    await create.getByLabel('อนุญาตให้ผู้ที่ไม่ได้ลงทะเบียนล่วงหน้าลงทะเบียนหน้างาน').uncheck();
    await create.getByRole('button', { name: 'สร้างรอบอบรม' }).click();
    await organizer.getByRole('heading', { level: 1, name: 'จริยธรรม รุ่นที่ 2' }).waitFor();
    const secondUrl = organizer.url();
    await header.getByText('กำหนดการแล้ว', { exact: true }).waitFor();
    await details.getByText('รับเฉพาะผู้ที่ลงทะเบียนล่วงหน้า', { exact: true }).waitFor();
    const warning = overlapWarning(organizer);
    await warning.waitFor();
    expect(await warning.innerText()).toMatch(new RegExp(`16 ก\\.พ\\. ${NEXT_YEAR_BE} 09:00–12:00`));
    await organizer.screenshot({ path: join(ARTIFACTS, 'session-overlap-desktop.png'), fullPage: true });

    // The list of all sessions flags both, so the clash is seen without opening either.
    await organizer.goto(`/sessions?fiscalYear=${FISCAL_YEAR}`);
    for (const title of ['จริยธรรม รุ่นที่ 1', 'จริยธรรม รุ่นที่ 2']) {
      await sessionRows(organizer).filter({ hasText: title }).getByText('เวลาซ้อนกับอีก 1 รอบในสถานที่เดียวกัน').waitFor();
    }
    await organizer.screenshot({ path: join(ARTIFACTS, 'sessions-list-desktop-overlap.png'), fullPage: true });
    await organizer.goto(secondUrl);
    await warning.waitFor();

    // The warning links to the first; the organizer corrects its title and its speaker there.
    await warning.getByRole('link', { name: 'จริยธรรม รุ่นที่ 1' }).click();
    await organizer.waitForURL(firstUrl);
    await overlapWarning(organizer).getByRole('link', { name: 'จริยธรรม รุ่นที่ 2' }).waitFor();
    await organizer.getByRole('button', { name: 'แก้ไขรอบอบรม' }).click();
    const edit = organizer.getByRole('form', { name: 'แก้ไขข้อมูลรอบอบรม' });
    expect(await edit.getByLabel('ชื่อรอบอบรม').inputValue()).toBe('จริยธรรม รุ่นที่ 1');
    // The date field writes the day back on the Buddhist calendar.
    expect(await edit.getByLabel('วันที่').inputValue()).toBe(`16 ก.พ. ${NEXT_YEAR_BE}`);
    expect(await edit.getByLabel('เวลาเริ่ม').inputValue()).toBe('09:00');
    await edit.getByLabel('ชื่อรอบอบรม').fill('จริยธรรม รุ่นที่ 1 (ภาคเช้า)');
    await edit.getByRole('group', { name: 'วิทยากรคนที่ 1' }).getByLabel('ชื่อวิทยากร').fill('นางสาวพิมพ์ใจ ซื่อตรง');
    await edit.getByRole('button', { name: 'บันทึกการแก้ไข' }).click();
    await organizer.getByRole('heading', { level: 1, name: 'จริยธรรม รุ่นที่ 1 (ภาคเช้า)' }).waitFor();
    expect(await edit.count()).toBe(0);
    const money = await openSessionPart(organizer, 'money');
    await money.getByText('นางสาวพิมพ์ใจ ซื่อตรง').waitFor();
    expect(await money.getByText('นายสมชาย ตรงไป').count()).toBe(0);
    await money.getByText('สำนักงาน ป.ป.ช. ประจำจังหวัดนราธิวาส').waitFor();
    await openSessionPart(organizer, 'overview');

    // A draft may only be announced or cancelled.
    expect(await statusButtonNames(organizer)).toEqual(['ประกาศกำหนดการ', 'ยกเลิกรอบอบรม']);
    await organizer.getByRole('button', { name: 'ประกาศกำหนดการ' }).click();
    await header.getByText('กำหนดการแล้ว', { exact: true }).waitFor();
    expect(await statusButtonNames(organizer)).toEqual(['เริ่มการอบรม', 'กลับเป็นฉบับร่าง', 'ยกเลิกรอบอบรม']);

    // Cancelling asks once more; a cancelled session can no longer be edited or moved.
    await organizer.getByRole('button', { name: 'ยกเลิกรอบอบรม' }).click();
    expect(await header.getByText('ยกเลิก', { exact: true }).count()).toBe(0);
    await organizer.getByRole('button', { name: 'ยืนยันยกเลิก' }).click();
    await header.getByText('ยกเลิก', { exact: true }).waitFor();
    expect(await organizer.getByRole('button', { name: 'แก้ไขรอบอบรม' }).count()).toBe(0);
    expect(await statusButtonNames(organizer)).toEqual([]);
    await organizer.screenshot({ path: join(ARTIFACTS, 'session-cancelled-desktop.png'), fullPage: true });

    // A cancelled session holds no room: the second no longer overlaps anything.
    await organizer.goto(secondUrl);
    await organizer.getByRole('heading', { level: 1, name: 'จริยธรรม รุ่นที่ 2' }).waitFor();
    expect(await overlapWarning(organizer).count()).toBe(0);

    // The list, filtered to cancelled sessions in the address, shows only the cancelled one.
    await organizer.getByRole('link', { name: 'รอบอบรม', exact: true }).click();
    await organizer.waitForURL('**/sessions');
    await organizer.getByLabel('ปีงบประมาณ (พ.ศ.)').selectOption(String(FISCAL_YEAR));
    await organizer.getByLabel('สถานะ').selectOption('cancelled');
    await organizer.waitForURL(/[?&]status=cancelled/);
    const rows = sessionRows(organizer);
    await rows.filter({ hasText: 'จริยธรรม รุ่นที่ 1 (ภาคเช้า)' }).waitFor();
    expect(await rows.filter({ hasText: 'จริยธรรม รุ่นที่ 2' }).count()).toBe(0);
    await organizer.reload();
    await rows.filter({ hasText: 'จริยธรรม รุ่นที่ 1 (ภาคเช้า)' }).waitFor();
    expect(await organizer.getByLabel('สถานะ').inputValue()).toBe('cancelled');
  });

  it('deletes a session nobody attended, and refuses with the reason for one that someone attended', async () => {
    const context = await desktopContext(browser);
    const organizer = await signedIn(context, org.organizer);
    const unused = await createProgramSession(context.request, '1.1.2', {
      capacity: 65,
      title: 'จริยธรรม รอบที่สร้างผิด',
      startsAt: `${nextYear('04-20')}T13:00:00+07:00`,
      endsAt: `${nextYear('04-20')}T16:00:00+07:00`,
      venue: 'หอประชุม อบต.พร่อน',
    });
    const attended = await createProgramSession(context.request, '1.1.2', {
      capacity: 65,
      title: 'จริยธรรม รอบที่มีผู้เข้าอบรม',
      startsAt: `${nextYear('04-21')}T09:00:00+07:00`,
      endsAt: `${nextYear('04-21')}T12:00:00+07:00`,
      venue: 'หอประชุม อบต.พร่อน',
    });
    // A trainee registers at the door of the second, which checks them in.
    const trainee = (await phoneContext(browser)).request;
    await expectOk(trainee.post(`${baseUrl()}/api/join/${attended.joinCode}`, { data: { fullName: 'นายใจดี มีสัตย์', group: 'staff' } }));

    await organizer.goto(`/sessions/${attended.id}`);
    await organizer.getByRole('button', { name: 'ลบรอบอบรม' }).click();
    await organizer.getByRole('button', { name: 'ยืนยันลบ' }).click();
    await organizer.getByText('รอบอบรมนี้มีผู้เข้าอบรมแล้ว 1 คน ลบไม่ได้ ให้ยกเลิกแทน').waitFor();

    await organizer.goto(`/sessions/${unused.id}`);
    await organizer.getByRole('button', { name: 'ลบรอบอบรม' }).click();
    await organizer.getByRole('button', { name: 'ยืนยันลบ' }).click();
    await organizer.waitForURL(`**/programs/${unused.programId}?fiscalYear=${FISCAL_YEAR}`);

    await organizer.goto(`/sessions?fiscalYear=${FISCAL_YEAR}&programId=${unused.programId}`);
    await sessionRows(organizer).filter({ hasText: 'จริยธรรม รอบที่มีผู้เข้าอบรม' }).waitFor();
    expect(await sessionRows(organizer).filter({ hasText: 'จริยธรรม รอบที่สร้างผิด' }).count()).toBe(0);
    await organizer.screenshot({ path: join(ARTIFACTS, 'sessions-list-desktop.png'), fullPage: true });
    expect((await (await context.request.get(`${baseUrl()}/api/sessions/${unused.id}`)).status())).toBe(404);
  });

  it('the calendar puts a session on its Bangkok day even on a computer set to another time zone', async () => {
    const setup = await desktopContext(browser);
    await signedIn(setup, org.organizer);
    // 06:30 on 10 March in Bangkok is still 9 March in UTC and in Los Angeles.
    const early = await createProgramSession(setup.request, '1.1.2', {
      capacity: 65,
      title: 'จริยธรรม ภาคเช้าตรู่',
      startsAt: `${nextYear('03-10')}T06:30:00+07:00`,
      endsAt: `${nextYear('03-10')}T08:30:00+07:00`,
      venue: 'ศาลาประชาคม หมู่ 1',
    });

    const abroad = await browser.newContext({
      baseURL: baseUrl(),
      viewport: { width: 1280, height: 800 },
      locale: 'th-TH',
      timezoneId: 'America/Los_Angeles',
    });
    const organizer = await signedIn(abroad, org.organizer);
    await organizer.goto(`/sessions?fiscalYear=${FISCAL_YEAR}&view=calendar&month=${NEXT_YEAR}-02`);
    await organizer.getByRole('heading', { name: `กุมภาพันธ์ ${NEXT_YEAR_BE}` }).waitFor();
    await organizer.getByRole('button', { name: 'เดือนถัดไป' }).click();
    await organizer.getByRole('heading', { name: `มีนาคม ${NEXT_YEAR_BE}` }).waitFor();
    await organizer.waitForURL(new RegExp(`[?&]month=${NEXT_YEAR}-03`));

    // Monday first, with Thai weekday abbreviations.
    const weekdays = await organizer.locator('.calendar__grid thead th').allInnerTexts();
    expect(weekdays.map((d) => d.trim())).toEqual(['จ', 'อ', 'พ', 'พฤ', 'ศ', 'ส', 'อา']);
    // 1 March is in the first week, under its own weekday (a Monday in the first column).
    const firstOfMarch = nextYear('03-01');
    const firstWeek = organizer.locator('.calendar__grid tbody tr').first().locator('td');
    expect(await firstWeek.nth(mondayFirstColumn(firstOfMarch)).getAttribute('data-date')).toBe(firstOfMarch);

    const tenth = organizer.locator(`.calendar__grid td[data-date="${nextYear('03-10')}"]`);
    await tenth.getByRole('link', { name: /จริยธรรม ภาคเช้าตรู่/ }).waitFor();
    expect(await tenth.innerText()).toContain('06:30');
    expect(await organizer.locator(`.calendar__grid td[data-date="${nextYear('03-09')}"]`).getByText('จริยธรรม ภาคเช้าตรู่').count()).toBe(0);
    await organizer.screenshot({ path: join(ARTIFACTS, 'sessions-calendar-desktop.png'), fullPage: true });

    await tenth.getByRole('link', { name: /จริยธรรม ภาคเช้าตรู่/ }).click();
    await organizer.waitForURL(`**/sessions/${early.id}`);
    await organizer.getByRole('heading', { level: 1, name: 'จริยธรรม ภาคเช้าตรู่' }).waitFor();
  });

  it('a manager reads a session page but has no edit, status or delete buttons', async () => {
    const setup = await desktopContext(browser);
    await signedIn(setup, org.organizer);
    const session = await createProgramSession(setup.request, '1.1.2', {
      capacity: 65,
      title: 'จริยธรรม สำหรับผู้บริหาร',
      startsAt: `${nextYear('05-11')}T09:00:00+07:00`,
      endsAt: `${nextYear('05-11')}T12:00:00+07:00`,
      venue: 'ห้องประชุมนายก',
      speakers: [{ name: 'ดร.สุจริต ใจงาม', affiliation: 'มหาวิทยาลัยนราธิวาสราชนครินทร์' }],
      notes: 'แต่งกายสุภาพ',
    });

    const manager = await signedIn(await desktopContext(browser), org.manager);
    await manager.waitForURL('**/indicators');
    await manager.goto(`/sessions/${session.id}`);
    await manager.getByRole('heading', { level: 1, name: 'จริยธรรม สำหรับผู้บริหาร' }).waitFor();
    await manager.getByText('แต่งกายสุภาพ').waitFor();
    await manager.locator('.card--header').getByText('กำหนดการแล้ว', { exact: true }).waitFor();
    await (await openSessionPart(manager, 'money')).getByText('ดร.สุจริต ใจงาม').waitFor();
    // No part of the page offers them.
    for (const part of ['overview', 'people', 'tests', 'money'] as const) {
      await openSessionPart(manager, part);
      for (const name of ['แก้ไขรอบอบรม', 'ประกาศกำหนดการ', 'เริ่มการอบรม', 'กลับเป็นฉบับร่าง', 'ยกเลิกรอบอบรม', 'ลบรอบอบรม']) {
        expect(await manager.getByRole('button', { name }).count()).toBe(0);
      }
      expect(await manager.getByRole('region', { name: 'จัดการรอบอบรม' }).count()).toBe(0);
    }
  });

  it('on a 390 px phone the list, the calendar and a session page never scroll sideways', async () => {
    const context = await phoneContext(browser);
    const organizer = await signedIn(context, org.organizer);
    const session = await createProgramSession(context.request, '1.1.2', {
      capacity: 65,
      title: 'จริยธรรม รุ่นพิเศษสำหรับสมาชิกสภาองค์การบริหารส่วนตำบลพร่อน',
      startsAt: `${nextYear('06-08')}T09:00:00+07:00`,
      endsAt: `${nextYear('06-08')}T16:00:00+07:00`,
      venue: 'ห้องประชุมสภาองค์การบริหารส่วนตำบลพร่อน อำเภอตากใบ จังหวัดนราธิวาส',
      speakers: [{ name: 'นายประหยัด ซื่อสัตย์', affiliation: 'ศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงมหาดไทย' }],
    });

    await organizer.goto(`/sessions?fiscalYear=${FISCAL_YEAR}`);
    await sessionRows(organizer).filter({ hasText: 'จริยธรรม รุ่นพิเศษ' }).waitFor();
    expect(await scrollsSideways(organizer)).toBe(false);
    await organizer.screenshot({ path: join(ARTIFACTS, 'sessions-list-phone.png'), fullPage: true });

    await organizer.getByRole('button', { name: 'ปฏิทิน' }).click();
    await organizer.waitForURL(/[?&]view=calendar/);
    await organizer.goto(`/sessions?fiscalYear=${FISCAL_YEAR}&view=calendar&month=${NEXT_YEAR}-06`);
    await organizer.getByRole('heading', { name: `มิถุนายน ${NEXT_YEAR_BE}` }).waitFor();
    // The phone gets the month as a list of days: the session is there, on its day.
    const day = organizer.locator(`.agenda__day[data-date="${nextYear('06-08')}"]`);
    await day.getByRole('link', { name: /จริยธรรม รุ่นพิเศษ/ }).waitFor();
    expect(await day.innerText()).toContain('8 มิถุนายน');
    expect(await scrollsSideways(organizer)).toBe(false);
    await organizer.screenshot({ path: join(ARTIFACTS, 'sessions-calendar-phone.png'), fullPage: true });

    await organizer.goto(`/sessions/${session.id}?part=money`);
    await organizer.getByText('นายประหยัด ซื่อสัตย์').waitFor();
    expect(await scrollsSideways(organizer)).toBe(false);
    await openSessionPart(organizer, 'overview');
    await organizer.screenshot({ path: join(ARTIFACTS, 'session-page-phone.png') });
    await organizer.getByRole('button', { name: 'แก้ไขรอบอบรม' }).click();
    const edit = organizer.getByRole('form', { name: 'แก้ไขข้อมูลรอบอบรม' });
    await edit.getByRole('button', { name: 'เพิ่มวิทยากร' }).click();
    await edit.getByRole('group', { name: 'วิทยากรคนที่ 2' }).getByLabel('ชื่อวิทยากร').waitFor();
    expect(await scrollsSideways(organizer)).toBe(false);
    await edit.getByRole('group', { name: 'วิทยากรคนที่ 1' }).scrollIntoViewIfNeeded();
    await organizer.screenshot({ path: join(ARTIFACTS, 'session-edit-phone.png') });
  });
});

/** The program page of 1.1.2 in the file's fiscal year, reached as an organizer would. */
async function openProgram112(page: Page): Promise<void> {
  await page.goto(`/programs?fiscalYear=${FISCAL_YEAR}`);
  await page.getByRole('link', { name: /1\.1\.2/ }).first().click();
  await page.waitForURL(new RegExp(`/programs/[0-9a-f-]+\\?fiscalYear=${FISCAL_YEAR}`));
}

/** The overview's card of how the session runs (walk-ins, check-in code, notes). */
function sessionDetails(page: Page): Locator {
  return page.getByRole('region', { name: 'การจัดรอบอบรม' });
}

function overlapWarning(page: Page): Locator {
  return page.getByRole('region', { name: 'ช่วงเวลาซ้อนกับรอบอบรมอื่นในสถานที่เดียวกัน' });
}

function sessionRows(page: Page): Locator {
  return page.getByRole('list', { name: 'รายการ' }).getByRole('listitem');
}

/** The status moves the page offers, in the order shown. */
async function statusButtonNames(page: Page): Promise<string[]> {
  const group = page.getByRole('group', { name: 'เปลี่ยนสถานะ' });
  if ((await group.count()) === 0) return [];
  return (await group.getByRole('button').allInnerTexts()).map((name) => name.trim());
}


import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import {
  baseUrl,
  createProgramSession,
  createSpecOrganization,
  desktopContext,
  expectOk,
  launchChromium,
  openSessionPart,
  openTest,
  phoneContext,
  scrollsSideways,
  signedIn,
  type SpecOrganization,
} from '../support/browser';
import { nextYear } from '../support/dates';

const ARTIFACTS = join(__dirname, '../artifacts');

/** This file's sessions, in an organization of its own: 1.2.1 on 19 May next year, and people whose names say this file made them. */
const session = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  startsAt: `${nextYear('05-19')}T09:00:00+07:00`,
  endsAt: `${nextYear('05-19')}T12:00:00+07:00`,
  venue: 'ศาลาประชาคม ทดสอบเครื่องที่สอง',
  capacity: 40,
  ...extra,
});

async function enrolNew(api: APIRequestContext, sessionId: string, fullName: string): Promise<void> {
  const person = await (await expectOk(api.post(`${baseUrl()}/api/people`, { data: { fullName, group: 'citizen' } }))).json();
  await expectOk(api.post(`${baseUrl()}/api/sessions/${sessionId}/enrolments`, { data: { personId: person.person.id } }));
}

async function checkIn(phone: Page, fullName: string, checkInCode?: string): Promise<void> {
  await phone.getByLabel('ชื่อ-นามสกุล').fill(fullName);
  await phone.getByLabel('กลุ่ม').selectOption('citizen');
  if (checkInCode !== undefined) await phone.getByLabel('รหัสเช็กอินส่วนตัว (ตัวเลข 4 หลัก)').fill(checkInCode);
  await phone.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).click();
}

describe('a second phone for a name already checked in', () => {
  let browser: Browser;
  let org: SpecOrganization;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('sends the second phone to the organizer, who moves the check-in to it; the first phone is told; one person stays', async () => {
    const organizer = await signedIn(await desktopContext(browser), org.organizer);
    // Walk-ins allowed: the name must not come in again as a walk-in.
    const created = await createProgramSession(organizer.request, '1.2.1', session('รุ่นทดสอบเครื่องที่สอง', { allowWalkIns: true }));
    const name = 'นางสาวสองเครื่อง ทดสอบย้ายเครื่อง';
    await enrolNew(organizer.request, created.id, name);

    const phoneA = await (await phoneContext(browser)).newPage();
    await phoneA.goto(`/j/${created.joinCode}`);
    await checkIn(phoneA, name);
    await phoneA.getByText(`ลงทะเบียนแล้ว: ${name}`).waitFor();

    const phoneB = await (await phoneContext(browser)).newPage();
    await phoneB.goto(`/j/${created.joinCode}`);
    await checkIn(phoneB, name);
    const told = phoneB.getByRole('alert').filter({ hasText: 'ชื่อนี้ลงชื่อเข้าร่วมจากโทรศัพท์เครื่องอื่นแล้ว' });
    await told.getByText('กรุณาติดต่อผู้จัดการอบรม', { exact: false }).waitFor();
    expect(await scrollsSideways(phoneB)).toBe(false);
    await phoneB.screenshot({ path: join(ARTIFACTS, 'second-phone-see-organizer.png'), fullPage: true });

    // The organizer finds the name on the check-in list and moves it to a new phone, after confirming.
    await organizer.goto(`/sessions/${created.id}`);
    await openSessionPart(organizer, 'people');
    const row = organizer
      .getByRole('list', { name: 'รายชื่อสำหรับเช็กอิน' })
      .getByRole('listitem')
      .filter({ has: organizer.getByText(name, { exact: true }) });
    await row.getByText('ลงชื่อด้วยโทรศัพท์แล้ว').waitFor();
    await row.getByRole('button', { name: `ย้ายไปเครื่องใหม่ ${name}` }).click();
    await row.getByText('โทรศัพท์เครื่องเดิมของ', { exact: false }).waitFor();
    await row.getByRole('button', { name: 'ยืนยันย้าย' }).click();
    await row.getByRole('status').getByText('ย้ายแล้ว', { exact: false }).waitFor();
    expect(await row.getByText('ลงชื่อด้วยโทรศัพท์แล้ว').count()).toBe(0);
    expect(await row.getByRole('button', { name: `ย้ายไปเครื่องใหม่ ${name}` }).count()).toBe(0);

    // Phone B tries again and is checked in as the listed person.
    await phoneB.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).click();
    await phoneB.getByText(`ลงทะเบียนแล้ว: ${name}`).waitFor();

    // Phone A learns on its next look that it is no longer checked in.
    await phoneA.getByText('เครื่องนี้ไม่ได้ลงชื่อเข้าร่วมรอบนี้แล้ว').waitFor({ timeout: 15_000 });
    expect(await phoneA.getByText(`ลงทะเบียนแล้ว: ${name}`).count()).toBe(0);
    await phoneA.screenshot({ path: join(ARTIFACTS, 'second-phone-old-phone.png'), fullPage: true });

    // The registry has one person of that name, on the list once, checked in on a phone.
    const registry = await (await expectOk(organizer.request.get(`${baseUrl()}/api/people?q=${encodeURIComponent(name)}`))).json();
    expect(registry.total).toBe(1);
    const list = await (await expectOk(organizer.request.get(`${baseUrl()}/api/sessions/${created.id}/enrolments`))).json();
    expect(list.enrolments.map((e: { person: { fullName: string }; status: string; onPhone: boolean }) => [e.person.fullName, e.status, e.onPhone])).toEqual([
      [name, 'attended', true],
    ]);
  });

  it('asks for the personal code printed on the list when the session requires one', async () => {
    const organizer = await signedIn(await desktopContext(browser), org.organizer);
    const created = await createProgramSession(organizer.request, '1.2.1', session('รุ่นทดสอบรหัสเช็กอิน', { allowWalkIns: false, requireCheckInCode: true }));
    const name = 'นายรหัสส่วนตัว ทดสอบเช็กอิน';
    await enrolNew(organizer.request, created.id, name);

    // The organizer's list shows the person's code.
    await organizer.goto(`/sessions/${created.id}`);
    await openSessionPart(organizer, 'people');
    const row = organizer
      .getByRole('list', { name: 'รายชื่อสำหรับเช็กอิน' })
      .getByRole('listitem')
      .filter({ has: organizer.getByText(name, { exact: true }) });
    const code = (await row.locator('.checkin-row__code').innerText()).trim();
    expect(code).toMatch(/^[0-9]{4}$/);

    const phone = await (await phoneContext(browser)).newPage();
    await phone.goto(`/j/${created.joinCode}`);
    const wrong = code === '0000' ? '1111' : '0000';
    await checkIn(phone, name, wrong);
    await phone.getByRole('alert').getByText('รหัสเช็กอินส่วนตัวไม่ตรงกับชื่อนี้', { exact: false }).waitFor();
    await phone.getByLabel('รหัสเช็กอินส่วนตัว (ตัวเลข 4 หลัก)').fill(code);
    await phone.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).click();
    await phone.getByText(`ลงทะเบียนแล้ว: ${name}`).waitFor();
    expect(await scrollsSideways(phone)).toBe(false);
  });

  it('tells the phone that hands in second, on a copy of the first one\'s cookie, that its answers were not the ones handed in', async () => {
    const organizer = await signedIn(await desktopContext(browser), org.organizer);
    const created = await createProgramSession(organizer.request, '1.2.1', session('รุ่นทดสอบคุกกี้สำเนา', { allowWalkIns: true }));
    await openTest(organizer.request, created, 'pre_test');
    const name = 'นายสำเนา คุกกี้ทดสอบ';

    const first = await phoneContext(browser);
    const phoneA = await first.newPage();
    await phoneA.goto(`/j/${created.joinCode}`);
    await checkIn(phoneA, name);
    await phoneA.getByText(`ลงทะเบียนแล้ว: ${name}`).waitFor();
    // The device cookie copied to another phone (a shared backup, a browser profile handed on).
    const second = await phoneContext(browser);
    await second.addCookies(await first.cookies());
    const phoneB = await second.newPage();
    await phoneB.goto(`/j/${created.joinCode}`);
    await phoneB.getByText(`ลงทะเบียนแล้ว: ${name}`).waitFor();

    // Both open the one attempt; the second phone picks another answer to the first question.
    const start = (phone: Page) =>
      phone.getByRole('region', { name: 'แบบทดสอบก่อนอบรม' }).getByRole('button', { name: /เริ่มทำแบบทดสอบ|ทำต่อ/ }).click();
    await start(phoneB);
    await phoneB.getByText(/^ข้อ 1 จาก/).waitFor();
    await phoneB.locator('input[name^="question-"]').last().check();
    await phoneB.getByText('บันทึกแล้ว').first().waitFor();

    // The first phone answers every question and hands in.
    await phoneA.reload();
    await start(phoneA);
    // It resumes at the first question nobody answered (the second phone answered the first).
    const [, at, of] = /^ข้อ (\d+) จาก (\d+)/.exec(await phoneA.getByText(/^ข้อ \d+ จาก/).innerText()) ?? [];
    const total = Number(of);
    expect(total).toBeGreaterThan(1);
    for (let n = Number(at); n <= total; n++) {
      await phoneA.getByText(`ข้อ ${n} จาก ${total}`).waitFor();
      await phoneA.locator('input[name^="question-"]').first().check();
      if (n < total) await phoneA.getByRole('button', { name: 'ถัดไป' }).click();
    }
    await phoneA.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await phoneA.getByRole('button', { name: 'ยืนยันส่งคำตอบ' }).click();
    await phoneA.getByTestId('result-score').waitFor();
    const handedIn = /ได้ [\d.]+ จาก [\d.]+ คะแนน/.exec(await phoneA.getByTestId('result-score').innerText())?.[0] as string;
    expect(handedIn).toBeDefined();

    // The second phone hands in its own answers: it is told they were not the ones handed in, not shown a result.
    for (let n = 1; n < total; n++) {
      await phoneB.getByText(`ข้อ ${n} จาก ${total}`).waitFor();
      await phoneB.getByRole('button', { name: 'ถัดไป' }).click();
    }
    await phoneB.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await phoneB.getByRole('button', { name: 'ยืนยันส่งคำตอบ' }).click();
    await phoneB.getByRole('heading', { name: 'ส่งจากโทรศัพท์เครื่องอื่นไปแล้ว' }).waitFor();
    await phoneB.getByRole('alert').getByText('คำตอบในโทรศัพท์เครื่องนี้ไม่ใช่ชุดที่ถูกส่ง', { exact: false }).waitFor();
    expect(await phoneB.getByTestId('result-score').count()).toBe(0);
    expect(await scrollsSideways(phoneB)).toBe(false);
    await phoneB.screenshot({ path: join(ARTIFACTS, 'second-phone-submitted-elsewhere.png'), fullPage: true });

    // Back on the session's page it finds the result of the hand-in that counted.
    await phoneB.getByRole('link', { name: 'กลับหน้ารอบอบรม' }).click();
    await phoneB.getByRole('region', { name: 'แบบทดสอบก่อนอบรม' }).getByText(handedIn, { exact: false }).waitFor();
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { baseUrl, createSpecOrganization, desktopContext, expectOk, launchChromium, openSessionPart, phoneContext, scrollsSideways, type SpecOrganization } from '../support/browser';
import { nextYear } from '../support/dates';

/*
 * This file works in an organization of its own: sessions of its 1.3.1 on 20 March next year (never in the past)
 * and people whose names say which test made them.
 */
const ARTIFACTS = join(__dirname, '../artifacts');
const SESSION_DAY = nextYear('03-20');
let org: SpecOrganization;
const CSV_HEADER = 'ชื่อ-นามสกุล,กลุ่ม,หมู่ที่,โรงเรียน,ช่วงอายุ,โทรศัพท์,ผู้ปกครองที่ให้ความยินยอม';

describe('enrolment: the check-in desk, importing a list, and the people registry', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('imports a CSV: each bad row is listed with its line, field and Thai reason, only the good rows come in, and only once', async () => {
    const tablet = await signedIn(await tabletContext(browser));
    const session = await scheduleSession(tablet.request, 'ค่ายเยาวชน นำเข้ารายชื่อ', 30);
    const file = csv([
      'ด.ญ. ใจดี นำเข้าหนึ่ง,เยาวชน,3,โรงเรียนบ้านพร่อน,12-14,,นางใจงาม นำเข้าหนึ่ง',
      'ด.ญ. ขาดผู้ปกครอง นำเข้า,เยาวชน,2,โรงเรียนบ้านพร่อน,12-14,,',
      'ด.ช. กล้าหาญ นำเข้าสอง,เด็กและเยาวชน,หมู่ 4,โรงเรียนบ้านพร่อน,15-17,081-234-5678,นายกล้า นำเข้าสอง',
      'นาย ผิดกลุ่ม นำเข้า,นักเรียน,1,,,,',
      'นางสาว สมใจ นำเข้าสาม,ประชาชน,5,,,,',
    ]);

    const page = await tablet.newPage();
    await page.goto(`/sessions/${session.id}`);
    await openSessionPart(page, 'people');
    const panel = enrolmentPanel(page);
    await panel.getByText('ยังไม่มีผู้ลงทะเบียน', { exact: false }).waitFor();
    await page.getByLabel('ไฟล์รายชื่อ (.csv หรือ .xlsx)').setInputFiles({ name: 'รายชื่อค่าย.csv', mimeType: 'text/csv', buffer: file });
    await page.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();

    const preview = page.getByRole('region', { name: 'ผลการตรวจสอบไฟล์' });
    await preview.getByText('ตรวจแล้ว 5 แถว: นำเข้าได้ 3 แถว มีข้อผิดพลาด 2 แถว').waitFor();
    await preview
      .getByText('แถวที่ 3 · ผู้ปกครองที่ให้ความยินยอม: ผู้เยาว์ (อายุต่ำกว่า 20 ปี) ต้องมีชื่อผู้ปกครองที่ให้ความยินยอม', { exact: true })
      .waitFor();
    await preview.getByText(/^แถวที่ 5 · กลุ่ม: ไม่รู้จักกลุ่ม "นักเรียน"/).waitFor();
    const validRows = preview.getByRole('table').getByRole('row');
    expect(await validRows.count()).toBe(1 + 3);
    for (const name of ['ด.ญ. ใจดี นำเข้าหนึ่ง', 'ด.ช. กล้าหาญ นำเข้าสอง', 'นางสาว สมใจ นำเข้าสาม']) {
      await preview.getByRole('row').filter({ hasText: name }).getByText('จะนำเข้า').waitFor();
    }
    // Checking the file changed nothing.
    expect((await enrolments(tablet.request, session.id)).enrolments).toHaveLength(0);
    await page.screenshot({ path: join(ARTIFACTS, 'enrolment-import-preview-tablet.png'), fullPage: true });

    await preview.getByRole('button', { name: 'นำเข้า 3 รายชื่อ' }).click();
    await page
      .getByRole('status')
      .getByText('ลงทะเบียนแล้ว 3 คน, รายชื่อสำรอง 0 คน, มีอยู่แล้ว 0 คน, เพิ่มในทะเบียนใหม่ 3 คน')
      .waitFor();
    const list = checkInList(page);
    await row(list, 'ด.ช. กล้าหาญ นำเข้าสอง').waitFor();
    expect(await list.getByRole('listitem').count()).toBe(3);
    expect(await list.getByText('ขาดผู้ปกครอง').count()).toBe(0);
    expect(await list.getByText('ผิดกลุ่ม').count()).toBe(0);
    const imported = await enrolments(tablet.request, session.id);
    expect(imported.counts).toMatchObject({ enrolled: 3, waitlisted: 0 });
    // The youth came in with the consent of the guardian named in the file.
    const youth = imported.enrolments.find((e) => e.person.fullName === 'ด.ญ. ใจดี นำเข้าหนึ่ง');
    expect(youth?.person.guardianConsent?.guardianName).toBe('นางใจงาม นำเข้าหนึ่ง');

    // The same file again, on a phone this time: everyone is already enrolled, so there is nothing to import.
    const phone = await (await signedIn(await phoneContext(browser))).newPage();
    await phone.goto(`/sessions/${session.id}`);
    await openSessionPart(phone, 'people');
    await row(checkInList(phone), 'ด.ญ. ใจดี นำเข้าหนึ่ง').waitFor();
    await phone.getByLabel('ไฟล์รายชื่อ (.csv หรือ .xlsx)').setInputFiles({ name: 'รายชื่อค่าย.csv', mimeType: 'text/csv', buffer: file });
    await phone.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();
    const again = phone.getByRole('region', { name: 'ผลการตรวจสอบไฟล์' });
    await again.getByText('ทุกรายชื่อที่นำเข้าได้ลงทะเบียนในรอบนี้แล้ว', { exact: false }).waitFor();
    expect(await again.getByText('ลงทะเบียนแล้ว', { exact: true }).count()).toBe(3);
    expect(await again.getByRole('button', { name: 'นำเข้า 0 รายชื่อ' }).isDisabled()).toBe(true);
    expect(await scrollsSideways(phone)).toBe(false);
    await again.scrollIntoViewIfNeeded();
    await phone.screenshot({ path: join(ARTIFACTS, 'enrolment-import-preview-phone.png') });
    expect((await enrolments(tablet.request, session.id)).enrolments).toHaveLength(3);
    expect((await registry(tablet.request, 'กล้าหาญ นำเข้าสอง')).total).toBe(1);
  });

  it('checks a person in from the list, finds a name, enrols from the registry, and shows changes made elsewhere', async () => {
    const desk = await signedIn(await desktopContext(browser));
    const session = await scheduleSession(desk.request, 'ค่ายเยาวชน เช็กอิน', 10);
    await enrol(desk.request, session.id, await addPerson(desk.request, 'นางสาวสมศรี ใจดีเช็กอิน'));
    const other = await addPerson(desk.request, 'นายสมปอง มาทีหลังเช็กอิน');
    const inRegistry = await addPerson(desk.request, 'นางมาลี จากทะเบียนเช็กอิน');
    await enrol(desk.request, session.id, other);

    const page = await desk.newPage();
    await page.goto(`/sessions/${session.id}`);
    await openSessionPart(page, 'people');
    const list = checkInList(page);
    const somsri = row(list, 'นางสาวสมศรี ใจดีเช็กอิน');
    await somsri.getByText('ลงทะเบียนแล้ว', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'เช็กอิน นางสาวสมศรี ใจดีเช็กอิน', exact: true }).click();
    await somsri.getByText('มาแล้ว', { exact: true }).waitFor();
    await somsri.getByText(/^เช็กอิน \d{2}:\d{2} น\./).waitFor();
    await countOf(page, 'มาแล้ว').getByText('1', { exact: true }).waitFor();
    // The session's own figure in the header follows.
    await page.getByText('เข้าอบรม 1 จาก 10 ที่นั่ง').waitFor();
    // A check-in by mistake is taken back.
    await page.getByRole('button', { name: 'ยกเลิกเช็กอิน นางสาวสมศรี ใจดีเช็กอิน' }).click();
    await somsri.getByText('ลงทะเบียนแล้ว', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'เช็กอิน นางสาวสมศรี ใจดีเช็กอิน', exact: true }).click();
    await somsri.getByText('มาแล้ว', { exact: true }).waitFor();

    // The filter box keeps only the names that match.
    await page.getByLabel('ค้นหาชื่อ').fill('สมปอง');
    await row(list, 'นายสมปอง มาทีหลังเช็กอิน').waitFor();
    expect(await list.getByRole('listitem').count()).toBe(1);
    await page.getByLabel('ค้นหาชื่อ').fill('');

    // Someone already in the registry is found by part of the name and enrolled.
    await page.getByLabel('ค้นหาในทะเบียน').fill('มาลี จากทะเบียน');
    await page.getByRole('button', { name: 'ลงทะเบียน นางมาลี จากทะเบียนเช็กอิน' }).click();
    await row(list, 'นางมาลี จากทะเบียนเช็กอิน').getByText('ลงทะเบียนแล้ว', { exact: true }).waitFor();
    expect((await enrolments(desk.request, session.id)).enrolments.map((e) => e.person.id)).toContain(inRegistry);

    // Another organizer checks someone in at the door: this page shows it within a poll, without a reload.
    await markPage(page);
    const theirs = (await enrolments(desk.request, session.id)).enrolments.find((e) => e.person.id === other);
    await expectOk(desk.request.patch(`${baseUrl()}/api/enrolments/${theirs?.id}`, { data: { status: 'attended' } }));
    await row(list, 'นายสมปอง มาทีหลังเช็กอิน').getByText('มาแล้ว', { exact: true }).waitFor({ timeout: 15000 });
    expect(await pageWasKept(page)).toBe(true);
  });

  it('puts the third of three people on a two-seat session on the waitlist and promotes them when a seated person withdraws', async () => {
    const desk = await signedIn(await desktopContext(browser));
    const session = await scheduleSession(desk.request, 'ค่ายเยาวชน รายชื่อสำรอง', 2);
    await enrol(desk.request, session.id, await addPerson(desk.request, 'ก ที่นั่งแรกสำรอง'));
    await enrol(desk.request, session.id, await addPerson(desk.request, 'ข ที่นั่งสองสำรอง'));
    await addPerson(desk.request, 'ค คนที่สามสำรอง');

    const page = await desk.newPage();
    await page.goto(`/sessions/${session.id}`);
    await openSessionPart(page, 'people');
    const list = checkInList(page);
    await row(list, 'ข ที่นั่งสองสำรอง').waitFor();
    await page.getByLabel('ค้นหาในทะเบียน').fill('คนที่สามสำรอง');
    await page.getByRole('button', { name: 'ลงทะเบียน ค คนที่สามสำรอง' }).click();
    const third = row(list, 'ค คนที่สามสำรอง');
    await third.getByText('สำรองลำดับที่ 1', { exact: true }).waitFor();
    await countOf(page, 'รายชื่อสำรอง').getByText('1', { exact: true }).waitFor();
    await countOf(page, 'ที่นั่ง').getByText('2 / 2', { exact: true }).waitFor();

    await markPage(page);
    await page.getByRole('button', { name: 'ถอนตัว ก ที่นั่งแรกสำรอง' }).click();
    await row(list, 'ก ที่นั่งแรกสำรอง').getByText('ถอนตัว', { exact: true }).waitFor();
    await third.getByText('ลงทะเบียนแล้ว', { exact: true }).waitFor();
    expect(await third.getByText('สำรองลำดับที่', { exact: false }).count()).toBe(0);
    await countOf(page, 'รายชื่อสำรอง').getByText('0', { exact: true }).waitFor();
    expect(await pageWasKept(page)).toBe(true);
  });

  it('works on a tablet by touch: large buttons, one row per person, nothing off the side', async () => {
    const tablet = await signedIn(await tabletContext(browser));
    const session = await scheduleSession(tablet.request, 'ค่ายเยาวชน แท็บเล็ต', 40);
    const names = ['ด.ญ. แก้วตา แท็บเล็ต', 'ด.ช. ภูผา แท็บเล็ต', 'นางสาวปิ่นมณี แท็บเล็ต'];
    for (const name of names) await enrol(tablet.request, session.id, await addPerson(tablet.request, name));

    const page = await tablet.newPage();
    await page.goto(`/sessions/${session.id}`);
    await openSessionPart(page, 'people');
    const list = checkInList(page);
    const first = row(list, names[0]);
    await first.waitFor();
    await first.scrollIntoViewIfNeeded();
    for (const button of await list.getByRole('button').all()) {
      const box = await button.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(48);
      expect(box?.width).toBeGreaterThanOrEqual(48);
    }
    // At 1024 px the name and its buttons share one line.
    const nameBox = await first.getByText(names[0], { exact: true }).boundingBox();
    const buttonBox = await first.getByRole('button', { name: `เช็กอิน ${names[0]}`, exact: true }).boundingBox();
    expect(Math.abs((nameBox?.y ?? 0) - (buttonBox?.y ?? 999))).toBeLessThan(60);

    await first.getByRole('button', { name: `เช็กอิน ${names[0]}`, exact: true }).tap();
    await first.getByText('มาแล้ว', { exact: true }).waitFor();
    await row(list, names[1]).getByRole('button', { name: `ขาด ${names[1]}` }).tap();
    await row(list, names[1]).getByText('ขาด', { exact: true }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await enrolmentPanel(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'enrolment-checkin-tablet.png') });

    const phone = await (await signedIn(await phoneContext(browser))).newPage();
    await phone.goto(`/sessions/${session.id}`);
    await openSessionPart(phone, 'people');
    await row(checkInList(phone), names[2]).waitFor();
    expect(await scrollsSideways(phone)).toBe(false);
    await phone.screenshot({ path: join(ARTIFACTS, 'enrolment-checkin-phone.png'), fullPage: true });
  });

  it('adds a youth with guardian consent on /people, warns of a duplicate, erases on request, and fits a phone', async () => {
    const desk = await signedIn(await desktopContext(browser));
    const page = await desk.newPage();
    await page.goto('/programs');
    await page.getByRole('link', { name: 'ทะเบียนผู้เข้าอบรม' }).click();
    await page.waitForURL('**/people');
    await page.getByText('ไม่เก็บเลขประจำตัวประชาชน', { exact: false }).waitFor();

    const form = page.getByRole('form', { name: 'เพิ่มผู้เข้าอบรมในทะเบียน' });
    // School, age band and guardian are asked of youth only.
    await form.getByLabel('กลุ่ม', { exact: true }).selectOption('citizen');
    expect(await form.getByLabel('โรงเรียน').count()).toBe(0);
    await form.getByLabel('ชื่อ-นามสกุล').fill('ด.ญ. ทะเบียน ยินยอมแล้ว');
    await form.getByLabel('กลุ่ม', { exact: true }).selectOption('youth');
    await form.getByLabel('หมู่ที่').fill('7');
    await form.getByLabel('โรงเรียน').fill('โรงเรียนบ้านพร่อน');
    await form.getByLabel('ช่วงอายุ').selectOption('12_14');
    await form.getByLabel('โทรศัพท์ (ไม่บังคับ)').fill('0812345678');
    await form.getByRole('button', { name: 'เพิ่มในทะเบียน' }).click();
    await form.getByText('ผู้เยาว์ (อายุต่ำกว่า 20 ปี) ต้องมีชื่อผู้ปกครองที่ให้ความยินยอม').waitFor();
    await form.getByLabel('ชื่อผู้ปกครองที่ให้ความยินยอม').fill('นางผู้ปกครอง ยินยอมแล้ว');
    await form.getByRole('button', { name: 'เพิ่มในทะเบียน' }).click();
    await page.getByRole('status').getByText('เพิ่ม ด.ญ. ทะเบียน ยินยอมแล้ว ในทะเบียนแล้ว').waitFor();

    await page.getByLabel('ค้นหาชื่อ').fill('ทะเบียน ยินยอม');
    await page.getByText('พบ 1 คน', { exact: true }).waitFor();
    const entry = page.getByRole('list', { name: 'รายชื่อในทะเบียน' }).getByRole('listitem');
    await entry.getByText('ผู้ปกครองยินยอม: นางผู้ปกครอง ยินยอมแล้ว').waitFor();
    await entry.getByText('ผู้เยาว์', { exact: true }).waitFor();
    expect(await entry.getByText('เด็กและเยาวชน · หมู่ที่ 7 · โรงเรียนบ้านพร่อน · 12–14 ปี').count()).toBe(1);

    // The same child added again (the title left off): the registry warns it may be the same person.
    await form.getByLabel('ชื่อ-นามสกุล').fill('ทะเบียน ยินยอมแล้ว');
    await form.getByLabel('กลุ่ม', { exact: true }).selectOption('youth');
    await form.getByLabel('หมู่ที่').fill('7');
    await form.getByLabel('ช่วงอายุ').selectOption('12_14');
    await form.getByLabel('ชื่อผู้ปกครองที่ให้ความยินยอม').fill('นางผู้ปกครอง ยินยอมแล้ว');
    await form.getByRole('button', { name: 'เพิ่มในทะเบียน' }).click();
    const warning = page.getByRole('alert').filter({ hasText: 'อาจเป็นคนเดียวกัน' });
    await warning.getByText('ด.ญ. ทะเบียน ยินยอมแล้ว', { exact: true }).waitFor();
    await page.getByText('พบ 2 คน', { exact: true }).waitFor();
    expect(await entry.count()).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS, 'enrolment-people-desktop.png'), fullPage: true });

    // Erasure on request asks once more, says it cannot be undone, and then the name is gone.
    const second = entry.filter({ has: page.getByText('ทะเบียน ยินยอมแล้ว', { exact: true }) });
    await second.getByRole('button', { name: 'ลบข้อมูลตามคำขอ (PDPA) ทะเบียน ยินยอมแล้ว' }).click();
    await second.getByText('กู้คืนไม่ได้', { exact: false }).waitFor();
    await second.getByRole('button', { name: 'ยืนยันลบข้อมูลถาวร' }).click();
    await page.getByRole('status').getByText('ลบข้อมูลแล้ว', { exact: false }).waitFor();
    await second.waitFor({ state: 'detached' });
    expect(await entry.count()).toBe(1);
    expect((await registry(desk.request, 'ทะเบียน ยินยอมแล้ว')).total).toBe(1);

    const phone = await (await signedIn(await phoneContext(browser))).newPage();
    await phone.goto('/people');
    await phone.getByLabel('ค้นหาชื่อ').fill('ทะเบียน ยินยอม');
    await phone.getByText('พบ 1 คน', { exact: true }).waitFor();
    await phone.getByText('ผู้ปกครองยินยอม: นางผู้ปกครอง ยินยอมแล้ว').waitFor();
    expect(await scrollsSideways(phone)).toBe(false);
    await phone.screenshot({ path: join(ARTIFACTS, 'enrolment-people-phone.png'), fullPage: true });
  });
});

interface EnrolmentListBody {
  enrolments: { id: string; status: string; person: { id: string; fullName: string; guardianConsent: { guardianName: string } | null } }[];
  counts: Record<string, number>;
}

/** A tablet held at the door: 1024×768, touch. */
function tabletContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1024, height: 768 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
  });
}

/** The file's organizer, signed in through the context's own request client, which shares its cookies with the pages. */
async function signedIn(context: BrowserContext): Promise<BrowserContext> {
  await expectOk(context.request.post(`${baseUrl()}/api/auth/login`, { data: org.organizer }));
  return context;
}

/** A session of the file's 1.3.1, on its day next year. */
async function scheduleSession(api: APIRequestContext, title: string, capacity: number): Promise<{ id: string }> {
  const programs = await (await expectOk(api.get(`${baseUrl()}/api/programs`))).json();
  const program = programs.programs.find((p: { code: string }) => p.code === '1.3.1');
  const response = await expectOk(
    api.post(`${baseUrl()}/api/sessions`, {
      data: {
        programId: program.id,
        title,
        startsAt: `${SESSION_DAY}T09:00:00+07:00`,
        endsAt: `${SESSION_DAY}T15:00:00+07:00`,
        venue: 'หอประชุม อบต.พร่อน',
        capacity,
      },
    }),
  );
  return response.json();
}

async function addPerson(api: APIRequestContext, fullName: string): Promise<string> {
  const response = await expectOk(api.post(`${baseUrl()}/api/people`, { data: { fullName, group: 'citizen' } }));
  return (await response.json()).person.id;
}

async function enrol(api: APIRequestContext, sessionId: string, personId: string): Promise<void> {
  await expectOk(api.post(`${baseUrl()}/api/sessions/${sessionId}/enrolments`, { data: { personId } }));
}

async function enrolments(api: APIRequestContext, sessionId: string): Promise<EnrolmentListBody> {
  return (await expectOk(api.get(`${baseUrl()}/api/sessions/${sessionId}/enrolments`))).json();
}

async function registry(api: APIRequestContext, q: string): Promise<{ total: number }> {
  return (await expectOk(api.get(`${baseUrl()}/api/people?q=${encodeURIComponent(q)}`))).json();
}

/** A CSV as Excel saves it: UTF-8 with a BOM, CRLF line ends. */
function csv(rows: string[]): Buffer {
  return Buffer.from(`\ufeff${[CSV_HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');
}

function enrolmentPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'รายชื่อผู้ลงทะเบียน' });
}

function checkInList(page: Page): Locator {
  return page.getByRole('list', { name: 'รายชื่อสำหรับเช็กอิน' });
}

/** One person's row on the check-in list. */
function row(list: Locator, name: string): Locator {
  return list.getByRole('listitem').filter({ has: list.page().getByText(name, { exact: true }) });
}

/** One figure of the counts above the list, by its label. */
function countOf(page: Page, label: string): Locator {
  return enrolmentPanel(page).locator('.enrolment-counts__item').filter({ has: page.getByText(label, { exact: true }) });
}

/** Marks the page's window; the mark survives only if the page is never reloaded. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { keptOpen?: boolean }).keptOpen = true;
  });
}

function pageWasKept(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { keptOpen?: boolean }).keptOpen === true);
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { request as playwrightRequest } from 'playwright-core';
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
import { nextYear } from '../support/dates';

/* This file works in an organization of its own: a session of its 1.1.2 on 9 July next year, whose certificates it prints and checks. */
const ARTIFACTS = join(__dirname, '../artifacts');
const VALID_NAME = 'นางสาวเกียรติ ยืนยันได้';
const REVOKED_NAME = 'นายถอน เกียรติบัตร';

describe('certificates: the session page prints them, a phone checks them by code', () => {
  let browser: Browser;
  let org: SpecOrganization;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('downloads and withdraws on the session page, and the public page at 390×844 says valid, revoked or not found', async () => {
    const desktop = await desktopContext(browser);
    const organizer = await signedIn(desktop, org.organizer);
    const session = await createProgramSession(desktop.request, '1.1.2', {
      capacity: 30,
      title: 'จริยธรรม รุ่นเกียรติบัตร',
      startsAt: `${nextYear('07-09')}T09:00:00+07:00`,
      endsAt: `${nextYear('07-09')}T16:00:00+07:00`,
      venue: 'ห้องประชุม อบต.',
    });
    // Two walk-ins join (and so check in) from their phones.
    for (const fullName of [VALID_NAME, REVOKED_NAME]) {
      const phone = await playwrightRequest.newContext({ baseURL: baseUrl() });
      await expectOk(phone.post(`/api/join/${session.joinCode}`, { data: { fullName, group: 'staff' } }));
      await phone.dispose();
    }

    await organizer.goto(`/sessions/${session.id}`);
    await openSessionPart(organizer, 'people');
    const part = organizer.getByRole('region', { name: 'เกียรติบัตร', exact: true });
    await part.getByText('ผู้ที่ลงชื่อเข้าร่วม (เช็กอิน) รอบอบรมนี้ได้รับเกียรติบัตร', { exact: false }).waitFor();
    const download = organizer.waitForEvent('download');
    await part.getByRole('link', { name: `ดาวน์โหลดเกียรติบัตรของ ${VALID_NAME}` }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^เกียรติบัตร-[A-Z0-9]{12}\.pdf$/);
    await part.getByRole('link', { name: 'ดาวน์โหลดเกียรติบัตรทั้งรอบ (PDF, 2 คน)' }).waitFor();
    // After the download the list shows the issued code.
    await organizer.reload();
    await part.getByText(/ออกแล้ว รหัส [A-Z0-9]{12}/).first().waitFor();

    // Withdraw the other's (issued by the whole session's file first).
    await expectOk(desktop.request.get(`${baseUrl()}/api/sessions/${session.id}/certificates.pdf`));
    await organizer.reload();
    await part.getByRole('button', { name: `เพิกถอนเกียรติบัตรของ ${REVOKED_NAME}` }).click();
    await part.getByLabel('เหตุผลที่เพิกถอน').fill('ออกให้ผิดคน');
    await part.getByRole('button', { name: 'ยืนยันการเพิกถอน' }).click();
    await part.getByText('ผู้จัดการอบรมเพิกถอน', { exact: false }).waitFor();

    const list = await (await expectOk(desktop.request.get(`${baseUrl()}/api/sessions/${session.id}/certificates`))).json();
    const codeOf = (name: string) => list.people.find((p: { fullName: string }) => p.fullName === name).certificate.code as string;
    await desktop.close();

    const phone = await phoneContext(browser);
    const page = await phone.newPage();
    await page.goto(`/verify/${codeOf(VALID_NAME)}`);
    await page.getByText('เกียรติบัตรนี้ถูกต้อง', { exact: true }).waitFor();
    await page.getByText(VALID_NAME, { exact: true }).waitFor();
    await page.getByText(org.name, { exact: true }).waitFor();
    await page.getByText(/^\d{1,2} กรกฎาคม 25\d\d$/).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    // Green for valid, red for revoked.
    expect(await page.getByRole('status').evaluate((card) => getComputedStyle(card).borderLeftColor)).toBe('rgb(27, 127, 59)');
    await page.screenshot({ path: join(ARTIFACTS, 'certificate-verify-valid.png'), fullPage: true });

    await page.goto(`/verify/${codeOf(REVOKED_NAME)}`);
    await page.getByText(/^ถูกเพิกถอน เมื่อ \d{1,2} \S+ 25\d\d$/).waitFor();
    expect(await page.getByText(REVOKED_NAME).count()).toBe(0);
    expect(await page.getByRole('status').evaluate((card) => getComputedStyle(card).borderLeftColor)).toBe('rgb(179, 38, 30)');
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'certificate-verify-revoked.png'), fullPage: true });

    await page.goto('/verify/ACDEFGHJKMNP');
    await page.getByText('ไม่พบเกียรติบัตร', { exact: false }).waitFor();
    await phone.close();
  });
});

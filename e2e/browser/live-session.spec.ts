import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { APIRequestContext, Browser, Page, request as playwrightRequest } from 'playwright-core';
import {
  baseUrl,
  createProgramSession,
  createSpecOrganization,
  decodeQr,
  expectOk,
  launchChromium,
  publicUrl,
  scrollsSideways,
  signedIn,
  type CreatedSession,
  type SpecOrganization,
} from '../support/browser';
import { seriousAxeViolations } from '../support/axe';
import { nextYear } from '../support/dates';

const ARTIFACTS = join(__dirname, '../artifacts');

/** This file's session, in an organization of its own: 1.1.1 on 14 July next year. */
const SESSION = {
  title: 'รุ่นทดสอบจอโปรเจกเตอร์',
  startsAt: `${nextYear('07-14')}T09:00:00+07:00`,
  endsAt: `${nextYear('07-14')}T16:00:00+07:00`,
  venue: 'หอประชุม ทดสอบจอสด',
  capacity: 40,
};

/** A phone as the server sees it: its own cookies, through the same join API the trainee's pages call. */
interface Phone {
  request: APIRequestContext;
  attemptId?: string;
}

/**
 * The projector screen at 1280×720: the join code and a QR code that reads as the join link, and counts that follow
 * 20 phones (request contexts, not browsers) as they check in, start and hand in the pre- and post-test.
 */
describe('the live session on a projector', () => {
  let browser: Browser;
  let org: SpecOrganization;
  const phones: Phone[] = [];
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await Promise.all(phones.map((p) => p.request.dispose()));
    await browser?.close();
  });

  const testId = (session: CreatedSession, kind: string) => session.assessments.find((a) => a.kind === kind)?.id as string;
  const start = (session: CreatedSession, phone: Phone, kind: string) =>
    expectOk(phone.request.post(`/api/join/${session.joinCode}/assessments/${testId(session, kind)}/attempt`, { data: { attemptNumber: 1 } }))
      .then((r) => r.json())
      .then((attempt: { id: string }) => {
        phone.attemptId = attempt.id;
      });
  const submit = (session: CreatedSession, phone: Phone) =>
    expectOk(
      phone.request.post(`/api/join/${session.joinCode}/attempts/${phone.attemptId}/submit`, {
        headers: { 'Idempotency-Key': randomUUID() },
        data: { answers: {} },
      }),
    );
  /** Waits until the figure reads exactly `n` (the page asks again every two seconds). */
  const figure = (page: Page, testIdName: string, n: number) =>
    page.locator(`[data-testid="${testIdName}"]`, { hasText: new RegExp(`^${n}$`) }).waitFor({ timeout: 15_000 });

  it('shows the code and a QR code of the join link, and follows 20 phones through both tests', async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1280, height: 720 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
    const page = await signedIn(context, org.organizer);
    const session = await createProgramSession(page.request, '1.1.1', SESSION);

    await page.goto(`/sessions/${session.id}`);
    await page.getByRole('link', { name: 'หน้าจอสำหรับโปรเจกเตอร์' }).click();
    await page.waitForURL(`**/sessions/${session.id}/live`);

    // The code, in type at least 12 % of the screen's height, and a QR code most of the height that reads as the link.
    const code = page.getByTestId('live-join-code');
    expect(await code.textContent()).toBe(session.joinCode);
    const codePx = await code.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(codePx).toBeGreaterThanOrEqual(0.12 * 720);
    const qr = page.getByRole('img', { name: /คิวอาร์โค้ด/ });
    await qr.waitFor();
    expect(decodeQr(await qr.getAttribute('src'))).toBe(`${publicUrl()}/j/${session.joinCode}`);
    const qrBox = await qr.boundingBox();
    expect(qrBox?.height).toBeGreaterThanOrEqual(0.6 * 720);
    // All of it on the one screen: code, QR and the three count tiles without scrolling.
    for (const testIdName of ['live-join-code', 'live-qr', 'live-checked-in', 'live-pre_test', 'live-post_test']) {
      const box = await page.getByTestId(testIdName).boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 720 && box.x + box.width <= 1280).toBe(true);
    }
    expect(await scrollsSideways(page)).toBe(false);
    await figure(page, 'live-checked-in', 0);

    // The organizer opens the pre-test from the projector.
    const pre = page.getByTestId('live-pre_test');
    const post = page.getByTestId('live-post_test');
    await pre.getByRole('button', { name: 'เปิดแบบทดสอบ' }).click();
    await pre.getByText('เปิดอยู่').waitFor();

    // 20 phones check in; all start the pre-test, 15 hand it in.
    for (let i = 0; i < 20; i++) phones.push({ request: await playwrightRequest.newContext({ baseURL: baseUrl() }) });
    await Promise.all(
      phones.map((phone, i) =>
        expectOk(phone.request.post(`/api/join/${session.joinCode}`, { data: { fullName: `ผู้เข้าอบรมจอสด ${i + 1}`, group: 'council_member' } })),
      ),
    );
    await figure(page, 'live-checked-in', 20);
    await Promise.all(phones.map((phone) => start(session, phone, 'pre_test')));
    await figure(page, 'live-pre_test-started', 20);
    await Promise.all(phones.slice(0, 15).map((phone) => submit(session, phone)));
    await figure(page, 'live-pre_test-submitted', 15);
    await figure(page, 'live-post_test-started', 0);

    // Opening the post-test while the pre-test is open asks first, and says 5 are still answering.
    await post.getByRole('button', { name: 'เปิดแบบทดสอบ' }).click();
    const ask = post.getByRole('alertdialog');
    await ask.getByText('แบบทดสอบก่อนอบรมยังเปิดอยู่').waitFor();
    await ask.getByText('ยังมีผู้ที่ทำแบบทดสอบก่อนอบรมค้างอยู่ 5 คน').waitFor();
    await ask.getByRole('button', { name: 'ยังไม่เปิด' }).click();
    expect(await post.getByText('ยังไม่เปิด', { exact: true }).count()).toBe(1);

    // Closing the pre-test asks with the existing confirmation; the 5 unfinished are handed in for them.
    await pre.getByRole('button', { name: 'ปิดแบบทดสอบ' }).click();
    await pre.getByRole('alertdialog').getByText('ยังมีผู้ที่ทำค้างอยู่ 5 คน').waitFor();
    await pre.getByRole('button', { name: 'ยืนยันปิด' }).click();
    await pre.getByText('ปิดแล้ว').waitFor();
    await figure(page, 'live-pre_test-submitted', 20);

    // With the pre-test closed, the post-test opens at once; 20 start, 8 hand in.
    await post.getByRole('button', { name: 'เปิดแบบทดสอบ' }).click();
    await post.getByText('เปิดอยู่').waitFor();
    expect(await post.getByRole('alertdialog').count()).toBe(0);
    await Promise.all(phones.map((phone) => start(session, phone, 'post_test')));
    await Promise.all(phones.slice(0, 8).map((phone) => submit(session, phone)));
    await figure(page, 'live-post_test-started', 20);
    await figure(page, 'live-post_test-submitted', 8);
    await figure(page, 'live-checked-in', 20);
    await page.screenshot({ path: join(ARTIFACTS, 'live-session-1280x720.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The same screen on a 390 px phone: one column, nothing wider than the screen, the code still whole.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await scrollsSideways(page)).toBe(false);
    expect(await code.textContent()).toBe(session.joinCode);
    const phoneCode = await code.evaluate((el) => ({ width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height, font: parseFloat(getComputedStyle(el).fontSize) }));
    // On one line and within the screen.
    expect(phoneCode.height).toBeLessThan(phoneCode.font * 1.5);
    expect(phoneCode.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTIFACTS, 'live-session-390.png'), fullPage: true });
    await context.close();
  });

  it('asks before opening the post-test while the pre-test is open, and opens it when told to', async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1280, height: 720 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
    const page = await signedIn(context, org.organizer);
    const session = await createProgramSession(page.request, '1.1.1', { ...SESSION, title: 'รุ่นทดสอบจอสด 2', venue: 'หอประชุม ทดสอบจอสด 2' });
    await expectOk(page.request.post(`/api/assessments/${testId(session, 'pre_test')}/open`));
    await page.goto(`/sessions/${session.id}/live`);
    const post = page.getByTestId('live-post_test');
    await post.getByRole('button', { name: 'เปิดแบบทดสอบ' }).click();
    const ask = post.getByRole('alertdialog');
    await ask.getByText('แบบทดสอบก่อนอบรมยังเปิดอยู่ เปิดแบบทดสอบหลังอบรมเลยหรือไม่?').waitFor();
    await ask.getByText('ไม่มีผู้ที่ทำแบบทดสอบก่อนอบรมค้างอยู่', { exact: false }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await ask.getByRole('button', { name: 'เปิดแบบทดสอบหลังอบรม' }).click();
    await post.getByText('เปิดอยู่').waitFor();
    await page.getByTestId('live-pre_test').getByText('เปิดอยู่').waitFor();
    await context.close();
  });
});

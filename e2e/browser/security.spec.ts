import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  baseUrl,
  createProgramSession,
  createSpecOrganization,
  desktopContext,
  launchChromium,
  openTest,
  phoneContext,
  signedIn,
  type SpecOrganization,
} from '../support/browser';

declare global {
  interface Window {
    /** What the page's CSP blocked, collected from the start of every document. */
    __cspViolations?: string[];
  }
}

/**
 * The built app under its own Content Security Policy in a real browser: the login page, the staff pages
 * (with the QR code, a `data:` image), the printable attendance sheet and the trainee's phone, each without a
 * single CSP violation. Also what main.ts really answers for a body it cannot read (it used to be a 404).
 */
describe('the app under its security headers', () => {
  let browser: Browser;
  // An organization of the file's own, with the template's programs.
  let org: SpecOrganization;
  beforeAll(async () => {
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  /** Every page of the context reports CSP violations, from events and from the console. */
  async function watched(context: BrowserContext): Promise<{ context: BrowserContext; violations: string[]; pages: Page[] }> {
    const violations: string[] = [];
    const pages: Page[] = [];
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`);
      });
    });
    context.on('page', (page) => {
      pages.push(page);
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
    });
    return { context, violations, pages };
  }

  /** The violations of a context: console messages, and the events each open page recorded. */
  async function violationsOf(watch: { violations: string[]; pages: Page[] }): Promise<string[]> {
    const recorded = await Promise.all(watch.pages.filter((p) => !p.isClosed()).map((p) => p.evaluate(() => window.__cspViolations ?? [])));
    return [...watch.violations, ...recorded.flat()];
  }

  it('shows the login page, the staff pages and the trainee phone without a CSP violation', async () => {
    const desk = await watched(await desktopContext(browser));
    const login = await desk.context.newPage();
    const document = await login.goto('/login');
    const csp = document?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(document?.headers()['x-content-type-options']).toBe('nosniff');
    expect(document?.headers()['x-powered-by']).toBeUndefined();
    await login.getByLabel('อีเมล').waitFor();
    expect(await violationsOf(desk)).toEqual([]);
    await login.close();

    // Staff: the programs, a session with its QR code, the question bank, the printable attendance sheet.
    const organizer = await signedIn(desk.context, org.organizer);
    await organizer.waitForURL('**/programs');
    await organizer.getByText('1.1.2').first().waitFor();
    const day = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const session = await createProgramSession(desk.context.request, '1.1.2', {
      title: 'รุ่นตรวจนโยบายความปลอดภัย',
      startsAt: `${day}T09:00:00+07:00`,
      endsAt: `${day}T12:00:00+07:00`,
      venue: 'ห้องประชุม อบต.',
      capacity: 30,
    });
    await organizer.goto(`/sessions/${session.id}`);
    const qr = organizer.getByRole('img', { name: /คิวอาร์โค้ด/ });
    await qr.waitFor();
    expect(await qr.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
    await organizer.goto(`/programs/${session.programId}/questions`);
    await organizer.getByRole('heading').first().waitFor();
    await organizer.getByText(/ข้อ|คำถาม/).first().waitFor();
    await organizer.goto(`/api/sessions/${session.id}/attendance-sheet.html`);
    await organizer.getByRole('button').first().waitFor();
    expect(await violationsOf(desk)).toEqual([]);

    // Trainee: joins on a phone, registers as a walk-in, starts the pre-test and answers on the question screen.
    await openTest(desk.context.request, session, 'pre_test');
    const phoneWatch = await watched(await phoneContext(browser));
    const phone = await phoneWatch.context.newPage();
    await phone.goto(`/j/${session.joinCode}`);
    await phone.getByLabel('ชื่อ-นามสกุล').fill('สมปอง ปลอดภัย');
    await phone.getByLabel('กลุ่ม').selectOption('staff');
    await phone.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).click();
    await phone.getByRole('button', { name: 'เริ่มทำแบบทดสอบ' }).click({ timeout: 20000 });
    await phone.getByText(/ข้อ\s*1\s*จาก/).waitFor();
    await phone.locator('input[name^="question-"]').first().check();
    await phone.getByRole('button', { name: 'ถัดไป' }).click();
    await phone.getByText(/ข้อ\s*2\s*จาก/).waitFor();
    expect(await violationsOf(phoneWatch)).toEqual([]);
    await desk.context.close();
    await phoneWatch.context.close();
  });

  it('answers malformed JSON with 400 and an oversized body with 413 from the real server (they were 404s)', async () => {
    const context = await desktopContext(browser);
    const malformed = await context.request.post(`${baseUrl()}/api/auth/login`, { headers: { 'Content-Type': 'application/json' }, data: '{"email": ' });
    expect(malformed.status()).toBe(400);
    expect(await malformed.json()).toEqual({ code: 'VALIDATION_FAILED', message: 'ข้อมูลที่ส่งไม่ใช่ JSON ที่ถูกต้อง' });
    const large = await context.request.post(`${baseUrl()}/api/auth/login`, {
      headers: { 'Content-Type': 'application/json' },
      data: JSON.stringify({ email: 'x'.repeat(5 * 1024 * 1024) }),
    });
    expect(large.status()).toBe(413);
    expect((await large.json()).code).toBe('PAYLOAD_TOO_LARGE');
    await context.close();
  });
});

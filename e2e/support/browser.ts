import { CHROMIUM_ARGS } from '@sujarit/api/pdf/pdf-printer';
import { hashPassword } from '@sujarit/api/auth/password';
import { randomUUID } from 'node:crypto';
import jsQR from 'jsqr';
import { Client } from 'pg';
import { PNG } from 'pngjs';
import { APIRequestContext, Browser, BrowserContext, chromium, Locator, Page, request as playwrightRequest } from 'playwright-core';
import { DEMO_TEMPLATE_ID } from '@sujarit/api/seed/demo-organization.seed';
import { fiscalYearOf } from '@sujarit/domain';
import { type Credentials, demoAccount } from './demo-accounts';

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export function baseUrl(): string {
  const url = process.env.SUJARIT_BASE_URL;
  if (!url) throw new Error('SUJARIT_BASE_URL is not set: run through e2e/jest.browser.config.js');
  return url;
}

/** The PUBLIC_URL the app was started with: join links and QR codes point there. */
export function publicUrl(): string {
  const url = process.env.SUJARIT_PUBLIC_URL;
  if (!url) throw new Error('SUJARIT_PUBLIC_URL is not set: run through e2e/jest.browser.config.js');
  return url;
}

/** A phone as trainees hold them: 390×844, touch, Thai locale, Bangkok time. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
  });
}

export function desktopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl(), viewport: { width: 1280, height: 800 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
}

/** The fonts Chromium really drew an element's text with (not just what CSS asked for). */
export async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => f.familyName);
}

/** True when the page is wider than the screen (a phone user would have to scroll sideways). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** The demo accounts (README), with the new passwords browser global setup chose at their first sign-in. */
export const DEMO_ORGANIZER = demoAccount('organizer');
export const DEMO_MANAGER = demoAccount('manager');

/** A page in the context, signed in through the login form as a person would. */
export async function signedIn(context: BrowserContext, user: { email: string; password: string }): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('อีเมล').fill(user.email);
  await page.getByLabel('รหัสผ่าน').fill(user.password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

/** The response, or the test fails with the status and the body the server sent. */
export async function expectOk<T extends { ok(): boolean; status(): number; text(): Promise<string> }>(pending: Promise<T>): Promise<T> {
  const response = await pending;
  if (!response.ok()) throw new Error(`HTTP ${response.status()}: ${await response.text()}`);
  return response;
}

export interface CreatedSession {
  id: string;
  programId: string;
  joinCode: string;
  fiscalYear: number;
  assessments: { id: string; kind: string; title: string }[];
}

/** The session's test of that kind, opened to trainees through the API with the request's sign-in. */
export async function openTest(request: APIRequestContext, session: Pick<CreatedSession, 'assessments'>, kind: 'pre_test' | 'post_test' | 'survey') {
  const test = session.assessments.find((a) => a.kind === kind);
  if (!test) throw new Error(`the session has no ${kind}`);
  await expectOk(request.post(`${baseUrl()}/api/assessments/${test.id}/open`));
  return test;
}

/** A session of the program with that code, made through the API with the request context's sign-in. */
export async function createProgramSession(
  request: APIRequestContext,
  programCode: string,
  session: { title: string; startsAt: string; endsAt: string; venue: string; capacity: number; [field: string]: unknown },
): Promise<CreatedSession> {
  const programs = await (await expectOk(request.get(`${baseUrl()}/api/programs`))).json();
  const program = (programs.programs as { id: string; code: string }[]).find((p) => p.code === programCode);
  if (!program) throw new Error(`no program ${programCode}`);
  return (await expectOk(request.post(`${baseUrl()}/api/sessions`, { data: { programId: program.id, ...session } }))).json();
}

/** The parts of the organizer's session page, by the names of their tabs. */
export const SESSION_PART = { overview: 'ภาพรวม', people: 'ผู้เข้าอบรม', tests: 'แบบทดสอบ', money: 'งบประมาณ' } as const;

/** Opens a part of the session page by its tab, as a person would, and returns that part once it shows. */
export async function openSessionPart(page: Page, part: keyof typeof SESSION_PART): Promise<Locator> {
  const name = SESSION_PART[part];
  await page.getByRole('tablist', { name: 'ส่วนของหน้ารอบอบรม' }).getByRole('tab', { name, exact: true }).click();
  const panel = page.getByRole('tabpanel', { name, exact: true });
  await panel.waitFor();
  return panel;
}

/**
 * Types a date and a time into a date-and-time field (its legend names it): the date as given (ISO, or d/m/yyyy
 * in พ.ศ.), the time as HH:MM.
 */
export async function fillDateTime(scope: Locator, legend: string, date: string, time: string): Promise<void> {
  const field = scope.getByRole('group', { name: legend, exact: true });
  await field.getByLabel('วันที่', { exact: true }).fill(date);
  await field.getByLabel('เวลา', { exact: true }).fill(time);
}

/** One test or survey's card on the session page (and the phone's), named by its title. */
export function testCard(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

/** The indexes of the options to pick among those a question shows. */
export type Chooser = (questionId: string, optionIds: string[]) => Promise<number[]>;

/** The indexes of a question's right options, read from the database as only the server can. */
export const rightOptions: Chooser = async (questionId, optionIds) => {
  const db = new Client({ connectionString: process.env.SUJARIT_TEST_DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query('SELECT correct_option_ids FROM questions WHERE id = $1', [questionId]);
    return (rows[0].correct_option_ids as string[]).map((id) => optionIds.indexOf(id));
  } finally {
    await db.end();
  }
};

/**
 * A new organization with one organizer and no programs, written straight to the app's database (there is
 * no page for making organizations yet). Each call is its own tenant, so a test owns all of its data.
 */
export async function createEmptyOrganization(name = `อบต.ทดสอบ ${randomUUID().slice(0, 8)}`): Promise<{ email: string; password: string }> {
  return (await createSpecOrganization({ name, programs: false })).organizer;
}

export interface SpecOrganization {
  id: string;
  name: string;
  organizer: Credentials;
  manager: Credentials;
  admin: Credentials;
}

/**
 * An organization of the spec's own, with an organizer, a manager and an admin who sign in at once, and (unless
 * `programs: false`) the demo's programs, years and question banks, applied through the API as an organizer applies
 * a template. A spec that works in it owns every program code, date and number it sees: no other file can take them.
 */
export async function createSpecOrganization(options: { name?: string; programs?: boolean } = {}): Promise<SpecOrganization> {
  const tag = randomUUID().slice(0, 8);
  const name = options.name ?? `อบต.ทดสอบ ${tag}`;
  const account = (role: string): Credentials => ({ email: `${role}-${tag}@test.example`, password: `test-password-${tag}` });
  const accounts = { organizer: account('organizer'), manager: account('manager'), admin: account('admin') };
  const db = new Client({ connectionString: process.env.SUJARIT_TEST_DATABASE_URL });
  await db.connect();
  let id: string;
  try {
    const { rows } = await db.query('INSERT INTO organizations (name) VALUES ($1) RETURNING id', [name]);
    id = rows[0].id;
    const names = { organizer: 'ผู้จัดการอบรม', manager: 'ผู้บริหาร', admin: 'ผู้ดูแลระบบ' };
    for (const role of ['organizer', 'manager', 'admin'] as const) {
      await db.query(
        `INSERT INTO users (organization_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5)`,
        [id, accounts[role].email, `${names[role]} ${tag}`, role, await hashPassword(accounts[role].password)],
      );
    }
  } finally {
    await db.end();
  }
  if (options.programs ?? true) {
    const request = await playwrightRequest.newContext({ baseURL: baseUrl() });
    try {
      await expectOk(request.post('/api/auth/login', { data: accounts.organizer }));
      await expectOk(request.post(`/api/program-templates/${DEMO_TEMPLATE_ID}/apply`));
      // The template's years are the plan's (2566–2570); once the current fiscal year is past them, the organization
      // carries the last one forward as a real one would, so the specs keep working in "this year".
      const templates = await (await expectOk(request.get('/api/program-templates'))).json();
      const years: number[] = templates.templates.find((t: { id: string }) => t.id === DEMO_TEMPLATE_ID).fiscalYears;
      const lastYear = Math.max(...years);
      const thisYear = fiscalYearOf(new Date());
      if (thisYear > lastYear) {
        await expectOk(request.post('/api/plan/copy-year', { data: { fromFiscalYear: lastYear, toFiscalYear: thisYear } }));
      }
    } finally {
      await request.dispose();
    }
  }
  return { id, name, ...accounts };
}

/**
 * Moves the server's clock forward (POST /api/test/clock, served only to test runs that ask for it), so a
 * deadline passes without waiting for it; `reset` puts it back to the real time.
 */
export async function moveServerClock(move: { advanceMs: number } | { reset: true }): Promise<{ now: string; offsetMs: number }> {
  const request = await playwrightRequest.newContext({ baseURL: baseUrl() });
  try {
    return await (await expectOk(request.post('/api/test/clock', { data: move }))).json();
  } finally {
    await request.dispose();
  }
}

/** The text of a QR code image (a PNG data URL), read as a phone camera would. */
export function decodeQr(dataUrl: string | null): string | undefined {
  const png = PNG.sync.read(Buffer.from((dataUrl ?? '').replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

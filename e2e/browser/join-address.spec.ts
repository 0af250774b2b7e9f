import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort, waitUntilUp } from '../support/browser-global-setup';
import {
  baseUrl,
  createProgramSession,
  createSpecOrganization,
  decodeQr,
  desktopContext,
  launchChromium,
  phoneContext,
  publicUrl,
  signedIn,
  type SpecOrganization,
} from '../support/browser';
import { nextYear } from '../support/dates';

const ROOT = join(__dirname, '../..');
const MAIN = join(ROOT, 'dist/api/apps/api/src/main.js');
const ARTIFACTS = join(__dirname, '../artifacts');

/** This file's sessions, in an organization of its own: 1.1.2 on 12 May next year. */
const session = (title: string) => ({
  title,
  startsAt: `${nextYear('05-12')}T09:00:00+07:00`,
  endsAt: `${nextYear('05-12')}T12:00:00+07:00`,
  venue: 'ห้องประชุม ทดสอบที่อยู่เข้าร่วม',
  capacity: 40,
});

/** The app as `npm start` runs it, with its own environment; the caller stops it. */
function startApp(env: Record<string, string | undefined>): { server: ChildProcess; output: string[] } {
  // Only what this test sets: the runner's own PUBLIC_URL, if any, is not passed on.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'PUBLIC_URL'));
  const server = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { ...inherited, NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { server, output };
}

const exitOf = (server: ChildProcess) =>
  new Promise<number | null>((resolve) => (server.exitCode !== null ? resolve(server.exitCode) : server.once('exit', (code) => resolve(code))));

describe('the join address on the session page', () => {
  let browser: Browser;
  let org: SpecOrganization;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('puts PUBLIC_URL in the join link and the QR code, and a phone that scans it reaches the session', async () => {
    const organizer = await signedIn(await desktopContext(browser), org.organizer);
    const created = await createProgramSession(organizer.request, '1.1.2', session('รุ่นทดสอบ PUBLIC_URL'));
    await organizer.goto(`/sessions/${created.id}`);
    const qr = organizer.getByRole('img', { name: /คิวอาร์โค้ด/ });
    await qr.waitFor();
    const scanned = decodeQr(await qr.getAttribute('src'));
    // The tests browse the server as 127.0.0.1; PUBLIC_URL names it localhost.
    expect(new URL(publicUrl()).hostname).not.toBe(new URL(baseUrl()).hostname);
    expect(scanned).toBe(`${publicUrl()}/j/${created.joinCode}`);
    expect(await organizer.getByTestId('join-link').getAttribute('href')).toBe(scanned);
    expect(await organizer.getByTestId('join-address-warning').count()).toBe(0);

    const phone = await (await phoneContext(browser)).newPage();
    await phone.goto(scanned as string);
    await phone.getByText('รุ่นทดสอบ PUBLIC_URL').first().waitFor();
    await phone.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).waitFor();
  });

  it('stops the start on a bad PUBLIC_URL with a message saying what is wrong', async () => {
    const { server, output } = startApp({ PUBLIC_URL: 'ftp://sujarit.example.go.th', PORT: String(await freePort()), DATABASE_URL: process.env.SUJARIT_TEST_DATABASE_URL });
    expect(await exitOf(server)).toBe(1);
    expect(output.join('')).toContain('PUBLIC_URL must start with http:// or https://');
  });

  describe('without PUBLIC_URL, opened at 127.0.0.1', () => {
    let app: { server: ChildProcess; output: string[] };
    let url: string;
    let port: number;
    beforeAll(async () => {
      port = await freePort();
      url = `http://127.0.0.1:${port}`;
      // A second process on the same database, started without PUBLIC_URL.
      app = startApp({ PORT: String(port), DATABASE_URL: process.env.SUJARIT_TEST_DATABASE_URL });
      await waitUntilUp(url, app.server, app.output);
    });
    afterAll(async () => {
      if (app?.server.exitCode === null) {
        app.server.kill('SIGTERM');
        await exitOf(app.server);
      }
    });

    it("warns that phones cannot open the link and offers the server's LAN addresses, each with its QR code", async () => {
      const lan = Object.values(networkInterfaces())
        .flatMap((addresses) => addresses ?? [])
        .filter((a) => a.family === 'IPv4' && !a.internal)
        .map((a) => `http://${a.address}:${port}`);
      const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 800 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
      const organizer = await signedIn(context, org.organizer);
      const created = await createProgramSession(organizer.request, '1.1.2', session('รุ่นทดสอบ localhost'));
      await organizer.goto(`${url}/sessions/${created.id}`);
      const warning = organizer.getByTestId('join-address-warning');
      await warning.getByText('โทรศัพท์เปิดลิงก์ localhost หรือ 127.0.0.1 ไม่ได้', { exact: false }).waitFor();
      await organizer.screenshot({ path: join(ARTIFACTS, 'join-address-localhost.png'), fullPage: true });
      if (lan.length === 0) {
        await warning.getByText('ไม่พบที่อยู่ของเครื่องนี้ในเครือข่าย', { exact: false }).waitFor();
        return;
      }
      await warning.getByText('Wi-Fi เดียวกับเครื่องนี้', { exact: false }).waitFor();
      const choices = organizer.getByRole('group', { name: 'ที่อยู่ของเครื่องนี้ในเครือข่าย' }).getByRole('radio');
      expect(await choices.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(lan);
      for (const address of lan) {
        await organizer.getByRole('radio', { name: address }).check();
        const qr = organizer.getByRole('img', { name: `คิวอาร์โค้ดสำหรับเข้าร่วมรอบอบรม: ${address}/j/${created.joinCode}` });
        await qr.waitFor();
        expect(decodeQr(await qr.getAttribute('src'))).toBe(`${address}/j/${created.joinCode}`);
        expect(await organizer.getByTestId('join-link').getAttribute('href')).toBe(`${address}/j/${created.joinCode}`);
      }
    });
  });
});

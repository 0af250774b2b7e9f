import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import { createProgramSession, createSpecOrganization, desktopContext, launchChromium, openTest, phoneContext, signedIn } from '../support/browser';
import { nextYear } from '../support/dates';

const ROOT = join(__dirname, '../..');

interface SizeReport {
  groups: Record<string, { gzipBytes: number; files: string[] }>;
  traineeGoalBytes: number;
  traineeCeilingBytes: number;
}

/** What `npm run size` says of the build under test (dist/web), with the trainee's goal and ceiling. */
function sizeReport(): SizeReport {
  return JSON.parse(execFileSync(process.execPath, [join(ROOT, 'scripts/bundle-size.mjs'), '--json'], { encoding: 'utf8' }));
}

/** Chunks of pages a trainee never opens, by the names the build gives them after their modules. */
const NOT_FOR_TRAINEES =
  /\/(ProgramYearCharts|ProgramYearPage|IndicatorsPage|IndicatorCard|PersonAttemptsPage|ItemAnalysisPage|SurveyResultsPage|plan-route|session-route|sessions-route|program-route|ProgramsPage|QuestionsPage|PeoplePage|AssessmentSettingsPage|NewSurveyPage|users-route|AuditLogPage|OrganizationProfilePage|account-route|App|router|en)-[\w-]+\.js$/;

/*
 * What a trainee's phone downloads: the join page, the check-in and a test, at 390×844. Every JavaScript answer is
 * recorded: none is an organizer's or manager's page, the charts, the spreadsheet import or the English texts, and
 * together they weigh (gzipped) no more than `npm run size` allows the trainee's pages. They come compressed.
 */
describe("a trainee's phone loads only the trainee's JavaScript", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('joins, checks in and opens a test with no office code, compressed, within the ceiling', async () => {
    const org = await createSpecOrganization();
    const organizer = await signedIn(await desktopContext(browser), org.organizer);
    const session = await createProgramSession(organizer.request, '1.2.1', {
      title: 'รุ่นทดสอบขนาดไฟล์บนโทรศัพท์',
      startsAt: `${nextYear('06-16')}T09:00:00+07:00`,
      endsAt: `${nextYear('06-16')}T12:00:00+07:00`,
      venue: 'ห้องประชุม อบต. ทดสอบขนาดไฟล์',
      capacity: 40,
      allowWalkIns: true,
    });
    await openTest(organizer.request, session, 'pre_test');

    const phone = await (await phoneContext(browser)).newPage();
    const scripts: Response[] = [];
    phone.on('response', (response) => {
      if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(response);
    });
    await phone.goto(`/j/${session.joinCode}`);
    await phone.getByLabel('ชื่อ-นามสกุล').fill('นางสาวโทรศัพท์ ประหยัดเน็ต');
    await phone.getByLabel('กลุ่ม').selectOption('citizen');
    await phone.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).click();
    await phone.getByText('ลงทะเบียนแล้ว: นางสาวโทรศัพท์ ประหยัดเน็ต').waitFor();
    await phone.getByRole('region', { name: 'แบบทดสอบก่อนอบรม' }).getByRole('button', { name: 'เริ่มทำแบบทดสอบ' }).click();
    await phone.getByText(/ข้อ\s*1\s*จาก\s*\d+/).waitFor();
    await phone.waitForLoadState('networkidle');

    const loaded = await Promise.all(
      scripts.map(async (response) => ({
        path: new URL(response.url()).pathname,
        status: response.status(),
        encoding: (await response.allHeaders())['content-encoding'],
        bytes: (await response.body()).length,
        gzipBytes: gzipSync(await response.body(), { level: 9 }).length,
      })),
    );
    const paths = loaded.map((script) => script.path);
    // The page's own files: the entry and the trainee's app (its pages are in it); never the office app.
    expect(paths.some((path) => /\/index-[\w-]+\.js$/.test(path))).toBe(true);
    expect(paths.some((path) => /\/TraineeApp-[\w-]+\.js$/.test(path))).toBe(true);
    expect(paths.filter((path) => NOT_FOR_TRAINEES.test(path))).toEqual([]);

    // Nothing outside what the build manifest says the trainee's pages load (the size script's own walk).
    const report = sizeReport();
    const traineeFiles = new Set(report.groups.trainee.files.map((file) => `/${file}`));
    expect(paths.filter((path) => !traineeFiles.has(path))).toEqual([]);
    // No chart, spreadsheet upload (its file types), English text, office page's Thai text (the question bank's "show archived" switch;
    // its title is in an error text a phone may show)
    // or zod's full build (its superRefine; the trainee's checks use zod/mini) came in a shared chunk either.
    const bodies = await Promise.all(scripts.map(async (response) => (await response.body()).toString('utf8')));
    for (const marker of ['recharts-wrapper', 'spreadsheetml.sheet', 'Sign in', 'แสดงคำถามที่เก็บเข้าคลังแล้ว', 'superRefine']) {
      expect({ marker, found: bodies.some((body) => body.includes(marker)) }).toEqual({ marker, found: false });
    }

    // Every script came fresh (a new phone has nothing cached), and compressed unless under 1 KB (public/zod-config.js).
    for (const script of loaded) {
      expect({ path: script.path, status: script.status, compressed: ['br', 'gzip'].includes(script.encoding ?? '') }).toEqual({
        path: script.path,
        status: 200,
        compressed: script.bytes >= 1024,
      });
    }
    const total = loaded.reduce((sum, script) => sum + script.gzipBytes, 0);
    console.log(
      `The trainee's phone loaded ${loaded.length} scripts, ${(total / 1024).toFixed(1)} KB gzipped ` +
        `(goal ${(report.traineeGoalBytes / 1024).toFixed(0)} KB, ceiling ${(report.traineeCeilingBytes / 1024).toFixed(0)} KB; ` +
        `npm run size counts ${(report.groups.trainee.gzipBytes / 1024).toFixed(1)} KB for all the trainee's pages)`,
    );
    expect(total).toBeLessThanOrEqual(report.groups.trainee.gzipBytes);
    expect(total).toBeLessThanOrEqual(report.traineeCeilingBytes);
    // The goal of issue 11: the trainee's pages load at most 100 KB of gzipped JavaScript.
    expect(report.groups.trainee.gzipBytes).toBeLessThanOrEqual(report.traineeGoalBytes);
  });

  it('fetches the English texts only when English is chosen, and shows English from the first paint after a reload', async () => {
    const phone = await (await phoneContext(browser)).newPage();
    const english: string[] = [];
    phone.on('response', (response) => {
      if (/\/en-[\w-]+\.js$/.test(new URL(response.url()).pathname)) english.push(response.url());
    });
    await phone.goto('/j');
    await phone.getByRole('heading', { level: 1 }).waitFor();
    expect(english).toEqual([]);

    await phone.getByRole('button', { name: 'English' }).click();
    await phone.getByText('Type the 6-character join code from the organizer', { exact: false }).waitFor();
    expect(english).toHaveLength(1);
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('en');

    // The choice is kept on the phone: after a reload the page is English at once, never Thai first.
    const firstText: string[] = [];
    await phone.exposeFunction('recordFirstText', (text: string) => firstText.push(text));
    await phone.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const text = document.getElementById('root')?.innerText ?? '';
        if (text.trim()) {
          (window as unknown as { recordFirstText(text: string): void }).recordFirstText(text);
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await phone.reload();
    await phone.getByText('Type the 6-character join code from the organizer', { exact: false }).waitFor();
    // The first paint is the English page itself, bar and page together; its only Thai is by design: the button back
    // to Thai (ภาษาไทย) and the larger-text button's letter (ก+).
    expect(firstText[0]).toContain('Type the 6-character join code from the organizer');
    expect(firstText[0].replace('ภาษาไทย', '').replace('ก+', '')).not.toMatch(/[ก-๙]/);

    // And back to Thai, which was there all along.
    await phone.getByRole('button', { name: 'ภาษาไทย' }).click();
    await phone.getByRole('button', { name: 'English' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('th');
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { baseUrl, createProgramSession, createSpecOrganization, expectOk, launchChromium, phoneContext, signedIn, desktopContext } from '../support/browser';
import { nextYear } from '../support/dates';
import { recordBench } from './support/record';

/*
 * The trainee's join page (/j/<code>) on a cheap phone on a weak line: Chromium's slow-4G profile (Lighthouse's
 * "mobile" throttling: 150 ms RTT × 3.75 = 562.5 ms latency, 1.6 Mbps down and 750 Kbps up, each × 0.9) and a CPU
 * four times slower. Each run starts with an empty cache; the repeat visit then loads the same page again, where
 * the hashed files come from the phone's cache without asking. The figures are printed, written to
 * e2e/artifacts/phone-load.json and shown in the bench's table for context; nothing here is a pass or fail on time.
 */
const RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 5);
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9,
  uploadThroughput: ((750 * 1024) / 8) * 0.9,
};
const CPU_SLOWDOWN = 4;
const ARTIFACTS = join(__dirname, '../artifacts');

interface Load {
  /** From the start of navigation until the name field of the check-in form shows. */
  usableMs: number;
  loadEventMs: number;
  /** Bytes over the wire (headers and bodies as sent, compressed when the server compressed them). */
  transferredBytes: number;
  scriptBytes: number;
  requests: number;
}

/** Counts what crosses the (emulated) network until the check-in form shows. */
async function timedLoad(page: Page, cdp: CDPSession, path: string): Promise<Load> {
  const types = new Map<string, string>();
  let transferredBytes = 0;
  let scriptBytes = 0;
  let requests = 0;
  cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
  cdp.on('Network.loadingFinished', (event) => {
    requests += 1;
    transferredBytes += event.encodedDataLength;
    if (types.get(event.requestId) === 'Script') scriptBytes += event.encodedDataLength;
  });
  const started = performance.now();
  await page.goto(path, { waitUntil: 'commit' });
  await page.getByLabel('ชื่อ-นามสกุล').waitFor({ state: 'visible', timeout: 120_000 });
  const usableMs = performance.now() - started;
  await page.waitForLoadState('load');
  const loadEventMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  return { usableMs, loadEventMs, transferredBytes, scriptBytes, requests };
}

async function throttled(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('benchmark: the join page on a phone on slow 4G', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it(`loads /j/<code> ${RUNS} times with an empty cache and once more from the cache, and prints the times`, async () => {
    const org = await createSpecOrganization();
    const organizer = await signedIn(await desktopContext(browser), org.organizer);
    const session = await createProgramSession(organizer.request, '1.2.1', {
      title: 'รุ่นวัดเวลาโหลดบนโทรศัพท์',
      startsAt: `${nextYear('06-09')}T09:00:00+07:00`,
      endsAt: `${nextYear('06-09')}T12:00:00+07:00`,
      venue: 'ห้องประชุมวัดความเร็ว',
      capacity: 40,
      allowWalkIns: true,
    });
    await expectOk(organizer.request.get(`${baseUrl()}/api/join/${session.joinCode}`));
    await organizer.context().close();

    const cold: Load[] = [];
    const warm: Load[] = [];
    // One unthrottled load first, so the server's own first-request work is not counted against the phone.
    const warmUp = await (await phoneContext(browser)).newPage();
    await warmUp.goto(`/j/${session.joinCode}`);
    await warmUp.getByLabel('ชื่อ-นามสกุล').waitFor();
    await warmUp.context().close();
    for (let run = 0; run < RUNS; run += 1) {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      cold.push(await timedLoad(page, await throttled(page), `/j/${session.joinCode}`));
      // The repeat visit: a new tab of the same phone, its cache kept.
      const again = await context.newPage();
      warm.push(await timedLoad(again, await throttled(again), `/j/${session.joinCode}`));
      await context.close();
    }

    const summary = {
      profile: { ...SLOW_4G, cpuSlowdown: CPU_SLOWDOWN },
      runs: RUNS,
      coldUsableMsMedian: median(cold.map((l) => l.usableMs)),
      coldLoadEventMsMedian: median(cold.map((l) => l.loadEventMs)),
      warmUsableMsMedian: median(warm.map((l) => l.usableMs)),
      coldTransferredBytes: median(cold.map((l) => l.transferredBytes)),
      coldScriptBytes: median(cold.map((l) => l.scriptBytes)),
      coldRequests: median(cold.map((l) => l.requests)),
      warmTransferredBytes: median(warm.map((l) => l.transferredBytes)),
      cold,
      warm,
    };
    recordBench([
      { scenario: 'phone page', measure: `join form usable, empty cache, median of ${RUNS}`, value: summary.coldUsableMsMedian, unit: 'ms', limitedBy: 'slow 4G, CPU ×4' },
      { scenario: 'phone page', measure: 'join form usable, repeat visit', value: summary.warmUsableMsMedian, unit: 'ms' },
      { scenario: 'phone page', measure: 'transferred, empty cache', value: summary.coldTransferredBytes / 1024, unit: 'KB' },
      { scenario: 'phone page', measure: 'of which JavaScript', value: summary.coldScriptBytes / 1024, unit: 'KB' },
    ]);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'phone-load.json'), JSON.stringify(summary, null, 2));
    console.log(
      [
        `The join page /j/<code> on slow 4G (562.5 ms latency, ${kb(SLOW_4G.downloadThroughput)}/s down, CPU ×${CPU_SLOWDOWN}), median of ${RUNS}:`,
        `  empty cache: form usable after ${seconds(summary.coldUsableMsMedian)} (load event ${seconds(summary.coldLoadEventMsMedian)}); ` +
          `${kb(summary.coldTransferredBytes)} transferred in ${summary.coldRequests} requests, of which JavaScript ${kb(summary.coldScriptBytes)}`,
        `  repeat visit: form usable after ${seconds(summary.warmUsableMsMedian)}; ${kb(summary.warmTransferredBytes)} transferred`,
        `  each empty-cache run: ${cold.map((l) => seconds(l.usableMs)).join(', ')}`,
      ].join('\n'),
    );
    expect(cold).toHaveLength(RUNS);
  });
});

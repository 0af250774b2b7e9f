import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { createProgramSession, createSpecOrganization, desktopContext, launchChromium, signedIn, type SpecOrganization } from '../support/browser';
import { nextYear } from '../support/dates';

/*
 * This file works in an organization of its own: one session of its 1.3.1 on 3 June next year, nobody trained yet.
 */
const ARTIFACTS = join(__dirname, '../artifacts');

describe('downloads a manager takes from the indicators page', () => {
  let browser: Browser;
  let org: SpecOrganization;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('downloads the indicators as a workbook that opens with every program, and shows the youth outcomes as no data yet', async () => {
    const organizerContext = await desktopContext(browser);
    await signedIn(organizerContext, org.organizer);
    const session = await createProgramSession(organizerContext.request, '1.3.1', {
      capacity: 40,
      title: 'ภูมิคุ้มกันเยาวชน รุ่นดาวน์โหลด',
      startsAt: `${nextYear('06-03')}T09:00:00+07:00`,
      endsAt: `${nextYear('06-03')}T12:00:00+07:00`,
      venue: 'โรงเรียนบ้านพร่อน',
    });
    const year = session.fiscalYear;

    const context = await desktopContext(browser);
    const manager = await signedIn(context, org.manager);
    await manager.goto(`/indicators?fiscalYear=${year}`);
    const youth = manager.getByRole('article', { name: /1\.3\.1/ });
    // The plan's three youth outcomes, each with nothing to judge yet, and what the figure counts.
    await youth.getByRole('heading', { name: 'ผลลัพธ์ที่ติดตาม (แบบประเมินติดตามผล)' }).waitFor();
    await youth.getByText('เด็กและเยาวชนมีจิตสาธารณะ', { exact: false }).waitFor();
    expect(await youth.getByText('ยังไม่มีข้อมูล', { exact: true }).count()).toBeGreaterThanOrEqual(3);
    await youth.getByText('ได้ค่าเฉลี่ยของข้อที่ตนตอบตั้งแต่ 4 (มาก) ขึ้นไป', { exact: false }).waitFor();
    await youth.screenshot({ path: join(ARTIFACTS, 'indicator-card-follow-up.png') });
    await manager.screenshot({ path: join(ARTIFACTS, 'indicators-downloads.png') });

    const group = manager.getByRole('group', { name: 'ดาวน์โหลด ตัวชี้วัดทุกโครงการ' });
    const [download] = await Promise.all([manager.waitForEvent('download'), group.getByRole('link', { name: /XLSX/ }).click()]);
    expect(download.suggestedFilename()).toBe(`ตัวชี้วัด-${year}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('ตัวชี้วัด');
    const codes = (sheet?.getColumn(1).values ?? []).slice(2);
    expect(codes).toEqual(['1.1.1', '1.1.2', '1.2.1', '1.3.1']);
    expect(workbook.getWorksheet('นิยาม')?.rowCount).toBeGreaterThan(20);

    const [csv] = await Promise.all([manager.waitForEvent('download'), manager.getByRole('group', { name: 'ดาวน์โหลด รายการรอบอบรมของปี' }).getByRole('link', { name: 'CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe(`รอบอบรม-${year}.csv`);
    const text = await readFile(await csv.path(), 'utf8');
    expect(text.startsWith('\ufeffรหัสโครงการ,โครงการ,ปีงบประมาณ,รอบอบรม')).toBe(true);
    expect(text).toContain('ภูมิคุ้มกันเยาวชน รุ่นดาวน์โหลด');
  });
});

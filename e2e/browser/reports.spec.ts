import { spawnSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { createProgramSession, createSpecOrganization, desktopContext, launchChromium, signedIn, type SpecOrganization } from '../support/browser';
import { nextYear } from '../support/dates';

const squash = (text: string) => text.replace(/\s+/g, '');

/** The text of a downloaded PDF, as pdftotext reads it. */
function pdfText(path: string): string {
  const run = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  return run.stdout;
}

/*
 * This file works in an organization of its own: one session of its 1.3.1 on 10 July next year, nobody trained yet.
 */
describe('PDF reports a manager downloads', () => {
  let browser: Browser;
  let org: SpecOrganization;
  beforeAll(async () => {
    org = await createSpecOrganization({ name: 'องค์การบริหารส่วนตำบลพร่อน (ทดสอบรายงาน)' });
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it("an organizer writes a program's objectives; a manager downloads its report and the plan's, and both open in Thai", async () => {
    const organizerContext = await desktopContext(browser);
    const organizer = await signedIn(organizerContext, org.organizer);
    const session = await createProgramSession(organizerContext.request, '1.3.1', {
      capacity: 40,
      title: 'ภูมิคุ้มกันเยาวชน รุ่นรายงาน',
      startsAt: `${nextYear('07-10')}T09:00:00+07:00`,
      endsAt: `${nextYear('07-10')}T12:00:00+07:00`,
      venue: 'โรงเรียนบ้านพร่อน',
    });
    const year = session.fiscalYear;

    // The plan's objectives come with the template; the organizer adds one on the program's form.
    await organizer.goto(`/programs/${session.programId}`);
    const details = organizer.getByRole('region', { name: 'ข้อมูลโครงการ' });
    await details.getByText('๑) เพื่อส่งเสริมและปลูกฝังให้เด็กและเยาวชนเป็นคนดีมีคุณธรรม', { exact: false }).waitFor();
    await details.getByRole('button', { name: 'แก้ไขข้อมูลโครงการ' }).click();
    const edit = details.getByRole('form', { name: 'แก้ไขข้อมูลโครงการ' });
    const objectives = edit.getByLabel('วัตถุประสงค์ (ไม่บังคับ)');
    await objectives.fill(`${await objectives.inputValue()}\n๔) เพื่อให้เด็กและเยาวชนรู้จักสิทธิและหน้าที่ของตนเอง`);
    await edit.getByRole('button', { name: 'บันทึกข้อมูลโครงการ' }).click();
    await details.getByText('บันทึกข้อมูลโครงการแล้ว', { exact: false }).waitFor();

    const context = await desktopContext(browser);
    const manager = await signedIn(context, org.manager);
    await manager.goto(`/indicators?fiscalYear=${year}`);
    const youth = manager.getByRole('article', { name: /1\.3\.1/ });
    const link = youth.getByRole('link', { name: `ดาวน์โหลดรายงานโครงการ 1.3.1 ปีงบประมาณ ${year} (PDF)` });
    expect(await link.textContent()).toBe('ดาวน์โหลดรายงาน (PDF)');
    const [report] = await Promise.all([manager.waitForEvent('download'), link.click()]);
    expect(report.suggestedFilename()).toBe(`รายงานโครงการ-1.3.1-${year}.pdf`);
    const text = pdfText(await report.path());
    expect(text).toContain('องค์การบริหารส่วนตำบลพร่อน (ทดสอบรายงาน)');
    expect(text).toContain(`ปีงบประมาณ พ.ศ. ${year}`);
    expect(squash(text)).toContain(squash('๔) เพื่อให้เด็กและเยาวชนรู้จักสิทธิและหน้าที่ของตนเอง'));
    // Nobody trained yet: no data, not "not met".
    expect(squash(text)).toContain(squash('ผลการประเมิน: ยังไม่มีข้อมูล'));

    await manager.goto('/plan');
    const [plan] = await Promise.all([manager.waitForEvent('download'), manager.getByRole('link', { name: /ดาวน์โหลดรายงานทั้งแผน/ }).click()]);
    expect(plan.suggestedFilename()).toMatch(/^รายงานแผน-25\d\d-25\d\d\.pdf$/);
    const planText = pdfText(await plan.path());
    for (const code of ['1.1.1', '1.1.2', '1.2.1', '1.3.1']) expect(planText).toContain(code);
    expect(planText).toContain('ยังไม่มีข้อมูล');
  });
});

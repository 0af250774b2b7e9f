import { fiscalYearOf } from '@sujarit/domain';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createEmptyOrganization, desktopContext, launchChromium, phoneContext, scrollsSideways, signedIn } from '../support/browser';

/*
 * Each test makes its own organization without programs, so nothing here touches the demo's programs
 * that the other browser files use.
 */
const ARTIFACTS = join(__dirname, '../artifacts');

describe('programs an organization keeps itself', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('an organizer creates a program, edits it, schedules a session of it and archives it, then restores it', async () => {
    const organizer = await signedIn(await desktopContext(browser), await createEmptyOrganization());
    await organizer.goto('/programs');
    await organizer.getByRole('heading', { name: 'เริ่มต้นโครงการของหน่วยงาน' }).waitFor();
    await organizer.getByRole('button', { name: 'สร้างโครงการเอง' }).click();

    const create = organizer.getByRole('form', { name: 'สร้างโครงการใหม่' });
    // The limits are on screen before anything is typed, and the inputs stop there.
    await create.getByText('ไม่เกิน 300 ตัวอักษร', { exact: true }).waitFor();
    // The description and the objectives each show theirs.
    await create.getByText('ใช้ไป 0 จาก 2000 ตัวอักษร', { exact: false }).first().waitFor();
    expect(await create.getByText('ใช้ไป 0 จาก 2000 ตัวอักษร', { exact: false }).count()).toBe(2);
    await create.getByLabel('ชื่อโครงการ').fill('ก'.repeat(350));
    expect((await create.getByLabel('ชื่อโครงการ').inputValue()).length).toBe(300);

    await create.getByLabel('รหัสโครงการ').fill('2 1 1');
    await create.getByLabel('ชื่อโครงการ').fill('โครงการอบรมการจัดซื้อจัดจ้างอย่างโปร่งใส');
    await create.getByLabel('กลุ่มเป้าหมาย').fill('เจ้าหน้าที่พัสดุและคณะกรรมการตรวจรับพัสดุ');
    await create.getByLabel('หน่วยงานเจ้าของโครงการ').fill('กองคลัง');
    const description = 'ทบทวนการจัดซื้อจัดจ้าง\nและการเปิดเผยข้อมูลต่อสาธารณะ';
    await create.getByLabel('รายละเอียดโครงการ (ไม่บังคับ)').fill(description);
    await create.getByText(`ใช้ไป ${description.length} จาก 2000 ตัวอักษร`, { exact: false }).waitFor();
    const year = create.getByRole('group', { name: `เป้าหมายปีงบประมาณ ${fiscalYearOf(new Date())}` });
    // The plan's indicator rule is already filled in.
    expect(await year.getByLabel('เกณฑ์คะแนนผ่าน (% ของคะแนนเต็ม)').inputValue()).toBe('60');
    expect(await year.getByLabel('เป้าหมายร้อยละผู้ผ่านเกณฑ์').inputValue()).toBe('80');
    await year.getByLabel('เป้าหมายจำนวนคน').fill('40');
    await year.getByLabel('จำนวนครั้งที่ต้องจัด').fill('2');
    await year.getByLabel('งบประมาณ (บาท)').fill('35000');
    await create.getByRole('button', { name: 'บันทึกโครงการใหม่' }).click();
    await create.getByRole('alert').filter({ hasText: 'รหัสโครงการใช้ได้เฉพาะ' }).waitFor();
    await create.getByLabel('รหัสโครงการ').fill('2.1.1');
    await create.getByRole('button', { name: 'บันทึกโครงการใหม่' }).click();

    // Its page: the heading, this year's target, and the details.
    await organizer.getByRole('heading', { level: 1, name: 'โครงการอบรมการจัดซื้อจัดจ้างอย่างโปร่งใส' }).waitFor();
    const header = organizer.locator('.card--header');
    await header.getByText('โครงการ 2.1.1', { exact: false }).waitFor();
    await header.getByText('40 คน', { exact: true }).waitFor();
    const details = organizer.getByRole('region', { name: 'ข้อมูลโครงการ' });
    await details.getByText('และการเปิดเผยข้อมูลต่อสาธารณะ', { exact: false }).waitFor();

    // Edits the name and the owning unit; this year's unit follows.
    await details.getByRole('button', { name: 'แก้ไขข้อมูลโครงการ' }).click();
    const edit = details.getByRole('form', { name: 'แก้ไขข้อมูลโครงการ' });
    expect(await edit.getByLabel('รหัสโครงการ').inputValue()).toBe('2.1.1');
    await edit.getByLabel('ชื่อโครงการ').fill('โครงการอบรมการจัดซื้อจัดจ้างโปร่งใส ตรวจสอบได้');
    await edit.getByLabel('หน่วยงานเจ้าของโครงการ').fill('กองคลัง งานพัสดุ');
    await edit.getByRole('button', { name: 'บันทึกข้อมูลโครงการ' }).click();
    await details.getByText('บันทึกข้อมูลโครงการแล้ว', { exact: false }).waitFor();
    await organizer.getByRole('heading', { level: 1, name: 'โครงการอบรมการจัดซื้อจัดจ้างโปร่งใส ตรวจสอบได้' }).waitFor();
    await header.getByText('กองคลัง งานพัสดุ', { exact: true }).waitFor();
    await organizer.screenshot({ path: join(ARTIFACTS, 'program-page-desktop.png'), fullPage: true });

    // Schedules a session of it with the sessions feature's own form.
    const session = organizer.getByRole('form', { name: 'สร้างรอบอบรมใหม่' });
    await session.getByLabel('ชื่อรอบอบรม').fill('พัสดุโปร่งใส รุ่นที่ 1');
    await session.getByLabel('วันที่').fill(tomorrowInBangkok());
    await session.getByLabel('เวลาเริ่ม').fill('09:00');
    await session.getByLabel('เวลาสิ้นสุด').fill('12:00');
    await session.getByLabel('สถานที่').fill('ห้องประชุมกองคลัง');
    await session.getByLabel('จำนวนที่นั่ง').fill('30');
    await session.getByRole('button', { name: 'สร้างรอบอบรม' }).click();
    await organizer.getByRole('heading', { level: 1, name: 'พัสดุโปร่งใส รุ่นที่ 1' }).waitFor();

    // Back on the program page: a program with a session can be archived, not deleted.
    await organizer.getByRole('link', { name: /2\.1\.1/ }).click();
    await organizer.getByRole('link', { name: 'พัสดุโปร่งใส รุ่นที่ 1' }).waitFor();
    await details.getByText('รอบอบรม 1 รอบ', { exact: false }).waitFor();
    expect(await details.getByRole('button', { name: 'ลบโครงการ' }).count()).toBe(0);
    await details.getByRole('button', { name: 'เก็บถาวร' }).click();
    const confirm = details.getByRole('group', { name: 'เก็บถาวร' });
    await confirm.getByText('กู้คืนได้ทุกเมื่อ', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'ยืนยันเก็บถาวร' }).click();
    await details.getByText('เก็บโครงการ 2.1.1 ถาวรแล้ว').waitFor();
    await header.getByText('เก็บถาวร', { exact: true }).waitFor();
    // No new session can be scheduled, but the one it had is still listed.
    expect(await organizer.getByRole('form', { name: 'สร้างรอบอบรมใหม่' }).count()).toBe(0);
    await organizer.getByRole('link', { name: 'พัสดุโปร่งใส รุ่นที่ 1' }).waitFor();

    // The list leaves it out, offers the archive, and restores it from there.
    await organizer.getByRole('link', { name: 'กลับไปรายการโครงการ' }).click();
    await organizer.getByText('ไม่มีโครงการที่ใช้งานอยู่').waitFor();
    expect(await programCards(organizer).count()).toBe(0);
    await organizer.getByRole('button', { name: 'ดูโครงการที่เก็บถาวร (1)' }).click();
    const archived = organizer.getByRole('list', { name: 'โครงการที่เก็บถาวร' });
    await archived.getByText('โครงการอบรมการจัดซื้อจัดจ้างโปร่งใส ตรวจสอบได้').waitFor();
    await organizer.screenshot({ path: join(ARTIFACTS, 'programs-archived-desktop.png'), fullPage: true });
    await archived.getByRole('button', { name: 'กู้คืนโครงการ 2.1.1' }).click();
    await programCards(organizer).filter({ hasText: '2.1.1' }).waitFor();
    expect(await organizer.getByRole('button', { name: /ดูโครงการที่เก็บถาวร/ }).count()).toBe(0);
  });

  it('an organization without programs starts from the plan template and sees its four programs', async () => {
    const account = await createEmptyOrganization();
    // On a phone the offer and the new-program form fit the screen.
    const phone = await signedIn(await phoneContext(browser), account);
    await phone.goto('/programs');
    await phone.getByRole('button', { name: 'สร้างโครงการเอง' }).click();
    await phone.getByRole('form', { name: 'สร้างโครงการใหม่' }).waitFor();
    expect(await scrollsSideways(phone)).toBe(false);
    await phone.screenshot({ path: join(ARTIFACTS, 'program-create-phone.png'), fullPage: true });

    const organizer = await signedIn(await desktopContext(browser), account);
    await organizer.goto('/programs');
    const start = organizer.getByRole('region', { name: 'เริ่มต้นโครงการของหน่วยงาน' });
    const template = start.getByRole('article', { name: /แผนปฏิบัติการป้องกันการทุจริต/ });
    // What applying it adds is said before the click.
    await template.getByText('พร้อมเป้าหมายรายปี 2566–2570', { exact: false }).waitFor();
    await template.getByText('1.3.1', { exact: true }).waitFor();
    await organizer.screenshot({ path: join(ARTIFACTS, 'programs-start-desktop.png'), fullPage: true });
    await template.getByRole('button', { name: 'เริ่มจากแม่แบบนี้' }).click();

    await organizer.getByText('เพิ่มโครงการจากแม่แบบแล้ว 4 โครงการ').waitFor();
    for (const code of ['1.1.1', '1.1.2', '1.2.1', '1.3.1']) await programCards(organizer).filter({ hasText: code }).waitFor();
    expect(await programCards(organizer).count()).toBe(4);
    expect(await start.count()).toBe(0);
    // Their yearly targets came with them (1.3.1: 190 children and youth in 2568).
    await organizer.goto('/programs?fiscalYear=2568');
    await programCards(organizer).filter({ hasText: '1.3.1' }).getByText('190 คน', { exact: true }).waitFor();
  });
});

function programCards(page: Page) {
  return page.locator('.card-grid').getByRole('article');
}

function tomorrowInBangkok(): string {
  const bangkokNow = new Date(Date.now() + 7 * 60 * 60 * 1000);
  bangkokNow.setUTCDate(bangkokNow.getUTCDate() + 1);
  return bangkokNow.toISOString().slice(0, 10);
}

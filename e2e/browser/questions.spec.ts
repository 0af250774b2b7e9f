import type { Browser, Page } from 'playwright-core';
import { desktopContext, launchChromium } from '../support/browser';

/*
 * This file uses program 1.2.1 only; the database is shared with the other browser files, so every
 * question it writes carries a suffix of its own run.
 */
const RUN = Date.now().toString(36);

describe("a program's question bank", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('an organizer adds a Thai question to 1.2.1 and sees it in the bank', async () => {
    const page = await openBank(browser);
    const topic = `การทุจริต ${RUN}`;
    const stem = `ข้อใดคือการรับสินบน ${RUN}`;
    const form = page.getByRole('form', { name: 'เพิ่มคำถาม' });
    await form.getByLabel('หัวข้อ', { exact: true }).fill(topic);
    await form.getByLabel('ชนิดคำถาม', { exact: true }).selectOption('single_choice');
    await form.getByLabel('คำถาม', { exact: true }).fill(stem);
    await form.getByLabel('ตัวเลือก 1', { exact: true }).fill('รับเงินเพื่อเร่งงานให้');
    await form.getByLabel('ตัวเลือก 2', { exact: true }).fill('ทำงานตามคิว');
    await form.getByRole('button', { name: 'เพิ่มตัวเลือก' }).click();
    await form.getByLabel('ตัวเลือก 3', { exact: true }).fill('ปฏิเสธของขวัญ');
    await form.getByLabel('คำตอบที่ถูก', { exact: true }).selectOption({ label: 'ตัวเลือก 1' });
    await form.getByLabel('คำอธิบายเฉลย', { exact: true }).fill('การรับเงินเพื่อแลกกับการใช้อำนาจคือสินบน');
    await form.getByRole('button', { name: 'เพิ่มคำถาม' }).click();

    const group = page.getByRole('region', { name: topic });
    await group.getByText(stem).waitFor();
    const card = group.getByRole('listitem').filter({ hasText: stem });
    await card.getByText('ฉบับที่ 1').waitFor();
    expect(await card.innerText()).toContain('รับเงินเพื่อเร่งงานให้ ✓ คำตอบที่ถูก');
    expect(await card.getByText('ใช้แล้ว').count()).toBe(0);
  });

  it('an organizer edits an unused question in place and then deletes it', async () => {
    const page = await openBank(browser);
    const topic = `แก้ไขแล้วลบ ${RUN}`;
    const form = page.getByRole('form', { name: 'เพิ่มคำถาม' });
    await form.getByLabel('หัวข้อ', { exact: true }).fill(topic);
    await form.getByLabel('คำถาม', { exact: true }).fill(`คำถามเดิม ${RUN}`);
    await form.getByLabel('ตัวเลือก 1', { exact: true }).fill('ก');
    await form.getByLabel('ตัวเลือก 2', { exact: true }).fill('ข');
    await form.getByLabel('คำตอบที่ถูก', { exact: true }).selectOption({ label: 'ตัวเลือก 2' });
    await form.getByRole('button', { name: 'เพิ่มคำถาม' }).click();
    const group = page.getByRole('region', { name: topic });
    await group.getByText(`คำถามเดิม ${RUN}`).waitFor();

    await group.getByRole('button', { name: 'แก้ไข' }).click();
    await group.getByLabel('คำถาม', { exact: true }).fill(`คำถามใหม่ ${RUN}`);
    await group.getByRole('button', { name: 'บันทึกการแก้ไข' }).click();
    await group.getByText(`คำถามใหม่ ${RUN}`).waitFor();
    await group.getByText('ฉบับที่ 1').waitFor();

    await group.getByRole('button', { name: 'ลบ', exact: true }).click();
    await group.getByRole('button', { name: 'ยืนยันลบคำถาม' }).click();
    await page.getByRole('status').getByText('ลบคำถามแล้ว').waitFor();
    // The list refetches after the delete: the topic's group goes away once it has.
    await page.getByRole('region', { name: topic }).waitFor({ state: 'detached' });
    expect(await page.getByRole('region', { name: topic }).count()).toBe(0);
  });

  it('an organizer imports a GIFT file: the good question is previewed and added, the matching one is refused with its line', async () => {
    const page = await openBank(browser);
    const good = `ผลประโยชน์ทับซ้อนคืออะไร ${RUN}`;
    const gift = [
      `::good:: ${good} {=การใช้ตำแหน่งเพื่อประโยชน์ส่วนตัว ~การทำงานล่วงเวลา ~การลาพักร้อน}`,
      '',
      '::match:: จับคู่ให้ถูกต้อง {=a -> b =c -> d}',
      '',
    ].join('\n');
    const box = page.getByRole('region', { name: 'นำเข้าจากไฟล์ GIFT (Moodle)' });
    await box
      .getByLabel('ไฟล์ GIFT', { exact: true })
      .setInputFiles({ name: 'bank.gift', mimeType: 'text/plain', buffer: Buffer.from(gift, 'utf8') });
    await box.getByRole('button', { name: 'ตรวจสอบไฟล์ GIFT' }).click();

    await box.getByText(good).waitFor();
    await box.getByText(/^บรรทัดที่ 3: .+/).waitFor();
    expect(await box.getByText(/จับคู่ให้ถูกต้อง/).count()).toBe(0);

    await box.getByRole('button', { name: 'เพิ่ม 1 คำถาม' }).click();
    await box.getByText('เพิ่มแล้ว 1 คำถาม').waitFor();
    const list = page.getByRole('region', { name: 'คำถามในคลัง' });
    await list.getByText(good).waitFor();
  });
});

async function openBank(browser: Browser): Promise<Page> {
  const page = await (await desktopContext(browser)).newPage();
  await page.goto('/login');
  await page.getByLabel('อีเมล').fill('organizer@pron.example');
  await page.getByLabel('รหัสผ่าน').fill('demo-organizer-2569');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL('**/programs');
  await page.getByRole('link', { name: /1\.2\.1/ }).first().click();
  await page.getByRole('link', { name: 'คลังข้อสอบ', exact: true }).click();
  await page.getByRole('heading', { name: 'คลังข้อสอบ', level: 1 }).waitFor();
  return page;
}

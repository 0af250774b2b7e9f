import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  type Chooser,
  createSpecOrganization,
  desktopContext,
  launchChromium,
  openSessionPart,
  phoneContext,
  rightOptions,
  scrollsSideways,
  type SpecOrganization,
  testCard,
} from '../support/browser';
import { nextYear } from '../support/dates';

/*
 * The issue's "done when": an organizer imports a GIFT file exported from Moodle, builds a pre/post test from it
 * and runs it, as a new user would, all through the pages. This file works in an organization of its own: it adds
 * its questions to program 1.1.2's bank and makes its own session on 10 March next year.
 */
const ARTIFACTS = join(__dirname, '../artifacts');
const FIXTURE = join(__dirname, 'fixtures/moodle-export.gift');

describe('a Moodle GIFT export becomes a pre/post test that trainees take', () => {
  let browser: Browser;
  let org: SpecOrganization;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('an organizer imports the file, builds the tests from its topics, runs them, and the trainee reviews the answers', async () => {
    const organizer = await (await desktopContext(browser)).newPage();
    await organizer.goto('/login');
    await organizer.getByLabel('อีเมล').fill(org.organizer.email);
    await organizer.getByLabel('รหัสผ่าน').fill(org.organizer.password);
    await organizer.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await organizer.waitForURL('**/programs');

    // The bank of 1.1.2: the file's preview shows what will be added and what cannot be, with its line.
    await organizer.getByRole('link', { name: /1\.1\.2/ }).first().click();
    await organizer.getByRole('link', { name: 'คลังข้อสอบ' }).click();
    const importBox = organizer.getByRole('region', { name: 'นำเข้าคำถามจากไฟล์' });
    await importBox.getByLabel('ไฟล์คำถาม (GIFT, Moodle XML หรือ CSV)', { exact: true }).setInputFiles(FIXTURE);
    await importBox.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();
    await importBox.getByText(/ระเบียบสำนักนายกรัฐมนตรีว่าด้วยการสร้างระบบบริหารกิจการบ้านเมือง/).waitFor();
    const essayLine = readFileSync(FIXTURE, 'utf8').split('\n').findIndex((line) => line.startsWith('::บันทึกความเห็น::')) + 1;
    await importBox.getByText(new RegExp(`^บรรทัดที่ ${essayLine} \\(บันทึกความเห็น\\): .+`)).waitFor();
    // Moodle's HTML is gone from what will be stored.
    expect(await importBox.innerText()).not.toContain('<p>');
    await organizer.screenshot({ path: join(ARTIFACTS, 'moodle-import-preview.png'), fullPage: true });
    await importBox.getByRole('button', { name: 'เพิ่ม 4 คำถาม' }).click();
    await importBox.getByText('เพิ่มแล้ว 4 คำถาม').waitFor();
    await organizer.getByRole('region', { name: 'ธรรมาภิบาล', exact: true }).getByText(/เลือกได้มากกว่า 1 ข้อ/).waitFor();
    await organizer.getByRole('region', { name: 'กรณีศึกษาผลประโยชน์ทับซ้อน', exact: true }).waitFor();

    // A session of 1.1.2 in March next year.
    await organizer.goBack();
    const create = organizer.getByRole('form', { name: 'สร้างรอบอบรมใหม่' });
    await create.getByLabel('ชื่อรอบอบรม').fill('จริยธรรม รุ่นข้อสอบจาก Moodle');
    await create.getByLabel('วันที่').fill(nextYear('03-10'));
    await create.getByLabel('เวลาเริ่ม').fill('09:00');
    await create.getByLabel('เวลาสิ้นสุด').fill('12:00');
    await create.getByLabel('สถานที่').fill('ศาลาประชาคม หมู่ที่ 4');
    await create.getByLabel('จำนวนที่นั่ง').fill('30');
    await create.getByRole('button', { name: 'สร้างรอบอบรม' }).click();
    await organizer.waitForURL('**/sessions/**');
    const joinCode = (await organizer.getByTestId('join-code').innerText()).trim();

    // The pre-test: every question of the two imported topics, drawn per topic; the post-test follows it.
    await openSessionPart(organizer, 'tests');
    await testCard(organizer, 'แบบทดสอบก่อนอบรม').getByRole('link', { name: 'ตั้งค่า' }).click();
    const preForm = organizer.getByRole('form', { name: 'ตั้งค่าแบบทดสอบก่อนอบรม' });
    await preForm.getByLabel('สุ่มจากแต่ละหัวข้อ').check();
    await preForm.getByLabel('ธรรมาภิบาล', { exact: true }).fill('3');
    await preForm.getByLabel('กรณีศึกษาผลประโยชน์ทับซ้อน', { exact: true }).fill('1');
    await preForm.getByText('รวมสุ่ม 4 ข้อ').waitFor();
    await preForm.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
    await organizer.getByText('บันทึกการตั้งค่าแบบทดสอบก่อนอบรมแล้ว').waitFor();
    await testCard(organizer, 'แบบทดสอบก่อนอบรม').getByText('4 ข้อ', { exact: true }).waitFor();
    await testCard(organizer, 'แบบทดสอบหลังอบรม').getByText('4 ข้อ', { exact: true }).waitFor();
    await testCard(organizer, 'แบบทดสอบก่อนอบรม').getByRole('button', { name: 'เปิดแบบทดสอบ' }).click();
    await testCard(organizer, 'แบบทดสอบก่อนอบรม').getByText('เปิดอยู่', { exact: true }).waitFor();

    // The trainee joins on a phone and guesses the pre-test: the first option every time.
    const phone = await (await phoneContext(browser)).newPage();
    await phone.goto(`/j/${joinCode}`);
    await phone.getByLabel('ชื่อ-นามสกุล').fill('นายสุจริต ทดลองสอบ');
    await phone.getByLabel('กลุ่ม').selectOption('staff');
    await phone.getByRole('button', { name: 'ลงทะเบียนเข้าร่วม' }).click();
    await phone.getByText('นายสุจริต ทดลองสอบ').first().waitFor();
    const pre = await takeTest(phone, async () => [0]);
    expect(pre.max).toBe(4);
    expect(pre.score).toBeLessThan(4);

    // The organizer closes the pre-test and opens the post-test.
    await closeTest(organizer, 'แบบทดสอบก่อนอบรม');
    await testCard(organizer, 'แบบทดสอบหลังอบรม').getByRole('button', { name: 'เปิดแบบทดสอบ' }).click();
    await testCard(organizer, 'แบบทดสอบหลังอบรม').getByText('เปิดอยู่', { exact: true }).waitFor();

    // After the training: every answer right, the multiple-answer question with both right boxes ticked.
    await phone.goto(`/j/${joinCode}`);
    const post = await takeTest(phone, rightOptions);
    expect(post).toEqual({ score: 4, max: 4 });

    // Once the organizer closes the post-test, the trainee reads the right answers and Moodle's feedback.
    await closeTest(organizer, 'แบบทดสอบหลังอบรม');
    await phone.goto(`/j/${joinCode}`);
    await phone.getByRole('link', { name: 'ดูเฉลยและคำอธิบาย' }).click();
    await phone.getByText('ความโปร่งใสคือการเปิดเผยข้อมูลให้ตรวจสอบได้').waitFor();
    await phone.getByText('หลักพวกพ้องไม่ใช่หลักธรรมาภิบาล').waitFor();
    await phone.getByText('เป็นการรับประโยชน์จากผู้มีส่วนได้เสีย').waitFor();
    expect(await scrollsSideways(phone)).toBe(false);
    await phone.screenshot({ path: join(ARTIFACTS, 'moodle-import-review-phone.png'), fullPage: true });
  });
});

async function closeTest(organizer: Page, title: string) {
  await testCard(organizer, title).getByRole('button', { name: 'ปิดแบบทดสอบ' }).click();
  await testCard(organizer, title).getByRole('button', { name: 'ยืนยันปิด' }).click();
  await testCard(organizer, title).getByText('ปิดแล้ว', { exact: true }).waitFor();
}

/** Starts the open test, answers each question as `choose` says, submits and reads the score shown. */
async function takeTest(phone: Page, choose: Chooser) {
  await phone.getByRole('button', { name: 'เริ่มทำแบบทดสอบ' }).click();
  await phone.getByText(/ข้อ\s*1\s*จาก\s*4/).waitFor();
  for (let i = 1; i <= 4; i++) {
    await phone.getByText(new RegExp(`ข้อ\\s*${i}\\s*จาก\\s*4`)).waitFor();
    const inputs = phone.locator('input[name^="question-"]');
    const questionId = ((await inputs.first().getAttribute('name')) ?? '').replace(/^question-/, '');
    const optionIds = await inputs.evaluateAll((all) => all.map((input) => (input as HTMLInputElement).value));
    for (const index of await choose(questionId, optionIds)) await inputs.nth(index).check();
    if (i < 4) await phone.getByRole('button', { name: 'ถัดไป' }).click();
  }
  await phone.getByRole('button', { name: 'ส่งคำตอบ' }).click();
  await phone.getByRole('button', { name: 'ยืนยันส่งคำตอบ' }).click();
  const result = await phone.getByText(/ได้\s*[\d.]+\s*จาก\s*\d+\s*คะแนน/).first().innerText();
  const [, score, max] = /ได้\s*([\d.]+)\s*จาก\s*(\d+)/.exec(result) ?? [];
  return { score: Number(score), max: Number(max) };
}

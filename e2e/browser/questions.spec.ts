import type { Browser, Locator, Page } from 'playwright-core';
import { Client } from 'pg';
import { baseUrl, createSpecOrganization, desktopContext, expectOk, launchChromium, phoneContext, type SpecOrganization } from '../support/browser';

/*
 * This file works in an organization of its own, in program 1.2.1; every question it writes carries a suffix
 * of its own run.
 */
const RUN = Date.now().toString(36);
let org: SpecOrganization;

describe("a program's question bank", () => {
  let browser: Browser;
  beforeAll(async () => {
    org = await createSpecOrganization();
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

  it('an organizer writes a question over several lines, sees each limit as it types, and picks a topic of the bank', async () => {
    const page = await openBank(browser);
    const topic = `หลายบรรทัด ${RUN}`;
    const form = page.getByRole('form', { name: 'เพิ่มคำถาม' });
    // 12 + 1 + 13 characters: two lines.
    const stem = 'ข้อใดถูกต้อง\nเลือกหนึ่งข้อ';
    await form.getByLabel('หัวข้อ', { exact: true }).fill(topic);
    // 11 characters and the run's 8.
    expect(topic.length).toBe(19);
    await form.getByText('ใช้ไป 19 จาก 100 ตัวอักษร', { exact: false }).waitFor();
    const stemBox = form.getByLabel('คำถาม', { exact: true });
    expect(await stemBox.evaluate((el) => el.tagName)).toBe('TEXTAREA');
    expect(await stemBox.getAttribute('maxlength')).toBe('2000');
    await form.getByText('ใช้ไป 0 จาก 2000 ตัวอักษร').first().waitFor();
    await stemBox.fill(stem);
    await form.getByText('ใช้ไป 26 จาก 2000 ตัวอักษร').waitFor();
    await form.getByLabel('ตัวเลือก 1', { exact: true }).fill('ก');
    await form.getByLabel('ตัวเลือก 2', { exact: true }).fill('ข');
    await form.getByLabel('คำตอบที่ถูก', { exact: true }).selectOption({ label: 'ตัวเลือก 1' });
    await form.getByLabel('คำอธิบายเฉลย', { exact: true }).fill('เหตุผลข้อแรก\nเหตุผลข้อสอง');
    await form.getByText('ใช้ไป 25 จาก 2000 ตัวอักษร').waitFor();
    await form.getByRole('button', { name: 'เพิ่มคำถาม' }).click();

    const group = page.getByRole('region', { name: topic });
    const card = group.getByRole('listitem').filter({ hasText: 'เลือกหนึ่งข้อ' });
    await card.waitFor();
    // The line breaks stay, in the bank and in the edit form.
    expect(await card.innerText()).toContain('ข้อใดถูกต้อง\nเลือกหนึ่งข้อ');
    expect(await card.innerText()).toContain('เหตุผลข้อแรก\nเหตุผลข้อสอง');
    await card.getByRole('button', { name: 'แก้ไข' }).click();
    const edit = group.getByRole('form');
    expect(await edit.getByLabel('คำถาม', { exact: true }).inputValue()).toBe(stem);
    await edit.getByRole('button', { name: 'ยกเลิก' }).click();

    // The next question's topic offers the bank's topics, and still takes a new one.
    const topicBox = form.getByLabel('หัวข้อ', { exact: true });
    const offered = await topicBox.evaluate((input) => Array.from((input as HTMLInputElement).list?.options ?? [], (o) => o.value));
    expect(offered).toContain(topic);
    await topicBox.fill(`หัวข้อใหม่ ${RUN}`);
    await form.getByLabel('คำถาม', { exact: true }).fill('ข้อใหม่');
    await form.getByLabel('ตัวเลือก 1', { exact: true }).fill('ก');
    await form.getByLabel('ตัวเลือก 2', { exact: true }).fill('ข');
    await form.getByLabel('คำตอบที่ถูก', { exact: true }).selectOption({ label: 'ตัวเลือก 2' });
    await form.getByRole('button', { name: 'เพิ่มคำถาม' }).click();
    await page.getByRole('region', { name: `หัวข้อใหม่ ${RUN}` }).getByText('ข้อใหม่', { exact: true }).waitFor();
    await page.context().close();
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
    const box = page.getByRole('region', { name: 'นำเข้าคำถามจากไฟล์' });
    await box
      .getByLabel('ไฟล์คำถาม (GIFT, Moodle XML หรือ CSV)', { exact: true })
      .setInputFiles({ name: 'bank.gift', mimeType: 'text/plain', buffer: Buffer.from(gift, 'utf8') });
    await box.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();

    await box.getByText(good).waitFor();
    await box.getByText(/^บรรทัดที่ 3 \(match\): .+/).waitFor();
    expect(await box.getByText(/จับคู่ให้ถูกต้อง/).count()).toBe(0);

    await box.getByRole('button', { name: 'เพิ่ม 1 คำถาม' }).click();
    await box.getByText('เพิ่มแล้ว 1 คำถาม').waitFor();
    const list = page.getByRole('region', { name: 'คำถามในคลัง' });
    await list.getByText(good).waitFor();
  });
  it('an organizer adds a multiple-choice question: ticking the right options splits the weights, the card shows them', async () => {
    const page = await openBank(browser);
    const topic = `หลายคำตอบ ${RUN}`;
    const stem = `ข้อใดเป็นผลประโยชน์ทับซ้อน ${RUN}`;
    const form = page.getByRole('form', { name: 'เพิ่มคำถาม' });
    await form.getByLabel('หัวข้อ', { exact: true }).fill(topic);
    await form.getByLabel('ชนิดคำถาม', { exact: true }).selectOption('multiple_choice');
    await form.getByLabel('คำถาม', { exact: true }).fill(stem);
    await form.getByRole('button', { name: 'เพิ่มตัวเลือก' }).click();
    await form.getByLabel('ตัวเลือก 1', { exact: true }).fill('รับของขวัญจากผู้รับเหมา');
    await form.getByLabel('ตัวเลือก 2', { exact: true }).fill('ทำสัญญากับห้างของตนเอง');
    await form.getByLabel('ตัวเลือก 3', { exact: true }).fill('ถอนตัวจากเรื่องที่มีส่วนได้เสีย');
    await form.getByLabel('ตัวเลือก 1 ถูก').check();
    await form.getByLabel('ตัวเลือก 2 ถูก').check();
    expect(await weightsOnceShown(form, ['50', '50', '-50'])).toEqual(['50', '50', '-50']);
    // A weight of its own: the wrong option takes back everything.
    await form.getByLabel('น้ำหนักคะแนนตัวเลือก 3 (%)').fill('-100');
    await form.getByLabel('คะแนน (1–10)').fill('2');
    await form.getByRole('button', { name: 'เพิ่มคำถาม' }).click();

    const card = page.getByRole('region', { name: topic }).getByRole('listitem').filter({ hasText: stem });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('เลือกได้หลายคำตอบ');
    expect(text).toContain('2 คะแนน');
    expect(text).toContain('รับของขวัญจากผู้รับเหมา ✓ คำตอบที่ถูก (50%)');
    expect(text).toContain('ถอนตัวจากเรื่องที่มีส่วนได้เสีย (-100%)');
  });

  it('refuses, in Thai beside the options, right weights that do not add up to 100 %', async () => {
    const page = await openBank(browser);
    const form = page.getByRole('form', { name: 'เพิ่มคำถาม' });
    await form.getByLabel('หัวข้อ', { exact: true }).fill(`น้ำหนักผิด ${RUN}`);
    await form.getByLabel('ชนิดคำถาม', { exact: true }).selectOption('multiple_choice');
    await form.getByLabel('คำถาม', { exact: true }).fill(`ข้อที่น้ำหนักไม่ครบ ${RUN}`);
    await form.getByLabel('ตัวเลือก 1', { exact: true }).fill('ก');
    await form.getByLabel('ตัวเลือก 2', { exact: true }).fill('ข');
    await form.getByLabel('ตัวเลือก 1 ถูก').check();
    await form.getByLabel('น้ำหนักคะแนนตัวเลือก 1 (%)').fill('60');
    await form.getByRole('button', { name: 'เพิ่มคำถาม' }).click();
    await form.getByRole('alert').filter({ hasText: 'น้ำหนักคะแนนของคำตอบที่ถูก (ค่าบวก) รวมได้ 60% แต่ต้องรวมได้ 100%' }).waitFor();
  });

  it('an organizer adds a Likert statement with nothing but the statement', async () => {
    const page = await openBank(browser);
    const topic = `ความเห็น ${RUN}`;
    const form = page.getByRole('form', { name: 'เพิ่มคำถาม' });
    await form.getByLabel('หัวข้อ', { exact: true }).fill(topic);
    await form.getByLabel('ชนิดคำถาม', { exact: true }).selectOption('likert');
    expect(await form.getByLabel('ตัวเลือก 1', { exact: true }).count()).toBe(0);
    expect(await form.getByLabel('คะแนน (1–10)').count()).toBe(0);
    await form.getByLabel('ข้อความที่ให้ประเมิน', { exact: true }).fill(`วิทยากรถ่ายทอดได้ชัดเจน ${RUN}`);
    await form.getByRole('button', { name: 'เพิ่มคำถาม' }).click();
    const card = page.getByRole('region', { name: topic }).getByRole('listitem');
    await card.getByText('มากที่สุด · มาก · ปานกลาง · น้อย · น้อยที่สุด').waitFor();
    expect(await card.innerText()).toContain('ไม่คิดคะแนน');
  });

  it('editing a question a trainee has answered says, on its card, that it became a new version; the old one is archived', async () => {
    const page = await openBank(browser);
    const topic = `ใช้แล้วแก้ไข ${RUN}`;
    const stem = `ผู้ใดขอดูข้อมูลข่าวสารตามมาตรา 9 ได้ ${RUN}`;
    const form = page.getByRole('form', { name: 'เพิ่มคำถาม' });
    await form.getByLabel('หัวข้อ', { exact: true }).fill(topic);
    await form.getByLabel('คำถาม', { exact: true }).fill(stem);
    await form.getByLabel('ตัวเลือก 1', { exact: true }).fill('เฉพาะผู้มีส่วนได้เสีย');
    await form.getByLabel('ตัวเลือก 2', { exact: true }).fill('บุคคลทั่วไป');
    await form.getByLabel('คำตอบที่ถูก', { exact: true }).selectOption({ label: 'ตัวเลือก 2' });
    await form.getByRole('button', { name: 'เพิ่มคำถาม' }).click();
    await page.getByRole('region', { name: topic }).getByText(stem).waitFor();

    // The question goes into a new session's pre-test, which a trainee starts on a phone.
    await traineeStartsPreTestWith(browser, page, stem);
    await page.reload();
    const group = page.getByRole('region', { name: topic });
    await group.getByText('ใช้แล้ว', { exact: true }).waitFor();

    await group.getByRole('button', { name: 'แก้ไข' }).click();
    await group.getByLabel('คำถาม', { exact: true }).fill(`${stem} (ปรับถ้อยคำ)`);
    await group.getByRole('button', { name: 'บันทึกการแก้ไข' }).click();
    const message = group.getByRole('status').filter({ hasText: 'ข้อนี้เคยใช้ในแบบทดสอบแล้ว จึงบันทึกเป็นฉบับใหม่ (ฉบับที่ 2) คะแนนเดิมไม่เปลี่ยน' });
    await group.getByText('ฉบับที่ 2', { exact: true }).waitFor();
    await message.waitFor();
    expect(await inViewport(page, message)).toBe(true);

    await page.getByLabel('แสดงคำถามที่เก็บเข้าคลังแล้ว (ฉบับเก่าและข้อที่ลบหลังใช้งาน)').check();
    const archived = group.getByRole('listitem').filter({ hasText: 'เก็บเข้าคลังแล้ว' });
    await archived.waitFor();
    expect(await archived.innerText()).toContain('ฉบับที่ 1');
    expect(await archived.getByRole('button', { name: 'แก้ไข' }).count()).toBe(0);
  });

  it('an organizer checks a Moodle XML file and sees each question it cannot take by number and name', async () => {
    const page = await openBank(browser);
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<quiz>',
      `<question type="category"><category><text>$course$/top/นำเข้า XML ${RUN}</text></category></question>`,
      `<question type="multichoice"><name><text>ดี</text></name><questiontext format="html"><text><![CDATA[<p>ข้อ XML ${RUN}</p>]]></text></questiontext><single>true</single><answer fraction="100"><text>ก</text></answer><answer fraction="0"><text>ข</text></answer></question>`,
      '<question type="essay"><name><text>เรียงความ</text></name><questiontext format="html"><text>อธิบาย</text></questiontext></question>',
      '</quiz>',
    ].join('\n');
    const box = page.getByRole('region', { name: 'นำเข้าคำถามจากไฟล์' });
    await box
      .getByLabel('ไฟล์คำถาม (GIFT, Moodle XML หรือ CSV)', { exact: true })
      .setInputFiles({ name: 'moodle.xml', mimeType: 'text/xml', buffer: Buffer.from(xml, 'utf8') });
    await box.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();
    await box.getByText(`ข้อ XML ${RUN}`).waitFor();
    await box.getByText(/^คำถามที่ 2 \(เรียงความ\): คำถามแบบความเรียง \(essay\) ยังไม่รองรับ/).waitFor();
    await box.getByRole('button', { name: 'เพิ่ม 1 คำถาม' }).click();
    await page.getByRole('region', { name: `นำเข้า XML ${RUN}` }).getByText(`ข้อ XML ${RUN}`).waitFor();
  });

  it('offers the CSV template and the GIFT and CSV exports as downloads', async () => {
    const page = await openBank(browser);
    const template = await page.request.get(await hrefOf(page.getByRole('link', { name: 'ดาวน์โหลดแบบฟอร์ม CSV (เปิดด้วย Excel ได้)' })));
    expect(template.status()).toBe(200);
    expect((await template.text()).startsWith('\ufeffหัวข้อ,ชนิด,คำถาม')).toBe(true);
    for (const [name, type] of [
      ['ส่งออกเป็น GIFT', 'text/plain'],
      ['ส่งออกเป็น CSV', 'text/csv'],
    ]) {
      const file = await page.request.get(await hrefOf(page.getByRole('link', { name })));
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toContain(type);
      expect(file.headers()['content-disposition']).toContain('attachment');
    }
  });
});

async function openBank(browser: Browser): Promise<Page> {
  const page = await (await desktopContext(browser)).newPage();
  await page.goto('/login');
  await page.getByLabel('อีเมล').fill(org.organizer.email);
  await page.getByLabel('รหัสผ่าน').fill(org.organizer.password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL('**/programs');
  await page.getByRole('link', { name: /1\.2\.1/ }).first().click();
  await page.getByRole('link', { name: 'คลังข้อสอบ', exact: true }).click();
  await page.getByRole('heading', { name: 'คลังข้อสอบ', level: 1 }).waitFor();
  return page;
}

/**
 * The weights as shown once the form has split them: the split follows the tick on the next frame, so this reads
 * until they match, for up to 5 s, and returns what it read last (the expectation then says what was wrong).
 */
async function weightsOnceShown(form: Locator, expected: string[]): Promise<string[]> {
  const until = Date.now() + 5000;
  let shown = await weights(form, expected.length);
  while (JSON.stringify(shown) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    shown = await weights(form, expected.length);
  }
  return shown;
}

async function weights(form: Locator, count: number): Promise<string[]> {
  const values: string[] = [];
  for (let n = 1; n <= count; n++) values.push(await form.getByLabel(`น้ำหนักคะแนนตัวเลือก ${n} (%)`).inputValue());
  return values;
}

/** Wholly on screen, give or take the pixel a scroll may leave. */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  return !!box && !!viewport && box.y >= -1 && box.y + box.height <= viewport.height + 1;
}

async function hrefOf(link: Locator): Promise<string> {
  return `${baseUrl()}${(await link.getAttribute('href')) ?? ''}`;
}

/**
 * Through the API: the organizer (the page's own login) schedules a 1.2.1 session whose pre-test holds the
 * question with that stem (put there in the database, as a test may) and opens it; a phone joins and starts it.
 */
async function traineeStartsPreTestWith(browser: Browser, page: Page, stem: string): Promise<void> {
  const organizer = page.request;
  const programs = await (await expectOk(organizer.get(`${baseUrl()}/api/programs`))).json();
  const program = programs.programs.find((p: { code: string }) => p.code === '1.2.1');
  const bank = await (await expectOk(organizer.get(`${baseUrl()}/api/programs/${program.id}/questions`))).json();
  const question = bank.questions.find((q: { stem: string }) => q.stem === stem);
  const day = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const session = await (
    await expectOk(
      organizer.post(`${baseUrl()}/api/sessions`, {
        data: { programId: program.id, title: `รุ่นคลังข้อสอบ ${RUN}`, startsAt: `${day}T09:00:00+07:00`, endsAt: `${day}T15:00:00+07:00`, venue: 'ศาลาประชาคม', capacity: 50 },
      }),
    )
  ).json();
  const preTest = session.assessments.find((a: { kind: string }) => a.kind === 'pre_test');
  const db = new Client({ connectionString: process.env.SUJARIT_TEST_DATABASE_URL });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO assessment_questions (organization_id, assessment_id, question_id, position)
       SELECT organization_id, id, $2, (SELECT count(*) FROM assessment_questions WHERE assessment_id = $1) FROM assessments WHERE id = $1`,
      [preTest.id, question.id],
    );
  } finally {
    await db.end();
  }
  await expectOk(organizer.post(`${baseUrl()}/api/assessments/${preTest.id}/open`));
  const phone = (await phoneContext(browser)).request;
  await expectOk(phone.post(`${baseUrl()}/api/join/${session.joinCode}`, { data: { fullName: `ผู้ตอบ คลังข้อสอบ ${RUN}`, group: 'citizen' } }));
  await expectOk(phone.post(`${baseUrl()}/api/join/${session.joinCode}/assessments/${preTest.id}/attempt`, { data: {} }));
}

import type { Browser } from 'playwright-core';
import {
  baseUrl,
  createProgramSession,
  createSpecOrganization,
  desktopContext,
  expectOk,
  fillDateTime,
  launchChromium,
  openSessionPart,
  signedIn,
  testCard,
  type SpecOrganization,
} from '../support/browser';
import { NEXT_YEAR, NEXT_YEAR_BE, nextYear } from '../support/dates';

/*
 * This file works in an organization of its own, in program 1.3.1: a session in March two years before next year
 * (always past), and one on a day of next year (always future) whose pre-test it gives a past window.
 */
const PAST_DAY = `${NEXT_YEAR - 2}-03-10`;
const FUTURE_DAY = nextYear('06-18');
const QUESTION = 'ช่วงเวลานี้ผ่านมาแล้ว ต้องการบันทึกหรือไม่';

describe('a session or test window in the past asks before it is saved', () => {
  let browser: Browser;
  let org: SpecOrganization;
  beforeAll(async () => {
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('asks when a session is created or a test window set in the past; cancelling saves nothing; an untouched past session is not asked again', async () => {
    const context = await desktopContext(browser);
    const organizer = await signedIn(context, org.organizer);
    const future = await createProgramSession(context.request, '1.3.1', {
      title: 'รุ่นอนาคต',
      startsAt: `${FUTURE_DAY}T09:00:00+07:00`,
      endsAt: `${FUTURE_DAY}T12:00:00+07:00`,
      venue: 'ห้องประชุม อบต.',
      capacity: 30,
    });
    // The program's sessions of the fiscal year of the past day (March of year Y is in fiscal year Y + 543).
    const pastSessions = async () =>
      JSON.stringify(
        await (
          await expectOk(context.request.get(`${baseUrl()}/api/sessions?programId=${future.programId}&fiscalYear=${NEXT_YEAR_BE - 2}`))
        ).json(),
      );

    // A session typed with a past date: asked, and cancelling leaves the form as it was, nothing saved.
    await organizer.goto(`/programs/${future.programId}`);
    const create = organizer.getByRole('form', { name: 'สร้างรอบอบรมใหม่' });
    await create.getByLabel('ชื่อรอบอบรม').fill('รุ่นย้อนหลัง');
    await create.getByLabel('วันที่').fill(PAST_DAY);
    await create.getByLabel('เวลาเริ่ม').fill('09:00');
    await create.getByLabel('เวลาสิ้นสุด').fill('12:00');
    await create.getByLabel('สถานที่').fill('ห้องประชุม อบต.');
    await create.getByLabel('จำนวนที่นั่ง').fill('30');
    await create.getByRole('button', { name: 'สร้างรอบอบรม' }).click();
    const ask = create.getByRole('group', { name: QUESTION });
    await ask.waitFor();
    // The end is said back in the Buddhist Era: 10 March, two years before next year.
    await ask.getByText(`${NEXT_YEAR_BE - 2} 12:00`, { exact: false }).waitFor();
    expect(await organizer.evaluate(() => document.activeElement?.textContent)).toBe(QUESTION);
    await ask.getByRole('button', { name: 'ยกเลิก กลับไปแก้ไข' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await create.getByLabel('วันที่').inputValue()).toBe(`10 มี.ค. ${NEXT_YEAR_BE - 2}`);
    expect(await pastSessions()).not.toContain('รุ่นย้อนหลัง');

    // Confirmed: saved, and on its page.
    await create.getByRole('button', { name: 'สร้างรอบอบรม' }).click();
    await ask.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await organizer.getByRole('heading', { level: 1, name: 'รุ่นย้อนหลัง' }).waitFor();
    expect(await pastSessions()).toContain('รุ่นย้อนหลัง');

    // Correcting the past session's title, its times untouched, is not asked again.
    await organizer.getByRole('button', { name: 'แก้ไขรอบอบรม' }).click();
    const edit = organizer.getByRole('form', { name: 'แก้ไขข้อมูลรอบอบรม' });
    await edit.getByLabel('ชื่อรอบอบรม').fill('รุ่นย้อนหลัง (บันทึกภายหลัง)');
    await edit.getByRole('button', { name: 'บันทึกการแก้ไข' }).click();
    await organizer.getByRole('heading', { level: 1, name: 'รุ่นย้อนหลัง (บันทึกภายหลัง)' }).waitFor();
    expect(await organizer.getByText(QUESTION).count()).toBe(0);

    // A test window that has closed: asked too, and saved once confirmed.
    await organizer.goto(`/sessions/${future.id}`);
    await openSessionPart(organizer, 'tests');
    await testCard(organizer, 'แบบทดสอบก่อนอบรม').getByRole('link', { name: 'ตั้งค่า' }).click();
    const settings = organizer.getByRole('form', { name: 'ตั้งค่าแบบทดสอบก่อนอบรม' });
    await fillDateTime(settings, 'เริ่มทำได้ตั้งแต่ (ไม่บังคับ)', PAST_DAY, '09:00');
    await fillDateTime(settings, 'ปิดรับคำตอบเมื่อ (ไม่บังคับ)', PAST_DAY, '09:45');
    await settings.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
    const askWindow = settings.getByRole('group', { name: QUESTION });
    await askWindow.getByText(`${NEXT_YEAR_BE - 2} 09:45`, { exact: false }).waitFor();
    await askWindow.getByRole('button', { name: 'ยกเลิก กลับไปแก้ไข' }).click();
    await askWindow.waitFor({ state: 'detached' });
    expect(organizer.url()).toContain('/assessments/');
    await settings.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
    await askWindow.getByRole('button', { name: 'บันทึก', exact: true }).click();
    // Back on the session page's tests, where the organizer came from.
    await organizer.waitForURL(new RegExp(`/sessions/${future.id}\\?part=tests$`));
    await organizer.getByText('บันทึกการตั้งค่าแบบทดสอบก่อนอบรมแล้ว').waitFor();
    await context.close();
  });
});

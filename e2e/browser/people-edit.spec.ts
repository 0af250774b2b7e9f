import type { Browser } from 'playwright-core';
import { createSpecOrganization, expectOk, launchChromium, phoneContext, scrollsSideways, signedIn, type SpecOrganization } from '../support/browser';

/* This file works in an organization of its own, whose registry holds one youth it corrects. */
describe('correcting a person in the registry', () => {
  let browser: Browser;
  let org: SpecOrganization;
  beforeAll(async () => {
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('lets an organizer on a phone fix a misspelt name and village with the add form’s fields and rules', async () => {
    const context = await phoneContext(browser);
    const page = await signedIn(context, org.organizer);
    await expectOk(
      context.request.post('/api/people', {
        data: { fullName: 'ด.ช. ภูผา ใจกล้า', group: 'youth', village: 3, ageBand: '12_14', guardianName: 'นายภูมิ ใจกล้า' },
      }),
    );

    await page.goto('/people');
    await page.getByText('หมู่ที่ 3').waitFor();
    await page.getByRole('button', { name: 'แก้ไขข้อมูล ด.ช. ภูผา ใจกล้า' }).click();
    const form = page.getByRole('form', { name: 'แก้ไขข้อมูล ด.ช. ภูผา ใจกล้า' });
    // The form starts from what the registry holds.
    expect(await form.getByLabel('ชื่อ-นามสกุล').inputValue()).toBe('ด.ช. ภูผา ใจกล้า');
    // The name's limit is on screen before anyone runs into it.
    await form.getByText('ไม่เกิน 120 ตัวอักษร', { exact: true }).waitFor();
    expect(await form.getByLabel('หมู่ที่').inputValue()).toBe('3');
    expect(await scrollsSideways(page)).toBe(false);

    // The same rule as adding: a minor keeps a consenting guardian.
    await form.getByLabel('ผู้ปกครองที่ให้ความยินยอม', { exact: false }).fill('');
    await form.getByRole('button', { name: 'บันทึกการแก้ไข' }).click();
    await form.getByText('ผู้เยาว์ (อายุต่ำกว่า 20 ปี) ต้องมีชื่อผู้ปกครองที่ให้ความยินยอม').first().waitFor();
    await form.getByLabel('ผู้ปกครองที่ให้ความยินยอม', { exact: false }).fill('นายภูมิ ใจกล้า');

    await form.getByLabel('ชื่อ-นามสกุล').fill('ด.ช. ภูผา ใจกล้าหาญ');
    await form.getByLabel('หมู่ที่').fill('๕');
    await form.getByRole('button', { name: 'บันทึกการแก้ไข' }).click();
    await page.getByRole('status').getByText('บันทึกการแก้ไขแล้ว').waitFor();
    await page.getByText('ด.ช. ภูผา ใจกล้าหาญ', { exact: true }).waitFor();
    await page.getByText('หมู่ที่ 5').waitFor();
    expect(await page.getByText('หมู่ที่ 3').count()).toBe(0);

    // Cancelling changes nothing.
    await page.getByRole('button', { name: 'แก้ไขข้อมูล ด.ช. ภูผา ใจกล้าหาญ' }).click();
    const again = page.getByRole('form', { name: 'แก้ไขข้อมูล ด.ช. ภูผา ใจกล้าหาญ' });
    await again.getByLabel('ชื่อ-นามสกุล').fill('ผิด');
    await again.getByRole('button', { name: 'ยกเลิก' }).click();
    await again.waitFor({ state: 'detached' });
    await page.getByText('ด.ช. ภูผา ใจกล้าหาญ', { exact: true }).waitFor();
    await context.close();

    // The admin's log names the fields changed, not what they now say.
    const adminContext = await phoneContext(browser);
    const admin = await signedIn(adminContext, org.admin);
    await admin.goto('/admin/audit');
    const log = admin.getByRole('list', { name: 'บันทึกการเปลี่ยนแปลง' });
    const entry = log.getByRole('listitem').filter({ hasText: 'แก้ไขข้อมูลผู้เข้าอบรม' });
    await entry.waitFor();
    // The fields by name (in the order PostgreSQL's jsonb keeps keys: shorter first), and nothing else.
    expect(await entry.locator('p.muted').innerText()).toBe('หมู่ที่ · ชื่อ-นามสกุล');
    expect(await entry.innerText()).not.toContain('ภูผา');
    await adminContext.close();
  });
});

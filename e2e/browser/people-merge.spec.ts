import type { Browser } from 'playwright-core';
import { createSpecOrganization, expectOk, launchChromium, phoneContext, scrollsSideways, signedIn, type SpecOrganization } from '../support/browser';

/* This file works in an organization of its own, whose registry it fills with one person entered twice. */
describe('possible duplicates in the registry', () => {
  let browser: Browser;
  let org: SpecOrganization;
  beforeAll(async () => {
    org = await createSpecOrganization();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('lets an organizer on a phone merge one person entered twice, so the registry lists them once', async () => {
    const context = await phoneContext(browser);
    const page = await signedIn(context, org.organizer);
    const person = (fullName: string, village: number | null) =>
      expectOk(context.request.post('/api/people', { data: { fullName, group: 'citizen', village } }));
    await person('นางสาวบุษบา รักถิ่น', 2);
    await person('น.ส. บุษบา  รักถิ่น', null);
    await person('นางสาวบุษบา รักดี', 2);

    await page.goto('/people');
    const section = page.getByRole('region', { name: 'รายชื่อที่อาจซ้ำกัน' });
    await section.getByText('ไม่นับคำนำหน้าและช่องว่าง', { exact: false }).waitFor();
    // Only the two that read the same are offered; the other รักดี is a different person.
    await section.getByRole('radio').nth(1).waitFor();
    expect(await section.getByRole('radio').count()).toBe(2);
    expect(await section.getByText('นางสาวบุษบา รักดี').count()).toBe(0);
    expect(await scrollsSideways(page)).toBe(false);

    await section.getByRole('radio', { name: /น\.ส\. บุษบา/ }).check();
    await section.getByRole('button', { name: 'รวมเป็น น.ส. บุษบา  รักถิ่น' }).click();
    await section.getByText('รวม 1 รายชื่อเข้ากับ', { exact: false }).waitFor();
    await section.getByRole('button', { name: 'รวมรายชื่อ', exact: true }).click();
    await section.getByRole('status').getByText('รวมรายชื่อแล้ว: น.ส. บุษบา  รักถิ่น', { exact: false }).waitFor();
    await section.getByRole('radio').first().waitFor({ state: 'detached' });

    // The registry now has the kept entry, with the village the other one had.
    await page.getByRole('searchbox').fill('บุษบา');
    await page.getByText('พบ 2 คน', { exact: false }).waitFor();
    await page.getByText('หมู่ที่ 2').first().waitFor();
    await context.close();
  });
});

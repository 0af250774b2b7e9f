import { PNG } from 'pngjs';
import { startTestApp, TestApp } from '../support/test-app';

/** A real PNG of the given size, filled with one colour. */
function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(0x80);
  return PNG.sync.write(image);
}

const profile = {
  name: 'องค์การบริหารส่วนตำบลทดสอบ',
  shortName: 'อบต.ทดสอบ',
  nameEn: 'Thotsop Subdistrict Administrative Organization',
  province: 'นราธิวาส',
  address: 'หมู่ที่ 1 ตำบลทดสอบ อำเภอตากใบ จังหวัดนราธิวาส 96110',
  signatoryName: 'นายตัวอย่าง ใจซื่อ',
  signatoryPosition: 'นายกองค์การบริหารส่วนตำบลทดสอบ',
};

/** The organization's profile, which reports and certificates print: admins keep it, every staff member reads it. */
describe('the organization profile', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('an admin keeps the names, address and signatory; everyone in the organization reads them; the change is logged', async () => {
    const org = await t.createOrganization();
    const admin = await org.login('admin');
    const saved = await admin.put('/api/organization').send(profile).expect(200);
    expect(saved.body).toEqual({ id: org.id, ...profile, logoUrl: null });
    const asManager = await (await org.login('manager')).get('/api/organization').expect(200);
    expect(asManager.body).toMatchObject(profile);
    // The header shows the new name at the next request.
    expect((await admin.get('/api/auth/me').expect(200)).body.organization.name).toBe(profile.name);

    const log = await admin.get('/api/audit-events?subject=organization').expect(200);
    expect(log.body.events[0]).toMatchObject({ action: 'organization.profile_updated', changes: { shortName: { from: null, to: 'อบต.ทดสอบ' } } });
  });

  it('only admins change it, and bad input changes nothing', async () => {
    const org = await t.createOrganization();
    const admin = await org.login('admin');
    await (await org.login('organizer')).put('/api/organization').send(profile).expect(403);
    await (await org.login('manager')).put('/api/organization').send(profile).expect(403);
    const empty = await admin.put('/api/organization').send({ ...profile, name: '  ' }).expect(400);
    expect(empty.body.issues).toEqual([
      { path: 'name', code: 'organizationNameRequired', params: { minimum: 1, origin: 'string' }, message: 'กรุณากรอกชื่อหน่วยงาน' },
    ]);
    const long = await admin.put('/api/organization').send({ ...profile, shortName: 'ก'.repeat(61) }).expect(400);
    expect(long.body.issues[0]).toEqual({ path: 'shortName', code: 'too_big', params: { maximum: 60, origin: 'string' }, message: 'ยาวได้ไม่เกิน 60 ตัวอักษร' });
    await admin.put('/api/organization').send({ ...profile, organizationId: org.id }).expect(400);
    expect((await admin.get('/api/organization').expect(200)).body).toMatchObject({ name: org.name, shortName: null });
  });

  it('takes a PNG logo and serves it only to its own organization, as an image that cannot be sniffed into a page', async () => {
    const org = await t.createOrganization();
    const other = await t.createOrganization();
    const admin = await org.login('admin');
    const image = png(120, 120);
    const saved = await admin.put('/api/organization/logo').attach('file', image, { filename: 'logo.png', contentType: 'image/png' }).expect(200);
    expect(saved.body.logoUrl).toMatch(/^\/api\/organization\/logo\?v=\d+$/);
    const served = await (await org.login('manager')).get(saved.body.logoUrl).expect(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(served.body as Buffer, image)).toBe(0);
    await (await other.login('admin')).get('/api/organization/logo').expect(404);
    await t.http().get('/api/organization/logo').expect(401);

    await admin.delete('/api/organization/logo').expect(200);
    await admin.get('/api/organization/logo').expect(404);
  });

  it('refuses what is not a PNG or JPEG whatever it is called, and images too big or too large', async () => {
    const org = await t.createOrganization();
    const admin = await org.login('admin');
    const upload = (content: Buffer, filename: string, contentType: string) =>
      admin.put('/api/organization/logo').attach('file', content, { filename, contentType });

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const refusedSvg = await upload(svg, 'logo.svg', 'image/svg+xml').expect(400);
    expect(refusedSvg.body).toEqual({ code: 'LOGO_INVALID', message: 'โลโก้ต้องเป็นไฟล์ภาพ PNG หรือ JPEG' });
    expect((await upload(Buffer.from('<html>not an image</html>'), 'logo.png', 'image/png').expect(400)).body.code).toBe('LOGO_INVALID');
    // A PNG signature with nothing after it.
    expect((await upload(png(64, 64).subarray(0, 12), 'logo.png', 'image/png').expect(400)).body.code).toBe('LOGO_INVALID');

    const huge = await upload(png(2400, 100), 'wide.png', 'image/png').expect(400);
    expect(huge.body.message).toBe('ภาพโลโก้ต้องกว้างและสูงระหว่าง 16 ถึง 2000 พิกเซล');
    const heavy = Buffer.concat([png(64, 64), Buffer.alloc(600 * 1024)]);
    await upload(heavy, 'heavy.png', 'image/png').expect(413);
    await admin.put('/api/organization/logo').expect(400);
    expect((await admin.get('/api/organization').expect(200)).body.logoUrl).toBeNull();
  });
});

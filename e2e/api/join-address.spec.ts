import { parsePublicUrl } from '@sujarit/api/common/public-url';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { startTestApp, TestApp } from '../support/test-app';

/** Join links and QR codes use PUBLIC_URL; without it, staff are offered the server's own LAN addresses. */
describe('the join address', () => {
  const saved = process.env.PUBLIC_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.PUBLIC_URL;
    else process.env.PUBLIC_URL = saved;
  });

  it('reads PUBLIC_URL as an absolute http(s) address of a site root, without its trailing slash', () => {
    expect(parsePublicUrl(undefined)).toBeNull();
    expect(parsePublicUrl('  ')).toBeNull();
    expect(parsePublicUrl('https://sujarit.example.go.th/')).toBe('https://sujarit.example.go.th');
    expect(parsePublicUrl('http://192.168.1.10:3000')).toBe('http://192.168.1.10:3000');
    expect(parsePublicUrl('HTTPS://Sujarit.Example.go.th:443/')).toBe('https://sujarit.example.go.th');
    for (const bad of ['sujarit.example.go.th', '/j', 'ftp://sujarit.example.go.th', 'https://sujarit.example.go.th/app', 'https://a:b@x.example', 'https://x.example/?a=1', 'http://']) {
      expect(() => parsePublicUrl(bad)).toThrow(/^PUBLIC_URL /);
    }
  });

  describe('without PUBLIC_URL', () => {
    let t: TestApp;
    beforeAll(async () => {
      delete process.env.PUBLIC_URL;
      t = await startTestApp();
      await t.app.listen(0, '127.0.0.1');
    });
    afterAll(() => t.close());

    it("gives staff the server's LAN addresses with its port, and nothing to anyone signed out", async () => {
      const org = await t.createOrganization();
      const port = (t.app.getHttpServer().address() as AddressInfo).port;
      const expected = Object.values(networkInterfaces())
        .flatMap((addresses) => addresses ?? [])
        .filter((a) => a.family === 'IPv4' && !a.internal)
        .map((a) => `http://${a.address}:${port}`);
      for (const role of ['organizer', 'manager', 'admin'] as const) {
        const body = (await (await org.login(role)).get('/api/join-address').expect(200)).body;
        expect(body).toEqual({ publicUrl: null, lanUrls: expected });
      }
      for (const url of expected) expect(url).not.toMatch(/127\.0\.0\.1|localhost/);
      expect((await t.http().get('/api/join-address').expect(401)).body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('with PUBLIC_URL', () => {
    let t: TestApp;
    beforeAll(async () => {
      process.env.PUBLIC_URL = 'https://sujarit.example.go.th/';
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('gives its address without the trailing slash', async () => {
      const organizer = await (await t.createOrganization()).login('organizer');
      const body = (await organizer.get('/api/join-address').expect(200)).body;
      expect(body.publicUrl).toBe('https://sujarit.example.go.th');
    });
  });
});

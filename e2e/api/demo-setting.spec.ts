import { DEMO_ORGANIZATION_NAME, DEMO_USERS } from '@sujarit/api/seed/demo-organization.seed';
import { demoWanted } from '@sujarit/api/seed/demo-setting';
import { Client } from 'pg';
import { startTestApp } from '../support/test-app';

/** The demo organization is for trying Sujarit out on the embedded database, not for a real server. */
describe('when the demo organization is created', () => {
  it('is wanted on the embedded database, not on DATABASE_URL unless SUJARIT_DEMO=1, never with SUJARIT_DEMO=0', () => {
    expect(demoWanted({})).toBe(true);
    expect(demoWanted({ DATABASE_URL: 'postgres://db.example/sujarit' })).toBe(false);
    expect(demoWanted({ DATABASE_URL: 'postgres://db.example/sujarit', SUJARIT_DEMO: '1' })).toBe(true);
    expect(demoWanted({ SUJARIT_DEMO: '0' })).toBe(false);
    expect(demoWanted({ DATABASE_URL: 'postgres://db.example/sujarit', SUJARIT_DEMO: 'yes' })).toBe(false);
  });

  it('a real start on a DATABASE_URL server leaves a new database empty; SUJARIT_DEMO=1 adds the demo, whose accounts must choose new passwords', async () => {
    const server = new URL(process.env.SUJARIT_TEST_DATABASE_URL as string);
    const name = `sujarit_demo_${Date.now()}`;
    const admin = new Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(server.toString());
    url.pathname = `/${name}`;
    const saved = { DATABASE_URL: process.env.DATABASE_URL, SUJARIT_DEMO: process.env.SUJARIT_DEMO };
    try {
      process.env.DATABASE_URL = url.toString();
      delete process.env.SUJARIT_DEMO;
      const plain = await startTestApp({ databaseUrl: url.toString() });
      const [{ organizations }] = await plain.db.query(`SELECT count(*)::int AS organizations FROM organizations`);
      await plain.close();
      expect(organizations).toBe(0);

      process.env.SUJARIT_DEMO = '1';
      const demo = await startTestApp({ databaseUrl: url.toString() });
      try {
        const users: { email: string; must_change_password: boolean }[] = await demo.db.query(
          `SELECT u.email, u.must_change_password FROM users u JOIN organizations o ON o.id = u.organization_id WHERE o.name = $1 ORDER BY u.email`,
          [DEMO_ORGANIZATION_NAME],
        );
        expect(users).toEqual(DEMO_USERS.map((u) => ({ email: u.email, must_change_password: true })).sort((a, b) => a.email.localeCompare(b.email)));
      } finally {
        await demo.close();
      }
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});

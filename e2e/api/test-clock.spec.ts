import { AssessmentSettingsSchema } from '@sujarit/contracts';
import { createSession, openTest, startTestApp, testIdOf } from '../support/test-app';

/**
 * POST /api/test/clock moves the server's time for the browser tests' deadlines. It must never exist in a normal
 * start: only NODE_ENV=test together with SUJARIT_TEST_CLOCK=1 serves it.
 */
describe('the test-only clock route', () => {
  const saved = { NODE_ENV: process.env.NODE_ENV, SUJARIT_TEST_CLOCK: process.env.SUJARIT_TEST_CLOCK };

  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  async function statusOfClockRoute(env: { NODE_ENV?: string; SUJARIT_TEST_CLOCK?: string }): Promise<number> {
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    const t = await startTestApp();
    try {
      return (await t.http().post('/api/test/clock').send({ advanceMs: 60_000 })).status;
    } finally {
      await t.close();
    }
  }

  it('is not there on a normal start', async () => {
    expect(await statusOfClockRoute({ NODE_ENV: 'production', SUJARIT_TEST_CLOCK: undefined })).toBe(404);
    expect(await statusOfClockRoute({ NODE_ENV: 'test', SUJARIT_TEST_CLOCK: undefined })).toBe(404);
  });

  it('is not there when asked for outside NODE_ENV=test', async () => {
    expect(await statusOfClockRoute({ NODE_ENV: 'production', SUJARIT_TEST_CLOCK: '1' })).toBe(404);
    expect(await statusOfClockRoute({ NODE_ENV: undefined, SUJARIT_TEST_CLOCK: '1' })).toBe(404);
  });

  it('moves the time the app works by, forward only, and back to the real time', async () => {
    process.env.NODE_ENV = 'test';
    process.env.SUJARIT_TEST_CLOCK = '1';
    const t = await startTestApp();
    try {
      const organizer = await (await t.createOrganization()).login('organizer');
      const session = await createSession(organizer);
      const preId = testIdOf(session, 'pre_test');
      const detail = (await organizer.get(`/api/assessments/${preId}`).expect(200)).body;
      const settings = Object.fromEntries(SETTINGS_FIELDS.map((field) => [field, detail[field]]));
      const closesAt = new Date(Date.now() + 10 * 60_000).toISOString();
      await organizer.put(`/api/assessments/${preId}`).send({ ...settings, closesAt }).expect(200);
      await openTest(organizer, session, 'pre_test');
      const stateOfPreTest = async () =>
        ((await organizer.get(`/api/sessions/${session.id}`).expect(200)).body.assessments as { id: string; state: string }[]).find(
          (a) => a.id === preId,
        )?.state;
      expect(await stateOfPreTest()).toBe('open');

      const before = Date.now();
      const moved = await t.http().post('/api/test/clock').send({ advanceMs: 11 * 60_000 }).expect(200);
      expect(moved.body.offsetMs).toBe(11 * 60_000);
      expect(Date.parse(moved.body.now) - before).toBeGreaterThanOrEqual(11 * 60_000);
      // The app's own rules read the moved time: the test's closing time has passed.
      expect(await stateOfPreTest()).toBe('closed');

      await t.http().post('/api/test/clock').send({ advanceMs: -1 }).expect(400);
      const reset = await t.http().post('/api/test/clock').send({ reset: true }).expect(200);
      expect(reset.body.offsetMs).toBe(0);
      expect(Math.abs(Date.parse(reset.body.now) - Date.now())).toBeLessThan(5_000);
      expect(await stateOfPreTest()).toBe('open');
    } finally {
      await t.close();
    }
  });
});

// Every field the settings form sends: the API takes the whole set.
const SETTINGS_FIELDS = Object.keys(AssessmentSettingsSchema.shape);

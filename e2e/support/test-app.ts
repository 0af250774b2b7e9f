import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Role } from '@sujarit/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppModule } from '@sujarit/api/app.module';
import { Clock } from '@sujarit/api/common/clock';
import { configureApp } from '@sujarit/api/app.setup';
import { dataSourceOptions } from '@sujarit/api/database/data-source-options';
import { SeedService } from '@sujarit/api/seed/seed.service';

export interface TestOrganization {
  id: string;
  name: string;
  password: string;
  email(role: Role): string;
  /** A supertest agent logged in as this organization's user of that role; it keeps its cookies. */
  login(role: Role): Promise<TestAgent>;
}

export interface TestApp {
  app: INestApplication;
  /**
   * The database as its owner sees it (every organization's rows), for what a test sets up or checks by hand; the
   * app itself works through `appDb`, as `sujarit_app` under row-level security.
   */
  db: DataSource;
  appDb: DataSource;
  http(): TestAgent;
  /**
   * A new organization seeded like the demo one (four programs, years, banks), with one user per role;
   * `{ template: null }` makes it without programs. Its users may sign in and work at once, unless
   * `mustChangePassword` makes them choose a new password first, as the demo's.
   */
  createOrganization(name?: string, options?: { template?: string | null; mustChangePassword?: boolean }): Promise<TestOrganization>;
  close(): Promise<void>;
}

/** A clock the test moves by hand: deadlines and windows without waiting. */
export class TestClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}

export async function startTestApp(
  options: { clock?: TestClock; databaseUrl?: string; appDatabaseUrl?: string; webRoot?: string } = {},
): Promise<TestApp> {
  // Another database than the run's, for a test that needs one of its own (backup and restore).
  const databaseUrl = options.databaseUrl ?? process.env.SUJARIT_TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('SUJARIT_TEST_DATABASE_URL is not set: run through e2e/jest.api.config.js');
  // `webRoot`: a built web app to serve beside the API, as main.ts does.
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot({ databaseUrl, appDatabaseUrl: options.appDatabaseUrl, webRoot: options.webRoot })] });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  await configureApp(app);
  await app.init();
  const appDb = app.get(DataSource);
  const db = await new DataSource({ ...dataSourceOptions(databaseUrl), extra: { max: 4 } }).initialize();
  const http = () => request.agent(app.getHttpServer());

  const createOrganization = async (
    name = `อบต.ทดสอบ ${randomUUID().slice(0, 8)}`,
    { mustChangePassword = false, ...seeding }: { template?: string | null; mustChangePassword?: boolean } = {},
  ): Promise<TestOrganization> => {
    const tag = randomUUID().slice(0, 8);
    const password = `test-password-${tag}`;
    const email = (role: Role) => `${role}-${tag}@test.example`;
    const roles: Role[] = ['admin', 'organizer', 'manager'];
    const organization = await db.transaction((manager) =>
      app.get(SeedService).seedOrganization(
        manager,
        name,
        roles.map((role) => ({ email: email(role), password, displayName: `${role} ${tag}`, role, mustChangePassword })),
        seeding,
      ),
    );
    return {
      id: organization.id,
      name,
      password,
      email,
      login: async (role: Role) => {
        const agent = http();
        await agent.post('/api/auth/login').send({ email: email(role), password }).expect(200);
        return agent;
      },
    };
  };

  const close = async () => {
    await app.close();
    await db.destroy();
  };
  return { app, db, appDb, http, createOrganization, close };
}

/** A valid body for POST /api/sessions: tomorrow 09:00–16:00 Bangkok time, 70 seats. */
export function sessionRequest(programId: string, overrides: Record<string, unknown> = {}) {
  const day = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return {
    programId,
    title: 'รุ่นที่ 1',
    startsAt: `${day}T09:00:00+07:00`,
    endsAt: `${day}T16:00:00+07:00`,
    venue: 'ห้องประชุม อบต.',
    capacity: 70,
    ...overrides,
  };
}

/** Creates a session of the program with that code through the API, as the organizer. */
export async function createSession(organizer: TestAgent, programCode = '1.1.1', overrides: Record<string, unknown> = {}) {
  const programs = await organizer.get('/api/programs').expect(200);
  const program = (programs.body.programs as { id: string; code: string }[]).find((p) => p.code === programCode);
  if (!program) throw new Error(`no program ${programCode}`);
  const response = await organizer.post('/api/sessions').send(sessionRequest(program.id, overrides)).expect(201);
  return response.body as {
    id: string;
    joinCode: string;
    programId: string;
    fiscalYear: number;
    assessments: { id: string; kind: string; title: string }[];
  };
}

type TestKind = 'pre_test' | 'post_test';

/** The id of a session's pre- or post-test, from the session as the API returns it. */
export function testIdOf(session: { assessments: { id: string; kind: string }[] }, kind: TestKind): string {
  const found = session.assessments.find((a) => a.kind === kind);
  if (!found) throw new Error(`the session has no ${kind}`);
  return found.id;
}

/** Opens a session's pre- or post-test as the organizer (204). */
export async function openTest(organizer: TestAgent, session: { assessments: { id: string; kind: string }[] }, kind: TestKind) {
  await organizer.post(`/api/assessments/${testIdOf(session, kind)}/open`).expect(204);
}

/** Closes a session's pre- or post-test as the organizer (204). */
export async function closeTest(organizer: TestAgent, session: { assessments: { id: string; kind: string }[] }, kind: TestKind) {
  await organizer.post(`/api/assessments/${testIdOf(session, kind)}/close`).expect(204);
}

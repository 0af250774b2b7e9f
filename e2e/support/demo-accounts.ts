// Jest's globalSetup loads this without moduleNameMapper, so the alias cannot be used here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { DEMO_USERS } from '../../apps/api/src/seed/demo-organization.seed';
import { request as httpRequest } from 'node:http';

type DemoRole = 'admin' | 'organizer' | 'manager';

export interface Credentials {
  email: string;
  password: string;
}

/** A demo account as seeded: the published password it must change at its first sign-in (README). */
export function seededDemoAccount(role: DemoRole): Credentials {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo ${role}`);
  return { email: user.email, password: user.password };
}

/**
 * A demo account after its first sign-in: the one place the tests' own new passwords are chosen. Browser global
 * setup gives the organizer and the manager theirs, as a person would; the admin keeps its published password
 * for the must-change test (e2e/browser/accounts.spec.ts).
 */
export function demoAccount(role: DemoRole): Credentials {
  const seeded = seededDemoAccount(role);
  return { email: seeded.email, password: `${seeded.password}-chosen-by-the-tests` };
}

/**
 * Signs a demo account in with its published password and chooses its new one, through the API as the web app
 * does. Does nothing when that was done already (the published password no longer works).
 */
export async function chooseDemoPassword(baseUrl: string, role: DemoRole): Promise<Credentials> {
  const seeded = seededDemoAccount(role);
  const chosen = demoAccount(role);
  const login = await postJson(`${baseUrl}/api/auth/login`, seeded);
  if (login.status === 401) return chosen;
  if (login.status !== 200) throw new Error(`demo ${role} sign-in: HTTP ${login.status} ${login.body}`);
  const change = await postJson(
    `${baseUrl}/api/account/password`,
    { currentPassword: seeded.password, newPassword: chosen.password },
    login.cookie,
  );
  if (change.status !== 204) throw new Error(`demo ${role} password change: HTTP ${change.status} ${change.body}`);
  return chosen;
}

/** One JSON request without keep-alive, so no pooled socket outlives the run; the answer's session cookie too. */
function postJson(url: string, body: unknown, cookie = ''): Promise<{ status: number; body: string; cookie: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'application/json', Origin: target.origin, ...(cookie ? { Cookie: cookie } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            cookie: (response.headers['set-cookie']?.[0] ?? '').split(';')[0],
          }),
        );
      },
    );
    request.once('error', reject);
    request.end(JSON.stringify(body));
  });
}

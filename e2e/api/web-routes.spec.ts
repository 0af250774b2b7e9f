import type { LoggerService } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

/**
 * The server as a browser, a crawler or a scanner meets it, with the web app served beside the API as main.ts
 * serves it: unknown and climbing paths, HEAD and OPTIONS, a huge URL, many headers, odd conditional requests.
 * Each is a 4xx (or the web app's page for an unknown page), answered at once, never a 5xx or a file from outside.
 */
describe('the web routes refuse what they cannot serve, never with a server error', () => {
  let t: TestApp;
  let folder: string;
  let port: number;
  const logged: string[] = [];
  const PAGE = '<!doctype html><html lang="th"><title>สุจริต</title><div id="root"></div></html>';
  const SECRET = 'secret beside the web folder';

  beforeAll(async () => {
    // A web app of two files, with a file beside its folder that nothing may serve.
    folder = await mkdtemp(join(tmpdir(), 'sujarit-web-'));
    await mkdir(join(folder, 'web', 'assets'), { recursive: true });
    await writeFile(join(folder, 'web', 'index.html'), PAGE);
    await writeFile(join(folder, 'web', 'assets', 'app.js'), 'console.log("สุจริต");\n'.repeat(50));
    await writeFile(join(folder, 'secret.txt'), SECRET);
    t = await startTestApp({ webRoot: join(folder, 'web') });
    const capture = (level: string) => (message: unknown, ...rest: unknown[]) => {
      logged.push(`${level} ${[message, ...rest].map(String).join(' ')}`);
    };
    const logger: LoggerService = { log: capture('log'), error: capture('error'), warn: capture('warn'), debug: capture('debug'), verbose: capture('verbose') };
    t.app.useLogger(logger);
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await t.close();
    await rm(folder, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(logged.filter((line) => line.startsWith('error') || line.startsWith('warn'))).toEqual([]);
    logged.length = 0;
  });

  /** A request with its path exactly as given (no client tidies `..` away), answered within 5 s or failed. */
  function raw(method: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, timeout: 5000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }),
        );
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${path.slice(0, 80)}: no answer in 5 s`)));
      req.on('error', reject);
      req.end();
    });
  }

  const apiError = (answer: RawAnswer) => {
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(answer.body) as { code: string; message: string };
    expect(body.message).toMatch(/[ก-๙]/);
    return body.code;
  };

  it("answers a deep unknown page with the web app's page, and a deep unknown /api path with 404 NOT_FOUND", async () => {
    const page = await raw('GET', '/programs/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p');
    expect(page.status).toBe(200);
    expect(page.body).toBe(PAGE);
    for (const path of ['/api', '/api/', '/api/a/b/c/d/e/f/g/h', '/api/programs/x/y/z']) {
      const api = await raw('GET', path);
      expect({ path, status: api.status, code: apiError(api) }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
  });

  it.each([
    '/api/../etc/passwd',
    '/api/../../secret.txt',
    '/../secret.txt',
    '/../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/assets/../../secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5c..%5csecret.txt',
    '/api/docs/../../../secret.txt',
    '/api/docs/%2e%2e/%2e%2e/%2e%2e/secret.txt',
  ])('never serves a file from outside the web app for %s', async (path) => {
    const answer = await raw('GET', path);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body).not.toContain(SECRET);
    expect(answer.body).not.toMatch(/root:.*:0:0:/);
    // Either the web app's page (an unknown page) or a refusal in the API's words.
    if (answer.status === 200) expect(answer.body).toBe(PAGE);
    else apiError(answer);
  });

  it('answers HEAD like GET without a body, and OPTIONS to an API route with 404 and no CORS permission', async () => {
    const me = await raw('HEAD', '/api/auth/me');
    expect(me.status).toBe(401);
    expect(me.body).toBe('');
    expect((await raw('HEAD', '/api/docs-json')).status).toBe(200);
    expect((await raw('HEAD', '/api/join/ABCDEF')).status).toBe(404);
    expect((await raw('HEAD', '/assets/app.js')).status).toBe(200);
    for (const path of ['/api/programs', '/api/auth/login', '/api/join/ABCDEF']) {
      const options = await raw('OPTIONS', path, { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'POST' });
      expect({ path, status: options.status, code: apiError(options) }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
      expect(options.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('refuses a 100 KB URL and 20 KB of headers with 431 at once, and takes 200 ordinary headers', async () => {
    for (const path of [`/api/programs?q=${'a'.repeat(100_000)}`, `/${'a'.repeat(100_000)}`]) {
      const long = await raw('GET', path);
      expect(long.status).toBe(431);
      expect(long.ms).toBeLessThan(2000);
    }
    expect((await raw('GET', '/api/auth/me', { 'X-Big': 'a'.repeat(20_000) })).status).toBe(431);
    const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`X-Probe-${i}`, String(i)]));
    const api = await raw('GET', '/api/auth/me', many);
    expect({ status: api.status, code: apiError(api) }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect((await raw('GET', '/', many)).body).toBe(PAGE);
  });

  it('answers a Range past the end with 416 and an If-Match that fails with 412, in Thai, for the page and its files', async () => {
    for (const path of ['/', '/some/page', '/assets/app.js']) {
      const range = await raw('GET', path, { Range: 'bytes=999999-1000000' });
      expect({ path, status: range.status, code: apiError(range) }).toEqual({ path, status: 416, code: 'RANGE_NOT_SATISFIABLE' });
      const conditions: Record<string, string>[] = [{ 'If-Match': '"not-this-one"' }, { 'If-Unmodified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' }];
      for (const condition of conditions) {
        const precondition = await raw('GET', path, condition);
        expect({ path, status: precondition.status, code: apiError(precondition) }).toEqual({ path, status: 412, code: 'PRECONDITION_FAILED' });
      }
    }
    // A Range inside the file is still served.
    const part = await raw('GET', '/assets/app.js', { Range: 'bytes=0-9' });
    expect(part.status).toBe(206);
    expect(part.body).toHaveLength(10);
  });

  it('answers a JSON body that says it is over 4 MB at once (413), without waiting for the body', async () => {
    const started = performance.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        // 100 GB announced, two bytes sent: the answer must not wait for the rest.
        socket.write('POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000000000\r\n\r\n{"');
      });
      let received = '';
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString('utf8');
        if (received.endsWith('}')) {
          socket.destroy();
          resolve(received);
        }
      });
      socket.on('error', reject);
      socket.setTimeout(5000, () => socket.destroy(new Error('no answer in 5 s')));
    });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"code":"PAYLOAD_TOO_LARGE"');
  });
});

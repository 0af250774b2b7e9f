import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../support/test-app';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/*
 * The web app's files as a phone on a weak line gets them: the copy the build compressed (brotli, else gzip) when
 * the browser accepts it, the hashed files under /assets kept for a year without asking again, the page itself
 * checked at every visit so a new version reaches the phone. The web folder is laid out here as `npm run build`
 * lays out dist/web: each text file with its .br and .gz beside it.
 */
describe('the web app is served compressed and cached as a phone needs', () => {
  let t: TestApp;
  let folder: string;
  let port: number;
  const PAGE = '<!doctype html><html lang="th"><head><title>สุจริต</title></head><body><div id="root"></div></body></html>';
  /**
   * What Vite's manifest says of the build: the entry, and the two apps it picks between by address: the trainee's
   * (its pages in it) with a chunk and a stylesheet of its own, and the office's with its router.
   */
  const MANIFEST = {
    'index.html': { file: 'assets/index-Bx3kQ9aZ.js', isEntry: true, imports: ['_i18n-Q1w2E3r4.js'] },
    '_i18n-Q1w2E3r4.js': { file: 'assets/i18n-Q1w2E3r4.js' },
    'src/app/TraineeApp.tsx': {
      file: 'assets/TraineeApp-A1b2C3d4.js',
      isDynamicEntry: true,
      imports: ['index.html', '_i18n-Q1w2E3r4.js', '_fields-O9p0A1s2.js'],
      css: ['assets/trainee-D3f4G5h6.css'],
    },
    'src/app/App.tsx': { file: 'assets/App-E5f6G7h8.js', isDynamicEntry: true, imports: ['index.html', '_router-J9k0L1m2.js'] },
    '_router-J9k0L1m2.js': { file: 'assets/router-J9k0L1m2.js' },
    '_fields-O9p0A1s2.js': { file: 'assets/fields-O9p0A1s2.js', imports: ['_i18n-Q1w2E3r4.js'] },
  };
  const SCRIPT = 'export const greeting = "สวัสดี ผู้เข้าอบรม";\n'.repeat(400);
  const SCRIPT_PATH = '/assets/index-Bx3kQ9aZ.js';
  /** The installable app's files: their names never change, so a phone must ask about them each time. */
  const WORKER = 'self.addEventListener("fetch", () => {});\n';
  const WEB_MANIFEST = JSON.stringify({ name: 'สุจริต', start_url: '/j' });

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'sujarit-web-assets-'));
    await mkdir(join(folder, 'assets'));
    await writeFile(join(folder, 'index.html'), PAGE);
    await mkdir(join(folder, '.vite'));
    await writeFile(join(folder, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
    const script = join(folder, SCRIPT_PATH);
    await writeFile(script, SCRIPT);
    await writeFile(`${script}.br`, brotliCompressSync(SCRIPT));
    await writeFile(`${script}.gz`, gzipSync(SCRIPT, { level: 9 }));
    await writeFile(join(folder, 'service-worker.js'), WORKER);
    await writeFile(join(folder, 'manifest.webmanifest'), WEB_MANIFEST);
    t = await startTestApp({ webRoot: folder });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await t.close();
    await rm(folder, { recursive: true, force: true });
  });

  /** One request with exactly these headers (no client adds an Accept-Encoding of its own, nor decodes the body). */
  function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, timeout: 5000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('timeout', () => req.destroy(new Error(`${path}: no answer in 5 s`)));
      req.on('error', reject);
      req.end();
    });
  }

  it('sends a script as brotli to a browser that accepts it, a tenth of its size, and it decodes to the file', async () => {
    const answer = await get(SCRIPT_PATH, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    // 400 identical Thai lines: the brotli copy is well under a tenth of the 32,000 bytes (80 a line).
    expect(Buffer.byteLength(SCRIPT)).toBe(32_000);
    expect(answer.body.length).toBeLessThan(3_200);
    expect(brotliDecompressSync(answer.body).toString('utf8')).toBe(SCRIPT);
  });

  it('sends gzip to a client that takes gzip only (an older browser, a proxy), or refuses brotli with q=0', async () => {
    for (const acceptEncoding of ['gzip, deflate', 'br;q=0, gzip;q=0.8']) {
      const answer = await get(SCRIPT_PATH, { 'Accept-Encoding': acceptEncoding });
      expect({ acceptEncoding, encoding: answer.headers['content-encoding'] }).toEqual({ acceptEncoding, encoding: 'gzip' });
      expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(gunzipSync(answer.body).toString('utf8')).toBe(SCRIPT);
    }
  });

  it('sends the file as it is to a client that accepts no compression, still saying the answer varies', async () => {
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }] as Record<string, string>[]) {
      const answer = await get(SCRIPT_PATH, headers);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
      expect(answer.body.toString('utf8')).toBe(SCRIPT);
    }
  });

  it('lets a hashed file be kept for a year without asking again, whichever encoding was sent', async () => {
    for (const acceptEncoding of ['br', 'gzip', 'identity']) {
      const answer = await get(SCRIPT_PATH, { 'Accept-Encoding': acceptEncoding });
      expect({ acceptEncoding, cache: answer.headers['cache-control'] }).toEqual({ acceptEncoding, cache: 'public, max-age=31536000, immutable' });
    }
    const head = await get(SCRIPT_PATH, { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
  });

  it('has the page itself checked at every visit (no-cache), at / and at every app route', async () => {
    for (const path of ['/', '/index.html', '/programs/x', '/j/ABCDEF', '/j/ABCDEF/test/2d1f6f0e-3c1a-4f55-9f35-3b7a4f1f3d10']) {
      const answer = await get(path, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect({ path, status: answer.status, cache: answer.headers['cache-control'] }).toEqual({ path, status: 200, cache: 'no-cache' });
      expect(answer.body.toString('utf8')).toContain('<div id="root"></div>');
    }
    // The office page, with only its app's preload links added.
    expect((await get('/programs/x')).body.toString('utf8').replace(/\s*<link [^>]*>\s*/g, '')).toBe(PAGE);
    // Checking costs a few bytes: the same page again is 304 Not Modified, without a body.
    for (const path of ['/', '/j/ABCDEF']) {
      const first = await get(path);
      const again = await get(path, { 'If-None-Match': String(first.headers.etag) });
      expect({ path, status: again.status, body: again.body.length }).toEqual({ path, status: 304, body: 0 });
    }
  });

  /** The preload links of the page at `path`, sorted. */
  async function preloads(path: string): Promise<string[]> {
    const page = (await get(path)).body.toString('utf8');
    expect(page.indexOf('<link ')).toBeLessThan(page.indexOf('</head>'));
    return [...page.matchAll(/<link rel="(modulepreload|preload)"[^>]* href="([^"]+)">/g)].map(([, rel, href]) => `${rel} ${href}`).sort();
  }

  it("names the trainee app's own files in the page at /j…, so the phone fetches them with the app's first file", async () => {
    // The trainee's app, the chunk it imports, its stylesheet; not the entry nor what the entry imports (the page
    // names those already), and nothing of the office app.
    const traineeFiles = [
      'modulepreload /assets/TraineeApp-A1b2C3d4.js',
      'modulepreload /assets/fields-O9p0A1s2.js',
      'preload /assets/trainee-D3f4G5h6.css',
    ];
    for (const path of ['/j', '/j/ABCDEF', '/j/ABCDEF/test/2d1f6f0e-3c1a-4f55-9f35-3b7a4f1f3d10']) {
      expect({ path, links: await preloads(path) }).toEqual({ path, links: traineeFiles });
    }
    // An office page gets the office app's files instead.
    expect(await preloads('/sessions/1')).toEqual(['modulepreload /assets/App-E5f6G7h8.js', 'modulepreload /assets/router-J9k0L1m2.js']);
  });

  it('has the service worker and the web manifest checked at every visit, with their types, and allowed by the CSP', async () => {
    const worker = await get('/service-worker.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect({ status: worker.status, cache: worker.headers['cache-control'], type: worker.headers['content-type'] }).toEqual({
      status: 200,
      cache: 'no-cache',
      type: 'text/javascript; charset=utf-8',
    });
    expect(worker.body.toString('utf8')).toBe(WORKER);
    expect(String(worker.headers['content-security-policy'])).toContain("worker-src 'self'");
    const manifest = await get('/manifest.webmanifest');
    expect({ status: manifest.status, cache: manifest.headers['cache-control'], type: manifest.headers['content-type'] }).toEqual({
      status: 200,
      cache: 'no-cache',
      type: 'application/manifest+json; charset=utf-8',
    });
    expect(JSON.parse(manifest.body.toString('utf8'))).toEqual({ name: 'สุจริต', start_url: '/j' });
    expect(String((await get('/j')).headers['content-security-policy'])).toContain("manifest-src 'self'");
  });

  it('gives each encoding of a file its own ETag, so a cache never answers one with another', async () => {
    const tags = await Promise.all(['br', 'gzip', 'identity'].map(async (encoding) => (await get(SCRIPT_PATH, { 'Accept-Encoding': encoding })).headers.etag));
    expect(new Set(tags).size).toBe(3);
  });
});

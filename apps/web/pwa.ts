import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import type { ManifestTransform } from 'workbox-build';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type ViteManifest = Record<string, ManifestChunk>;

/** A chunk's file and CSS and those of everything it imports statically. */
function closure(manifest: ViteManifest, key: string, files: Set<string>, seen = new Set<string>()): void {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return;
  seen.add(key);
  files.add(chunk.file);
  chunk.css?.forEach((css) => files.add(css));
  chunk.imports?.forEach((imported) => closure(manifest, imported, files, seen));
}

/** The trainee's app (main.tsx loads it for /j…) and anything of features/trainee loaded on demand. */
const TRAINEE_MODULES = ['src/app/TraineeApp.tsx', 'src/features/trainee/'];

/**
 * The app shell a phone keeps: the files at the site's root (index.html, zod-config.js, the icons) and, of the
 * hashed /assets, only what the entry and the trainee's app (app/TraineeApp.tsx with its pages) need, read from the build's manifest. Staff pages, charts and spreadsheets stay off the phone:
 * 190 phones on one hall's Wi-Fi download the shell at once.
 */
function traineeShellOnly(outDir: string): ManifestTransform {
  return (entries) => {
    const manifestPath = join(outDir, '.vite', 'manifest.json');
    if (!existsSync(manifestPath)) return { manifest: entries, warnings: [`${manifestPath} is missing: every file is precached`] };
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ViteManifest;
    const shell = new Set<string>();
    for (const [key, chunk] of Object.entries(manifest)) {
      if (chunk.isEntry || (chunk.isDynamicEntry && TRAINEE_MODULES.some((prefix) => key.startsWith(prefix)))) closure(manifest, key, shell);
    }
    return { manifest: entries.filter((entry) => !entry.url.startsWith('assets/') || shell.has(entry.url)) };
  };
}

/**
 * The installable app: the web manifest (linked from index.html) and the service worker (src/service-worker.ts,
 * written to the build's root as service-worker.js), registered by the trainee's pages (src/lib/service-worker.ts).
 */
export function installableApp(outDir: string): PluginOption {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src',
    filename: 'service-worker.ts',
    injectRegister: false,
    // Written before the other plugins finish, so precompress.ts compresses the worker like every other script.
    integration: { closeBundleOrder: 'pre' },
    manifest: {
      name: 'สุจริต',
      short_name: 'สุจริต',
      description: 'สุจริต: ระบบอบรมและทดสอบความรู้ขององค์กรปกครองส่วนท้องถิ่น',
      lang: 'th',
      start_url: '/j',
      scope: '/',
      display: 'standalone',
      background_color: '#f4f6f8',
      theme_color: '#1f4e79',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    injectManifest: {
      globPatterns: ['**/*.{html,js,css}'],
      globIgnores: ['service-worker.js', '.vite/**'],
      manifestTransforms: [traineeShellOnly(outDir)],
    },
  });
}

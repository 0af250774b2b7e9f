import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The two apps apps/web/src/main.tsx chooses between by address: the trainee's (/j…) and the office's. */
const TRAINEE_APP = 'src/app/TraineeApp.tsx';
const OFFICE_APP = 'src/app/App.tsx';

/**
 * The pages by address, with the modules that draw each: the trainee's app for all of /j… (its pages are in it),
 * the office app and the page for a certificate's check, the office app (whose router then finds the page) for
 * every other address. The browser learns which page it is only after the app's first file has run; told here,
 * it fetches their files alongside that first file, one or two round trips sooner (about 0.6 s each on slow 4G).
 */
const PAGES: { path: RegExp; modules: string[] }[] = [
  { path: /^\/j(\/|$)/, modules: [TRAINEE_APP] },
  { path: /^\/verify\/[^/]+\/?$/, modules: [OFFICE_APP, 'src/features/certificates/components/VerifyCertificatePage.tsx'] },
  { path: /^/, modules: [OFFICE_APP] },
];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** A chunk's own file and CSS and those of everything it imports statically. */
function closure(manifest: Manifest, key: string, files = new Set<string>(), seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return files;
  seen.add(key);
  files.add(chunk.file);
  chunk.css?.forEach((css) => files.add(css));
  chunk.imports?.forEach((imported) => closure(manifest, imported, files, seen));
  return files;
}

function linkTo(file: string): string {
  return file.endsWith('.css')
    ? `<link rel="preload" as="style" crossorigin href="/${file}">`
    : `<link rel="modulepreload" crossorigin href="/${file}">`;
}

/**
 * index.html with the preload links of each page, built once from the web build's manifest
 * (dist/web/.vite/manifest.json): `pageFor(path)` is that page's HTML, or undefined for a build without a
 * manifest, whose index.html is then served as it is.
 */
export function routePreloads(webRoot: string): { pageFor(path: string): string | undefined } {
  const manifestPath = join(webRoot, '.vite', 'manifest.json');
  const indexPath = join(webRoot, 'index.html');
  if (!existsSync(manifestPath) || !existsSync(indexPath)) return { pageFor: () => undefined };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const index = readFileSync(indexPath, 'utf8');
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const loadedAnyway = entry ? closure(manifest, entry) : new Set<string>();
  const pages = PAGES.flatMap(({ path, modules }) => {
    if (!modules.every((module) => manifest[module]) || !index.includes('</head>')) return [];
    const files = new Set(modules.flatMap((module) => [...closure(manifest, module)]));
    const links = [...files].filter((file) => !loadedAnyway.has(file)).map(linkTo);
    return [{ path, html: index.replace('</head>', `  ${links.join('\n    ')}\n  </head>`) }];
  });
  return { pageFor: (path) => pages.find((page) => page.path.test(path))?.html };
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The trainee's pages by address, with the module of apps/web/src/app/router.tsx that draws each. The browser
 * learns which page it is only after the app's first file has run; told here, it fetches the page's own files
 * alongside that first file, one round trip sooner (about 0.6 s on a slow 4G line).
 */
const PAGES: { path: RegExp; module: string }[] = [
  { path: /^\/j\/?$/, module: 'src/features/trainee/components/EnterCodePage.tsx' },
  { path: /^\/j\/[^/]+\/?$/, module: 'src/features/trainee/components/TraineeSessionPage.tsx' },
  { path: /^\/j\/[^/]+\/test\/[^/]+\/?$/, module: 'src/features/trainee/components/TestPage.tsx' },
  { path: /^\/j\/[^/]+\/review\/[^/]+\/?$/, module: 'src/features/trainee/components/ReviewPage.tsx' },
  { path: /^\/verify\/[^/]+\/?$/, module: 'src/features/certificates/components/VerifyCertificatePage.tsx' },
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
 * index.html with the preload links of each trainee page, built once from the web build's manifest
 * (dist/web/.vite/manifest.json): `pageFor(path)` is that page's HTML, or undefined for every other address
 * (and for a build without a manifest), which is then served as it is.
 */
export function routePreloads(webRoot: string): { pageFor(path: string): string | undefined } {
  const manifestPath = join(webRoot, '.vite', 'manifest.json');
  const indexPath = join(webRoot, 'index.html');
  if (!existsSync(manifestPath) || !existsSync(indexPath)) return { pageFor: () => undefined };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const index = readFileSync(indexPath, 'utf8');
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const loadedAnyway = entry ? closure(manifest, entry) : new Set<string>();
  const pages = PAGES.flatMap(({ path, module }) => {
    if (!manifest[module] || !index.includes('</head>')) return [];
    const links = [...closure(manifest, module)].filter((file) => !loadedAnyway.has(file)).map(linkTo);
    return [{ path, html: index.replace('</head>', `  ${links.join('\n    ')}\n  </head>`) }];
  });
  return { pageFor: (path) => pages.find((page) => page.path.test(path))?.html };
}

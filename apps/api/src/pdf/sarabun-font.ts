import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The weights the printed documents use: body text and bold headings. */
const WEIGHTS = [400, 700] as const;

let cached: string | null = null;

/**
 * `@font-face` rules for Sarabun (the Thai government's document typeface) with every font file inlined as a data URL,
 * read once from the `@fontsource/sarabun` package: the printed page loads nothing from the network or the disk.
 * The package's own stylesheets give each subset's unicode-range (Thai, Latin …), so Chromium picks the file per letter.
 */
export function sarabunFontFaces(): string {
  cached ??= load();
  return cached;
}

function load(): string {
  // The package exports its stylesheets only (not package.json), so one of them locates it.
  const root = dirname(require.resolve('@fontsource/sarabun/400.css'));
  return WEIGHTS.map((weight) =>
    readFileSync(join(root, `${weight}.css`), 'utf8')
      // Chromium reads WOFF2: the WOFF fallback would only double the page.
      .replace(/,\s*url\(\.\/files\/[A-Za-z0-9._-]+\.woff\)\s*format\('woff'\)/g, '')
      .replace(/url\(\.\/files\/([A-Za-z0-9._-]+\.woff2)\)/g, (_, file: string) => {
        const bytes = readFileSync(join(root, 'files', file));
        return `url(data:font/woff2;base64,${bytes.toString('base64')})`;
      }),
  ).join('\n');
}

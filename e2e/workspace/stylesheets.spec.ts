import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import postcss from 'postcss';

const ROOT = join(__dirname, '../..');

function cssFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/**
 * A rule left open swallows every rule after it (they become nested rules the browser drops), and neither the build
 * nor the type checks notice: twice a merge left one open and pages lost their layout. Every stylesheet must parse.
 */
describe('the web app’s stylesheets', () => {
  it.each(cssFiles(join(ROOT, 'apps/web/src')).map((file) => [relative(ROOT, file)]))('%s has every block closed', (file) => {
    const css = readFileSync(join(ROOT, file), 'utf8');
    expect(() => postcss.parse(css, { from: file })).not.toThrow();
  });
});

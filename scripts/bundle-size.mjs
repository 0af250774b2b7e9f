#!/usr/bin/env node
/*
 * The JavaScript each group of pages makes a browser download, gzipped, from the web build's manifest
 * (dist/web/.vite/manifest.json): for every page, the app's entry chunk, the app that draws the group (the
 * trainee's app/TraineeApp.tsx or the office app/App.tsx, which main.tsx picks by address) and the page's route
 * chunk, with all the chunks they import statically (what the browser fetches before the page shows; lazy imports
 * such as the English texts or the charts are left out until used). A group's figure is the union over its pages.
 *
 *   npm run size              after `npm run build` (the build runs it too)
 *   npm run size -- --pages   also each page on its own
 *   npm run size -- --json    the figures as JSON
 *
 * The trainee's pages are opened on cheap phones on a weak line in a meeting hall. Their goal is 100 KB gzipped
 * (issue 11), met since they became an app of their own on Preact (README, "The trainee's phone"). The script
 * exits 1 when they grow past TRAINEE_CEILING_BYTES, the goal itself, so nothing makes them heavier than it
 * unnoticed (and `npm run build`, which runs it, fails); lower the ceiling as they shrink.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'dist/web');
const MANIFEST = join(WEB, '.vite/manifest.json');
export const TRAINEE_GOAL_BYTES = 100 * 1024;
export const TRAINEE_CEILING_BYTES = TRAINEE_GOAL_BYTES;

/** The app module that draws each group's pages (paths from apps/web); main.tsx loads one of the two. */
const TRAINEE_APP = 'src/app/TraineeApp.tsx';
const OFFICE_APP = 'src/app/App.tsx';
export const GROUP_APPS = { trainee: TRAINEE_APP };
const appOf = (group) => GROUP_APPS[group] ?? OFFICE_APP;

/**
 * The route modules of apps/web/src/app/TraineeApp.tsx (the trainee's) and apps/web/src/app/router.tsx (the
 * others), by who opens them (paths from apps/web).
 */
export const ROUTE_GROUPS = {
  // Its four pages are in the trainee's app itself (TraineeApp.tsx).
  trainee: ['src/app/TraineeApp.tsx'],
  'public verify': ['src/features/certificates/components/VerifyCertificatePage.tsx'],
  'sign-in': [
    'src/app/routes/setup-route.tsx',
    'src/features/setup/components/SetupPage.tsx',
    'src/features/auth/components/SetPasswordPage.tsx',
    'src/features/auth/components/PasswordChangeRequiredPage.tsx',
  ],
  organizer: [
    'src/features/programs/components/ProgramsPage.tsx',
    'src/app/routes/program-route.tsx',
    'src/features/questions/components/QuestionsPage.tsx',
    'src/features/people/components/PeoplePage.tsx',
    'src/app/routes/sessions-route.tsx',
    'src/features/sessions/components/AssessmentSettingsPage.tsx',
    'src/features/sessions/components/NewSurveyPage.tsx',
    'src/app/routes/session-route.tsx',
    'src/features/sessions/components/SurveyResultsPage.tsx',
    'src/features/sessions/components/ItemAnalysisPage.tsx',
    'src/app/routes/plan-route.tsx',
    'src/app/routes/account-route.tsx',
  ],
  manager: [
    'src/features/indicators/components/IndicatorsPage.tsx',
    'src/features/indicators/components/ProgramYearPage.tsx',
    'src/features/indicators/components/PersonAttemptsPage.tsx',
    'src/app/routes/plan-route.tsx',
    'src/app/routes/session-route.tsx',
    'src/features/sessions/components/SurveyResultsPage.tsx',
    'src/features/sessions/components/ItemAnalysisPage.tsx',
    'src/app/routes/account-route.tsx',
  ],
  admin: [
    'src/app/routes/users-route.tsx',
    'src/features/organization/components/OrganizationProfilePage.tsx',
    'src/features/audit/components/AuditLogPage.tsx',
    'src/app/routes/account-route.tsx',
  ],
};

/** The chunk files a manifest entry loads up front: its own and those of its static imports, recursively. */
function staticClosure(manifest, key, files = new Set(), seen = new Set()) {
  if (seen.has(key)) return files;
  seen.add(key);
  const entry = manifest[key];
  if (!entry) {
    throw new Error(`${key} is not in the build manifest: is ROUTE_GROUPS in scripts/bundle-size.mjs up to date with router.tsx and TraineeApp.tsx?`);
  }
  if (entry.file.endsWith('.js')) files.add(entry.file);
  for (const imported of entry.imports ?? []) staticClosure(manifest, imported, files, seen);
  return files;
}

const gzipCache = new Map();
function gzippedSize(file) {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(join(WEB, file)), { level: 9 }).length);
  return gzipCache.get(file);
}

const total = (files) => [...files].reduce((sum, file) => sum + gzippedSize(file), 0);

/** Each group's chunk files and gzipped bytes, and each page's. */
export function measure(manifest) {
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entryKey) throw new Error('the build manifest has no entry');
  const entryFiles = staticClosure(manifest, entryKey);
  // Classic scripts the page names itself (public/zod-config.js) load on every page too.
  for (const [, src] of readFileSync(join(WEB, 'index.html'), 'utf8').matchAll(/<script\b[^>]*\bsrc="\/([^"]+\.js)"/g)) {
    if (existsSync(join(WEB, src))) entryFiles.add(src);
  }
  const groups = {};
  for (const [group, pages] of Object.entries(ROUTE_GROUPS)) {
    const appFiles = staticClosure(manifest, appOf(group), new Set(entryFiles));
    const files = new Set(appFiles);
    const perPage = {};
    for (const page of pages) {
      const pageFiles = staticClosure(manifest, page, new Set(appFiles));
      pageFiles.forEach((file) => files.add(file));
      perPage[page] = total(pageFiles);
    }
    groups[group] = { gzipBytes: total(files), files: [...files].sort(), pages: perPage };
  }
  return { entry: { gzipBytes: total(entryFiles), files: [...entryFiles].sort() }, groups };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function main() {
  if (!existsSync(MANIFEST)) {
    console.error(`No ${MANIFEST}: run \`npm run build\` first.`);
    process.exit(2);
  }
  const figures = measure(JSON.parse(readFileSync(MANIFEST, 'utf8')));
  const trainee = figures.groups.trainee.gzipBytes;
  const over = trainee > TRAINEE_CEILING_BYTES;
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ ...figures, traineeGoalBytes: TRAINEE_GOAL_BYTES, traineeCeilingBytes: TRAINEE_CEILING_BYTES }, null, 2));
  } else {
    console.log('\nJavaScript each group of pages loads (gzipped, static imports from the entry and its pages):');
    console.log(`  ${'app entry (every page)'.padEnd(24)}${kb(figures.entry.gzipBytes).padStart(10)}`);
    for (const [group, { gzipBytes, files, pages }] of Object.entries(figures.groups)) {
      const goal = trainee <= TRAINEE_GOAL_BYTES ? 'met' : 'not met yet';
      const note = group === 'trainee' ? `  goal ${kb(TRAINEE_GOAL_BYTES)} ${goal}; ceiling ${kb(TRAINEE_CEILING_BYTES)}${over ? ' EXCEEDED' : ''}` : '';
      console.log(`  ${group.padEnd(24)}${kb(gzipBytes).padStart(10)}  in ${files.length} files${note}`);
      if (process.argv.includes('--pages')) {
        for (const [page, bytes] of Object.entries(pages)) console.log(`      ${page.replace(/^src\//, '').padEnd(64)}${kb(bytes).padStart(10)}`);
      }
    }
  }
  if (over) {
    console.error(`\nThe trainee's pages load ${kb(trainee)} of gzipped JavaScript, over their ceiling of ${kb(TRAINEE_CEILING_BYTES)}.`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();

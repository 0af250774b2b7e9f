/**
 * Whether a new, empty database gets the demo organization: `SUJARIT_DEMO=1` always, `SUJARIT_DEMO=0` never;
 * otherwise only on the embedded database (no `DATABASE_URL`), which is for trying Sujarit out. A real server
 * starts empty, for the first-run set-up.
 */
export function demoWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.SUJARIT_DEMO === '1') return true;
  if (env.SUJARIT_DEMO === '0') return false;
  return !env.DATABASE_URL;
}

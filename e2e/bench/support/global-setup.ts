import startApp from '../../support/browser-global-setup';
import { clearBenchRows } from './report';

/** `npm run bench` starts with no figures of an earlier run, then starts the built app on a fresh database. */
export default async function setup(): Promise<void> {
  clearBenchRows();
  await startApp();
}

import stopApp from '../../support/browser-global-teardown';
import { reportBench } from './report';

/**
 * The end of `npm run bench`, once the app has stopped: one table of every figure the run recorded, with its goal,
 * written as JSON too. A goal not met fails the run here, after every scenario ran and the table was printed
 * (a scenario itself fails only when it lost or broke something).
 */
export default async function teardown(): Promise<void> {
  await stopApp();
  const report = reportBench();
  if (report.goalsMissed > 0) {
    const missed = new Error(`${report.goalsMissed} of ${report.goals} benchmark goals not met (see the table above).`);
    // The table says where; a stack trace of this file would only bury it.
    missed.stack = missed.message;
    throw missed;
  }
}

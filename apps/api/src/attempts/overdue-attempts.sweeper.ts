import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AttemptsService } from './attempts.service';

/** How often attempts past their deadline and grace are written down as finished, unless SUJARIT_SWEEP_INTERVAL_MS says otherwise. */
export const SWEEP_INTERVAL_MS = 5_000;

/**
 * The sweep interval from SUJARIT_SWEEP_INTERVAL_MS: milliseconds, or 0 for no timer (the API tests, whose parallel
 * apps each move their own clock, sweep by hand). Anything else stops the start with the reason.
 */
export function sweepIntervalMs(value: string | undefined): number {
  if (value === undefined || value === '') return SWEEP_INTERVAL_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`SUJARIT_SWEEP_INTERVAL_MS must be a whole number of milliseconds (0: no sweeper), not "${value}"`);
  return ms;
}

/**
 * Writes down, every few seconds, the attempts whose time ran out, with the answers they saved: the only writer of
 * that besides a phone's own request and a test's close. Reads never write; until the sweep, they count such an
 * attempt as finished at its deadline (AttemptsService). Several API processes may run it: one sweeps at a time.
 */
@Injectable()
export class OverdueAttemptsSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OverdueAttempts');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly attempts: AttemptsService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const every = sweepIntervalMs(process.env.SUJARIT_SWEEP_INTERVAL_MS);
    if (every === 0) return;
    this.timer = setInterval(() => void this.sweep(), every);
    // A timer alone never keeps the process alive (a command, a test run).
    this.timer.unref();
  }

  /** Stops the timer and waits for a sweep under way, before the database connection closes. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One sweep now, of every organization (none while one runs); resolves to how many attempts it finished. */
  sweep(): Promise<number> {
    this.running ??= this.attempts
      .finishOverdue(this.clock.now())
      .catch((error: unknown) => {
        this.logger.warn(`Finishing attempts past their deadline failed: ${error instanceof Error ? error.message : String(error)}`);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}

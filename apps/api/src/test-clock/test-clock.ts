import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';

/**
 * Whether this start serves POST /api/test/clock: only a test run that asks for it, never a normal start
 * (NODE_ENV=test alone does not do it, nor the flag without NODE_ENV=test).
 */
export function testClockWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'test' && env.SUJARIT_TEST_CLOCK === '1';
}

/** The real time plus an offset the browser tests move, so a deadline passes without waiting for it. */
@Injectable()
export class MovableClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(super.now().getTime() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }

  offset(): number {
    return this.offsetMs;
  }
}

import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The time, for every rule that depends on it (test windows, deadlines, grace).
 * Tests replace it with a clock they move by hand, so a 30-minute limit takes no 30 minutes.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}

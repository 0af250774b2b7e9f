import { Global, Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { TestClockController } from './test-clock.controller';
import { MovableClock } from './test-clock';

/** In place of ClockModule when testClockWanted(): the app's one Clock is a MovableClock the route moves. */
@Global()
@Module({
  providers: [MovableClock, { provide: Clock, useExisting: MovableClock }],
  controllers: [TestClockController],
  exports: [Clock],
})
export class TestClockModule {}

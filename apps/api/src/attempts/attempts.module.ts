import { Module } from '@nestjs/common';
import { AttemptsService } from './attempts.service';
import { OverdueAttemptsSweeper } from './overdue-attempts.sweeper';

/** Attempts from start to result, and the sweeper that finishes those whose time ran out. */
@Module({
  providers: [AttemptsService, OverdueAttemptsSweeper],
  exports: [AttemptsService, OverdueAttemptsSweeper],
})
export class AttemptsModule {}

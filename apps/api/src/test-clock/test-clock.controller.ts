import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Public } from '../auth/auth.decorators';
import { MovableClock } from './test-clock';

const MoveClockSchema = z
  .strictObject({
    // Forward only: time never runs backwards for the app, as it never does in a real start.
    advanceMs: z.number().int().min(0).max(366 * 24 * 60 * 60 * 1000).optional(),
    // Back to the real time, for the next test file.
    reset: z.literal(true).optional(),
  })
  .refine((body) => (body.advanceMs === undefined) !== (body.reset === undefined), { message: 'advanceMs or reset, one of them' });
class MoveClockDto extends createZodDto(MoveClockSchema) {}

/** Test runs only (see testClockWanted): not in the OpenAPI document, so no client or fuzzer ever learns of it. */
@ApiExcludeController()
@Public()
@Controller('test/clock')
export class TestClockController {
  constructor(private readonly clock: MovableClock) {}

  @Post()
  @HttpCode(200)
  move(@Body() body: MoveClockDto) {
    if (body.reset) this.clock.reset();
    else this.clock.advance(body.advanceMs ?? 0);
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offset() };
  }
}

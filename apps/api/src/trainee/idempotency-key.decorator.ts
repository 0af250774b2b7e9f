import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { DomainError } from '../common/domain.error';

const IdempotencyKeySchema = z.uuid();

/** The request's `Idempotency-Key` header, which must be a UUID: the client keeps it across retries. */
export const IdempotencyKey = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const value = ctx.switchToHttp().getRequest<Request>().header('idempotency-key');
  const parsed = IdempotencyKeySchema.safeParse(value);
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', 'ต้องส่ง Idempotency-Key เป็น UUID เพื่อให้ส่งคำตอบซ้ำได้อย่างปลอดภัย');
  }
  return parsed.data;
});

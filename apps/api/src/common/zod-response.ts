import { UseInterceptors } from '@nestjs/common';
import { ZodResponse as zodResponse, ZodSerializerInterceptor } from 'nestjs-zod';

/**
 * nestjs-zod's `ZodResponse` (the answer's schema, checked and documented), with its serializer put on that route
 * alone rather than on every route: a route without an answer body (a phone's 204 for each saved answer) then runs
 * with no interceptor at all, so Nest calls it without building an rxjs pipeline per request.
 */
export const ZodResponse = ((options: Parameters<typeof zodResponse>[0]) => {
  const describe = zodResponse(options);
  const serialize = UseInterceptors(ZodSerializerInterceptor);
  return (target: object, key?: string | symbol, descriptor?: TypedPropertyDescriptor<unknown>) => {
    describe(target, key, descriptor as never);
    serialize(target, key as string | symbol, descriptor as TypedPropertyDescriptor<unknown>);
  };
}) as typeof zodResponse;

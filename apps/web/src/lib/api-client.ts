import type { ApiError as ApiErrorBody, ErrorCode } from '@sujarit/contracts';
import type { $ZodType, output } from 'zod/v4/core';
import * as z from 'zod/mini';
import { i18n } from './i18n';

/**
 * The API's error answer (the contract's ApiErrorSchema), checked with zod/mini so the trainee's phone, which uses
 * this file too, does not download zod's full build (issue 11); the code is the contract's type.
 */
const ApiErrorCheck = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
}) as unknown as z.ZodMiniType<ApiErrorBody>;

/** NETWORK_ERROR is the client's own code: the request never got an answer. */
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR';

export interface ApiIssue {
  path: string;
  message: string;
}

/** An error the API returned (or the network failure that kept it from answering); `message` is for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNetworkError(): boolean {
    return this.code === 'NETWORK_ERROR';
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** Extra request headers, such as an Idempotency-Key. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const hasBody = options.body !== undefined;
  // A file upload: the browser sets the multipart content type with its boundary itself.
  const isForm = options.body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(`/api${withQuery(path, options.query)}`, {
      method: options.method ?? 'GET',
      credentials: 'include',
      headers: {
        Accept: 'application/json',
        ...(hasBody && !isForm ? { 'Content-Type': 'application/json' } : {}),
        ...options.headers,
      },
      body: isForm ? (options.body as FormData) : hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('common.networkError'));
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = z.safeParse(ApiErrorCheck, body);
  if (parsed.success) {
    return new ApiError(response.status, parsed.data.code, parsed.data.message, parsed.data.issues);
  }
  // A proxy or gateway answered instead of the API (for example a 502 on a weak line).
  const code: ApiErrorCode = response.status >= 500 ? 'NETWORK_ERROR' : 'INTERNAL_ERROR';
  return new ApiError(response.status, code, i18n.t('common.serverError'));
}

/** A JSON request whose answer is checked against the shared contract schema (or, on the trainee's pages, its zod/mini check). */
export async function apiRequest<TSchema extends $ZodType>(
  path: string,
  schema: TSchema,
  options: RequestOptions = {},
): Promise<output<TSchema>> {
  const response = await send(path, options);
  const parsed = z.safeParse(schema, await response.json().catch(() => null));
  if (!parsed.success) throw new ApiError(response.status, 'INTERNAL_ERROR', i18n.t('common.serverError'));
  return parsed.data;
}

/** A request answered with no body (204). */
export async function apiCommand(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

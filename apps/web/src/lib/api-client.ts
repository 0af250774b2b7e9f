import type { ApiError as ApiErrorBody, ApiIssue, ErrorCode, ErrorParams } from '@sujarit/contracts';
import type { $ZodType, output } from 'zod/v4/core';
import * as z from 'zod/mini';
import { i18n } from './i18n';
import { issueText } from './validation';

/**
 * The API's error answer (the contract's ApiErrorSchema), checked with zod/mini so the trainee's phone, which uses
 * this file too, does not download zod's full build (issue 11); the code is the contract's type.
 */
const ErrorParamsCheck = z.record(z.string(), z.union([z.string(), z.number()]));
const ApiErrorCheck = z.object({
  code: z.string(),
  message: z.string(),
  params: z.optional(ErrorParamsCheck),
  issues: z.optional(
    z.array(z.object({ path: z.string(), message: z.string(), code: z.optional(z.string()), params: z.optional(ErrorParamsCheck) })),
  ),
}) as unknown as z.ZodMiniType<ApiErrorBody>;

/** NETWORK_ERROR is the client's own code: the request never got an answer. */
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR';

export type { ApiIssue };

/**
 * Codes the API gives for several different refusals (a session cancelled, one completed, a test already shown its
 * key…), whose own Thai message says which: a Thai reader gets that message, a reader of another language the
 * code's general words. Every other code is worded from its code and values alone.
 */
const SEVERAL_MEANINGS: ReadonlySet<ApiErrorCode> = new Set(['INVALID_STATE', 'IMPORT_FILE_INVALID', 'VALIDATION_FAILED']);

/** An error's words in the reader's language, from its code and values (the API's own message is Thai, for programs). */
export function errorText(code: ApiErrorCode, params: ErrorParams = {}, thaiMessage?: string): string {
  if (code === 'NETWORK_ERROR') return i18n.t('common.networkError');
  if (thaiMessage && i18n.language === 'th' && SEVERAL_MEANINGS.has(code)) return thaiMessage;
  return i18n.t(`errors.${code}`, params);
}

/**
 * An error the API returned (or the network failure that kept it from answering); `message` is for people, worded
 * from the code and values in the language being read when it happened.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly params: ErrorParams = {},
    readonly issues: ApiIssue[] = [],
    /** Words of the app's own in place of the code's (the issues of a form that found no field of their own). */
    readonly text?: string,
    /** The API's own Thai message, for the codes it gives for several refusals (see SEVERAL_MEANINGS). */
    readonly thaiMessage?: string,
  ) {
    super(text ?? errorText(code, params, thaiMessage));
    this.name = 'ApiError';
  }

  get isNetworkError(): boolean {
    return this.code === 'NETWORK_ERROR';
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** The words of an error in the language being read now (an error kept from before a switch is worded again). */
export const apiErrorText = (error: ApiError): string => error.text ?? errorText(error.code, error.params, error.thaiMessage);

/** A field's problem the API found, in the reader's language; an older API's answer has only its Thai message. */
export const apiIssueText = (issue: ApiIssue): string => (issue.code ? issueText(issue.code, issue.params) : issue.message);

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
    throw new ApiError(0, 'NETWORK_ERROR');
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = z.safeParse(ApiErrorCheck, body);
  if (parsed.success) {
    const { code, params, issues, message } = parsed.data;
    // A refusal with field issues says which in its issues; its message (paths and all) is for programs.
    const thaiMessage = issues && issues.length > 0 ? undefined : message;
    return new ApiError(response.status, code, params, issues, undefined, thaiMessage);
  }
  // A proxy or gateway answered instead of the API (for example a 502 on a weak line).
  const code: ApiErrorCode = response.status >= 500 ? 'NETWORK_ERROR' : 'INTERNAL_ERROR';
  return new ApiError(response.status, code);
}

/** A JSON request whose answer is checked against the shared contract schema (or, on the trainee's pages, its zod/mini check). */
export async function apiRequest<TSchema extends $ZodType>(
  path: string,
  schema: TSchema,
  options: RequestOptions = {},
): Promise<output<TSchema>> {
  const response = await send(path, options);
  const parsed = z.safeParse(schema, await response.json().catch(() => null));
  if (!parsed.success) throw new ApiError(response.status, 'INTERNAL_ERROR');
  return parsed.data;
}

/** A request answered with no body (204). */
export async function apiCommand(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

import { isApiError } from '../../../lib/api-client';

/** The line or the server failed, so asking again may work; a 4xx answer will not change by asking again. */
export const isRetryable = (error: unknown) => !isApiError(error) || error.isNetworkError || error.status >= 500;

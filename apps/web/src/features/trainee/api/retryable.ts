import { isApiError } from '../../../lib/api-client';

/** The line or the server failed, so asking again may work; a 4xx answer will not change by asking again. */
export const isRetryable = (error: unknown) => !isApiError(error) || error.isNetworkError || error.status >= 500;

/**
 * The server (or a proxy in front of it) says "not now": its database is away a moment, or a process is restarting
 * (502/503/504). Like a lost line, asking again later will work, so a hand-in waits on the phone for it.
 */
export const isServerBusy = (error: unknown) => isApiError(error) && [502, 503, 504].includes(error.status);

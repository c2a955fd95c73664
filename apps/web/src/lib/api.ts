import type { SessionDto } from '@replyforce/contracts';
import { ApiError, errorFromResponse } from './api-error.ts';
import { getAccessToken, getSessionState, setSessionState } from './session-store.ts';

export { ApiError, errorMessage, fieldErrorsOf, isApiError } from './api-error.ts';

const API_BASE = '/api/v1';
/** Refresh this long before the access token runs out. */
const REFRESH_MARGIN_MS = 60_000;
/** After a refresh that failed for a reason other than a rejected cookie (network, 5xx). */
const REFRESH_RETRY_MS = 15_000;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface SendOptions {
  method: Method;
  body?: unknown;
  token?: string | null;
  signal?: AbortSignal;
}

async function send<T>(path: string, { method, body, token, signal }: SendOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // Only declare JSON when there is a body: an empty body with a JSON content type is a 400.
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'include',
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError({
      code: 'NETWORK_ERROR',
      status: 0,
      message: 'Cannot reach the ReplyForce server. Check your connection and try again.',
    });
  }

  const text = response.status === 204 ? '' : await response.text();
  let data: unknown;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      if (response.ok) {
        throw new ApiError({
          code: 'BAD_RESPONSE',
          status: response.status,
          message: 'The server sent an unreadable answer.',
        });
      }
    }
  }
  if (!response.ok) throw errorFromResponse(response, data);
  return data as T;
}

// ---------------------------------------------------------------------------------------------
// Session lifecycle

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshInFlight: Promise<SessionDto> | null = null;

function scheduleRefresh(delayMs: number): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    refreshSession().catch(() => {
      // refreshSession already ended the session when the cookie was rejected.
    });
  }, delayMs);
}

/** Holds a new session (login, register, refresh, switch, accepted invitation) and plans its renewal. */
export function startSession(session: SessionDto): void {
  setSessionState({ status: 'authenticated', session });
  const lifetimeMs = session.expiresIn * 1000;
  // Short-lived tokens (tests, strict deployments) refresh at half-life instead.
  const delay = lifetimeMs > 2 * REFRESH_MARGIN_MS ? lifetimeMs - REFRESH_MARGIN_MS : lifetimeMs / 2;
  scheduleRefresh(Math.max(delay, 1_000));
}

export function endSession(reason: 'signed-out' | 'expired' | null): void {
  clearTimeout(refreshTimer);
  setSessionState({ status: 'anonymous', reason });
}

function isRejectedRefresh(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429;
}

async function exchangeRefreshCookie(): Promise<SessionDto> {
  const run = () => send<SessionDto>('/auth/refresh', { method: 'POST' });
  // Refresh tokens rotate: two tabs presenting the same cookie at once would look like token theft
  // to the server. A Web Lock makes tabs take turns; the second one then sends the rotated cookie.
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request('replyforce:refresh', run);
  }
  return run();
}

/**
 * Trades the httpOnly refresh cookie for a new session. Concurrent callers share one request.
 * A rejected cookie ends the session (the router then shows /login); a network error does not.
 */
export function refreshSession(): Promise<SessionDto> {
  if (refreshInFlight) return refreshInFlight;
  const hadSession = getSessionState().status === 'authenticated';
  refreshInFlight = exchangeRefreshCookie()
    .then((session) => {
      startSession(session);
      return session;
    })
    .catch((error: unknown) => {
      if (isRejectedRefresh(error)) {
        endSession(hadSession ? 'expired' : null);
      } else if (hadSession) {
        scheduleRefresh(REFRESH_RETRY_MS);
      }
      throw error;
    })
    .finally(() => {
      refreshInFlight = null;
    });
  return refreshInFlight;
}

/** On app load: the refresh cookie, if any, restores the session lost with the page. */
export async function restoreSession(): Promise<void> {
  setSessionState({ status: 'loading' });
  try {
    await refreshSession();
  } catch (error) {
    if (!isRejectedRefresh(error)) {
      setSessionState({
        status: 'unavailable',
        message: error instanceof ApiError ? error.message : 'The server could not be reached.',
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Authenticated requests

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

function shouldRefresh(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 401 &&
    (error.code === 'TOKEN_EXPIRED' || error.code === 'UNAUTHENTICATED')
  );
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const token = getAccessToken();
  try {
    return await send<T>(path, { method, body: options.body, signal: options.signal, token });
  } catch (error) {
    if (!shouldRefresh(error)) throw error;
    // One refresh, then one retry with the new token. If the refresh fails, the original 401 stands
    // (and a rejected cookie has already ended the session, so the router shows /login).
    let session: SessionDto;
    try {
      session = await refreshSession();
    } catch {
      throw error;
    }
    return send<T>(path, { method, body: options.body, signal: options.signal, token: session.accessToken });
  }
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

/** Requests that must not trigger a refresh (login, register, public invitation pages). */
export const publicApi = {
  get: <T>(path: string, signal?: AbortSignal) => send<T>(path, { method: 'GET', signal }),
  post: <T>(path: string, body?: unknown) => send<T>(path, { method: 'POST', body }),
};

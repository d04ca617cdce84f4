/**
 * The one way the web client talks to the server: JSON in and out, the session cookie sent
 * automatically (same origin), and every failure thrown as an ApiError carrying the server's
 * stable error code, message and per-field messages.
 */

/** Error codes of src/core/errors.ts, plus NETWORK when the server could not be reached. */
export type ApiErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'BAD_FILE'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'REPORT_PENDING'
  | 'ROUTE_NOT_FOUND'
  | 'CONFLICT'
  | 'SEAT_QUOTA_EXCEEDED'
  | 'USAGE_QUOTA_EXCEEDED'
  | 'RATE_LIMITED'
  | 'UPSTREAM_FAILED'
  | 'NOT_CONFIGURED'
  | 'INTERNAL'
  | 'NETWORK';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;
  /** Field path (e.g. `benefits.1`, `manager.email`) → message, from `details.fields`. */
  readonly fields: Record<string, string>;

  constructor(code: ApiErrorCode, message: string, status: number, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
    const f = details?.fields;
    this.fields = f && typeof f === 'object' ? (f as Record<string, string>) : {};
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Sends one request; resolves with the parsed JSON body or throws ApiError. `body` is sent as JSON. */
export async function request<T>(method: Method, url: string, body?: unknown, init?: { signal?: AbortSignal }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body !== undefined ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: init?.signal,
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError('NETWORK', 'The server could not be reached.', 0);
  }
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | undefined)?.error;
    throw new ApiError(
      (err?.code as ApiErrorCode) ?? (res.status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED'),
      err?.message ?? `The server answered ${res.status}.`,
      res.status,
      err?.details,
    );
  }
  return json as T;
}

/** Shorthands: `api.get<{ user: User }>('/api/me')`. */
export const api = {
  get: <T>(url: string, init?: { signal?: AbortSignal }) => request<T>('GET', url, undefined, init),
  post: <T>(url: string, body: unknown = {}) => request<T>('POST', url, body),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  del: <T>(url: string) => request<T>('DELETE', url),
};

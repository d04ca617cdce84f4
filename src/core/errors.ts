/**
 * One error taxonomy with stable codes. Domain code throws AppError; the HTTP edge
 * (src/http/errors.ts) and the WebSocket edge convert it once, never anywhere else.
 */
export type Fault = 'client' | 'server' | 'upstream';

interface CodeInfo {
  status: number;
  fault: Fault;
  retryable: boolean;
}

export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, fault: 'client', retryable: false },
  MALFORMED_JSON: { status: 400, fault: 'client', retryable: false },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, fault: 'client', retryable: false },
  PAYLOAD_TOO_LARGE: { status: 413, fault: 'client', retryable: false },
  BAD_FILE: { status: 422, fault: 'client', retryable: false },
  UNAUTHENTICATED: { status: 401, fault: 'client', retryable: false },
  INVALID_CREDENTIALS: { status: 401, fault: 'client', retryable: false },
  FORBIDDEN: { status: 403, fault: 'client', retryable: false },
  NOT_FOUND: { status: 404, fault: 'client', retryable: false },
  /** A call has just ended and its scored report is still being built: ask again in a second. */
  REPORT_PENDING: { status: 404, fault: 'client', retryable: true },
  ROUTE_NOT_FOUND: { status: 404, fault: 'client', retryable: false },
  CONFLICT: { status: 409, fault: 'client', retryable: false },
  SEAT_QUOTA_EXCEEDED: { status: 409, fault: 'client', retryable: false },
  USAGE_QUOTA_EXCEEDED: { status: 429, fault: 'client', retryable: false },
  RATE_LIMITED: { status: 429, fault: 'client', retryable: true },
  UPSTREAM_FAILED: { status: 502, fault: 'upstream', retryable: true },
  NOT_CONFIGURED: { status: 503, fault: 'server', retryable: false },
  INTERNAL: { status: 500, fault: 'server', retryable: true },
} as const satisfies Record<string, CodeInfo>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  override readonly cause?: unknown;

  constructor(code: ErrorCode, message: string, opts: { details?: unknown; cause?: unknown } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = opts.details;
    this.cause = opts.cause;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
  get fault(): Fault {
    return ERROR_CATALOGUE[this.code].fault;
  }
  get retryable(): boolean {
    return ERROR_CATALOGUE[this.code].retryable;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Shorthands for the errors thrown most often. */
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (why = 'You do not have access to this resource.') => new AppError('FORBIDDEN', why);

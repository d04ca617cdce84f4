import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, isAppError, type ErrorCode } from '../core/index.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Converts any thrown value to the client-facing code, status and message. Never leaks a stack trace. */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (isAppError(err)) {
    return { status: err.status, body: { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } } };
  }
  const fe = err as FastifyError & { statusCode?: number };
  const map = (code: ErrorCode, message: string) => {
    const e = new AppError(code, message);
    return { status: e.status, body: { error: { code, message } } };
  };
  switch (fe?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return map('MALFORMED_JSON', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return map('PAYLOAD_TOO_LARGE', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return map('UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here; send JSON (application/json).');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return map('VALIDATION_FAILED', 'The Content-Length header does not match the body.');
  }
  if (err instanceof SyntaxError && /JSON/i.test(err.message)) return map('MALFORMED_JSON', 'The request body is not valid JSON.');
  // a PostgreSQL "data exception" (class 22: bad text encoding, a value that is not a uuid…) is the client's value,
  // caught only if a route let it through; never a 500
  if (typeof fe?.code === 'string' && /^22[0-9A-Z]{3}$/.test(fe.code)) return map('VALIDATION_FAILED', 'A value in the request is not valid (for example an id that is not an id, or a character that is not allowed).');
  if (fe?.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return map('UNSUPPORTED_MEDIA_TYPE', 'Send the call as multipart/form-data.');
  if (err instanceof Error && /^Multipart: |Boundary not found|Unexpected end of (form|multipart)/i.test(err.message)) {
    return map('VALIDATION_FAILED', 'The upload is not a well-formed multipart/form-data body.');
  }
  if (fe?.statusCode === 413) return map('PAYLOAD_TOO_LARGE', 'The request body is too large.');
  if (fe?.statusCode === 415) return map('UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here.');
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return map('VALIDATION_FAILED', fe.message);
  return map('INTERNAL', 'Something went wrong on our side. Please try again.');
}

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorBody(err);
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: body.error.code }, body.error.message);
    if (body.error.code === 'RATE_LIMITED') {
      const retry = (body.error.details as { retryAfterSec?: number } | undefined)?.retryAfterSec;
      if (retry) reply.header('retry-after', String(retry));
    }
    reply.status(status).send(body);
  });
}

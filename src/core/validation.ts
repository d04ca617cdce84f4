import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Human-readable list of zod issues: "email: Invalid email address; password: Required". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Field → message map, for forms that show a message next to each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const key = i.path.join('.') || '_';
    if (!(key in out)) out[key] = i.message;
  }
  return out;
}

/** Parse `value` with `schema` or throw VALIDATION_FAILED naming each bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what = 'request'): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new AppError('VALIDATION_FAILED', `Invalid ${what}: ${describeIssues(r.error)}`, {
    details: { fields: fieldErrors(r.error) },
  });
}

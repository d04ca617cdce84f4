import { isApiError, type ApiError, type ApiErrorCode } from '../api.ts';
import { useCommonT } from './common.ts';
import { localizeServerMessage, hasHebrewRendering } from './server-messages.ts';

/** Codes whose Hebrew text in `common.errors` is at least as precise as the server's sentence. */
const BY_CODE: ApiErrorCode[] = [
  'NETWORK',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'RATE_LIMITED',
  'USAGE_QUOTA_EXCEEDED',
  'INTERNAL',
  'UPSTREAM_FAILED',
  'NOT_CONFIGURED',
  'PAYLOAD_TOO_LARGE',
  'INVALID_CREDENTIALS',
];

/**
 * Turns any thrown value into one sentence for a person, in the current language. Field-level messages
 * are shown next to their fields (see `fieldError`); this is the sentence above the form.
 */
export function useErrorText(): (err: unknown) => string {
  const { t, lang } = useCommonT();
  return (err: unknown) => {
    if (!isApiError(err)) return t('errors.INTERNAL');
    if (err.code === 'SEAT_QUOTA_EXCEEDED') {
      const limit = (err.details as { seatLimit?: number } | undefined)?.seatLimit;
      return t('errors.SEAT_QUOTA_EXCEEDED', { limit: limit ?? '' });
    }
    if (lang === 'he' && hasHebrewRendering(err.message)) return localizeServerMessage(err.message, lang);
    const fieldCount = Object.keys(err.fields).length;
    if (err.code === 'VALIDATION_FAILED' && fieldCount > 1) return t('errors.fixFields', { count: fieldCount });
    if (err.code === 'VALIDATION_FAILED' && fieldCount === 1 && lang === 'he') {
      return localizeServerMessage(Object.values(err.fields)[0], lang);
    }
    if (lang === 'he' && BY_CODE.includes(err.code)) return t(`errors.${err.code}` as 'errors.NETWORK');
    if (err.code === 'NETWORK') return t('errors.NETWORK');
    return err.message;
  };
}

/** The message for one field path (`benefits.1`) from an ApiError's `details.fields`, in the current language. */
export function useFieldErrors(error: unknown): (path: string) => string | undefined {
  const { lang } = useCommonT();
  const fields = isApiError(error) ? (error as ApiError).fields : {};
  return (path: string) => {
    const m = fields[path];
    return m ? localizeServerMessage(m, lang) : undefined;
  };
}

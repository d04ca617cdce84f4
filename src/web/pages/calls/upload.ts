import { ApiError, type ApiErrorCode } from '../../api.ts';
import type { CallSummary } from './types.ts';

/**
 * Posts the upload form with XMLHttpRequest (fetch has no upload progress), reporting the fraction sent.
 * Resolves with the created call or throws ApiError with the server's code and message.
 */
export function uploadCall(form: FormData, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<{ call: CallSummary }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/calls');
    xhr.responseType = 'text';
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText || 'null');
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(json as { call: CallSummary });
      const err = (json as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
      reject(new ApiError((err?.code as ApiErrorCode) ?? 'INTERNAL', err?.message ?? `The server answered ${xhr.status}.`, xhr.status, err?.details));
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', 'The server could not be reached.', 0));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

/** mm:ss (or h:mm:ss) of seconds. */
export function clock(sec: number | null | undefined): string {
  if (sec == null || !Number.isFinite(sec)) return '—';
  const s = Math.max(0, Math.round(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

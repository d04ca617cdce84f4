/** A segment as read from a source file, before roles and missing times are filled in. */
export interface RawSegment {
  label?: string;
  startSec?: number;
  endSec?: number;
  text: string;
}

/** "75", "01:15", "1:02:03", "00:01:15,250", "00:01:15.250" → seconds; undefined when not a time. */
export function parseTime(s: string | number | undefined | null): number | undefined {
  if (typeof s === 'number') return Number.isFinite(s) && s >= 0 ? s : undefined;
  if (typeof s !== 'string') return undefined;
  const t = s.trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  const m = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(t);
  if (!m) return undefined;
  const [, h, mm, ss, frac] = m;
  return Number(h ?? 0) * 3600 + Number(mm) * 60 + Number(ss) + (frac ? Number(frac.padEnd(3, '0')) / 1000 : 0);
}

/** A time pattern usable inside other regexes (mm:ss, hh:mm:ss, optional fraction). */
export const TIME_RE = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;

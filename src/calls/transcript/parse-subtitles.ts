import { parseTime, type RawSegment } from './raw.ts';

const CUE_TIME = /^\s*(\d{1,2}:\d{2}(?::\d{2})?[.,]\d{1,3})\s*-->\s*(\d{1,2}:\d{2}(?::\d{2})?[.,]\d{1,3})/;

/** SRT: numbered cues with `hh:mm:ss,mmm --> hh:mm:ss,mmm`. */
export const parseSrt = (text: string): RawSegment[] => parseCues(text);

/** WebVTT: `WEBVTT` header, optional cue ids, `<v Speaker>` voice tags or `Speaker:` prefixes. */
export const parseVtt = (text: string): RawSegment[] => parseCues(text.replace(/^WEBVTT[^\n]*\n/, ''));

function parseCues(text: string): RawSegment[] {
  const out: RawSegment[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
    const ti = lines.findIndex((l) => CUE_TIME.test(l));
    if (ti < 0) continue; // NOTE / STYLE blocks, stray numbers
    const m = CUE_TIME.exec(lines[ti])!;
    const body = lines.slice(ti + 1).join(' ');
    const { label, text: spoken } = speakerOf(body);
    if (!spoken) continue;
    out.push({ ...(label ? { label } : {}), startSec: parseTime(m[1]), endSec: parseTime(m[2]), text: spoken });
  }
  return out;
}

function speakerOf(body: string): { label?: string; text: string } {
  const voice = /^<v(?:\.[^\s>]+)*\s+([^>]+)>/.exec(body);
  if (voice) return { label: voice[1].trim(), text: stripTags(body.slice(voice[0].length)) };
  const clean = stripTags(body).replace(/^[-–]\s*/, '');
  const named = /^(?:\[([^\]]{1,40})\]|([\p{L}][\p{L}\p{N}'"׳״.\- ]{0,30}?)\s*:)\s*(.*)$/u.exec(clean);
  if (named) return { label: (named[1] ?? named[2]).trim(), text: named[3].trim() };
  return { text: clean };
}

const stripTags = (s: string): string => s.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

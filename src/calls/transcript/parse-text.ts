import { TIME_RE, parseTime, type RawSegment } from './raw.ts';

const LABEL = String.raw`[\p{L}][\p{L}\p{N}'"׳״.\-]*(?:\s[\p{L}\p{N}][\p{L}\p{N}'"׳״.\-]*){0,2}`;
/** `[00:12] Agent: text`, `00:12 Agent: text`, `Agent [00:12]: text`, `Agent (00:12): text`, `Agent: text`. */
const LINE_RE = new RegExp(
  String.raw`^\s*(?:[\[(]?(${TIME_RE})[\])]?\s*[-–—]?\s*)?(${LABEL})\s*(?:[\[(](${TIME_RE})[\])])?\s*[:：]\s*(.*)$`,
  'u',
);

/** True when the line starts with a speaker label. */
export const isLabelledLine = (line: string): boolean => LINE_RE.test(line);

/** Plain-text transcript, one `Speaker: text` per line; unlabelled lines continue the previous turn. */
export function parseLines(text: string): RawSegment[] {
  const out: RawSegment[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = LINE_RE.exec(line);
    if (m) {
      const startSec = parseTime(m[1] ?? m[3]);
      out.push({ label: m[2].trim(), ...(startSec !== undefined ? { startSec } : {}), text: m[4].trim() });
    } else if (out.length) {
      const prev = out[out.length - 1];
      prev.text = prev.text ? `${prev.text} ${line}` : line;
    }
  }
  return out.filter((s) => s.text.length > 0);
}

const INLINE_LABEL = /(?:^|(?<=[\s.!?,;]))([\p{L}][\p{L}\p{N}'"׳״\-]*):(?=\s)/gu;

/**
 * A single paragraph "Dana: hi there. Moshe: hello. Dana: …". Labels are words followed by a colon that
 * recur; a label always preceded by the same word ("Speaker 1", "נציג מכירות") keeps both words.
 */
export function parseParagraph(text: string): RawSegment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const hits = [...flat.matchAll(INLINE_LABEL)].map((m) => ({ word: m[1], index: m.index!, end: m.index! + m[0].length }));
  const freq = new Map<string, number>();
  for (const h of hits) freq.set(h.word, (freq.get(h.word) ?? 0) + 1);
  const labels = hits.filter((h) => (freq.get(h.word) ?? 0) >= 2 || (freq.size <= 2 && hits.length >= 2));
  if (labels.length < 2) return [];
  const spans = labels.map((h) => widenLabel(flat, h, labels));
  const out: RawSegment[] = [];
  spans.forEach((s, i) => {
    const body = flat.slice(s.end, i + 1 < spans.length ? spans[i + 1].start : flat.length).trim();
    if (body) out.push({ label: s.label, text: body });
  });
  return out;
}

function widenLabel(
  flat: string,
  h: { word: string; index: number; end: number },
  all: { word: string; index: number }[],
): { label: string; start: number; end: number } {
  const before = flat.slice(0, h.index).match(/([\p{L}\p{N}]+)\s$/u);
  if (before) {
    const same = all.filter((o) => o.word === h.word);
    const prevWords = same.map((o) => flat.slice(0, o.index).match(/([\p{L}\p{N}]+)\s$/u)?.[1]);
    if (same.length >= 2 && prevWords.every((w) => w === before[1])) {
      return { label: `${before[1]} ${h.word}`, start: h.index - before[0].length, end: h.end };
    }
  }
  return { label: h.word, start: h.index, end: h.end };
}

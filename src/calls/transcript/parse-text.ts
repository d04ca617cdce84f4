import { TIME_RE, parseTime, type RawSegment } from './raw.ts';


const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{N}_'"׳״.\-]*`;
const LABEL = String.raw`[\p{L}][\p{L}\p{N}_'"׳״.\-]*(?:\s${WORD}){0,2}`;
/**
 * `[00:12] Agent: text`, `00:12 Agent: text`, `Agent [00:12]: text`, `Agent (00:12): text`, `Agent: text`,
 * `[Nina]: text`, `Tom (Acme Plumbing): text`, `REP_JOHN: text`; markdown bold around the label is removed first.
 */
const LINE_RE = new RegExp(
  String.raw`^\s*(?:[\[(]?(${TIME_RE})[\])]?\s*[-–—]?\s*)?\[?(${LABEL})\]?(?:\s*\((?!${TIME_RE}\))([^()]{1,40})\))?\s*(?:[\[(](${TIME_RE})[\])])?\s*[:：]\s*(.*)$`,
  'u',
);
/** A line that is only a stage direction or annotation: "[hold music]", "(מוזיקה)", "*hangs up*". */
const ANNOTATION = /^\s*(?:\[[^\]]*\]|\([^)]*\)|\*[^*]+\*|_[^_]+_)\s*$/u;
/** Markdown structure that is not speech: headings, rules, bullets, tables. */
const MARKUP = /^\s*(?:#{1,6}\s|[-=*_]{3,}\s*$|[-*•]\s|\|)/u;

/** Remove markdown bold around a leading label: `**Brian:** hi` / `**Brian**: hi` → `Brian: hi`. */
function unbold(line: string): string {
  return line.replace(/^(\s*(?:\[[^\]]*\]\s*)?)\*\*([^*]{1,60}?)\*\*\s*[:：]/u, '$1$2:').replace(/^(\s*(?:\[[^\]]*\]\s*)?)\*\*([^*]{1,60}?)[:：]\*\*/u, '$1$2:');
}

/** True when the line starts with a speaker label. */
export const isLabelledLine = (line: string): boolean => LINE_RE.test(unbold(line));

/** Plain-text transcript, one `Speaker: text` per line; unlabelled lines continue the previous turn. */
export function parseLines(text: string): RawSegment[] {
  const out: RawSegment[] = [];
  let open = false;
  for (const raw of text.split('\n')) {
    const line = unbold(raw.trim());
    if (!line) continue;
    if (ANNOTATION.test(line) || MARKUP.test(line)) {
      open = false;
      continue;
    }
    const m = LINE_RE.exec(line);
    if (m) {
      const startSec = parseTime(m[1] ?? m[4]);
      const label = m[3] ? `${m[2].trim()} (${m[3].trim()})` : m[2].trim();
      out.push({ label, ...(startSec !== undefined ? { startSec } : {}), text: stripDirections(m[5]) });
      open = true;
    } else if (out.length && open) {
      const prev = out[out.length - 1];
      const more = stripDirections(line);
      prev.text = prev.text ? `${prev.text} ${more}` : more;
    }
  }
  return out.filter((s) => s.text.length > 0);
}

/** Stage directions inside a turn ("*laughs*", "[inaudible]") are not words said. */
function stripDirections(text: string): string {
  return text.replace(/\*[^*]{1,40}\*|\[[^\]]{1,40}\]/gu, ' ').replace(/\s+/g, ' ').trim();
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

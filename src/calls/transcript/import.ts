import { detectLanguage, transcriptSchema, type Language, type Transcript } from '../../analysis/index.ts';
import { AppError } from '../../core/index.ts';
import { isLabelledLine, parseLines, parseParagraph } from './parse-text.ts';
import { parseSrt, parseVtt } from './parse-subtitles.ts';
import { parseJsonSegments } from './parse-json.ts';
import { assignRoles } from './roles.ts';
import { fillTimes } from './timing.ts';
import { unsupportedLanguage } from './language.ts';
import type { RawSegment } from './raw.ts';

export type TranscriptFormat = 'json' | 'vtt' | 'srt' | 'lines' | 'paragraph';

export interface ImportOptions {
  /** The agent's speaker label/name as it appears in the file (e.g. "Dana"); overrides role labels. */
  agentName?: string;
  /** Language of the call; detected from the script when omitted. */
  language?: Language;
  /** Original file name, used for the format hint (.srt/.vtt/.json) and in messages. */
  fileName?: string;
}

const SRT_TIME = /^\s*\d{1,2}:\d{2}:\d{2},\d{1,3}\s*-->/m;

/** Which transcript format a text is in, or undefined when none fits. */
export function detectTranscriptFormat(text: string, fileName?: string): TranscriptFormat | undefined {
  const t = text.trim();
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'json' || /^[[{]/.test(t)) {
    try {
      JSON.parse(t);
      return 'json';
    } catch {
      if (ext === 'json') return 'json';
    }
  }
  if (/^WEBVTT/.test(t) || (ext === 'vtt' && t.includes('-->'))) return 'vtt';
  if (SRT_TIME.test(t) || (ext === 'srt' && t.includes('-->'))) return 'srt';
  const lines = t.split('\n').filter((l) => l.trim());
  const labelled = lines.filter(isLabelledLine).length;
  if (labelled >= 2 && labelled >= lines.length * 0.3) return 'lines';
  if (parseParagraph(t).length >= 2) return 'paragraph';
  if (labelled >= 1) return 'lines';
  return undefined;
}

/**
 * Parse a transcript file (plain `Speaker: text` lines with optional [mm:ss] times, one paragraph of
 * `Name: text`, SRT, WebVTT or JSON segments) into a Transcript with agent/customer roles. Throws
 * AppError BAD_FILE with a plain reason for empty or unreadable input.
 */
export function importTranscript(text: string, opts: ImportOptions = {}): Transcript {
  const name = opts.fileName ? `"${opts.fileName}"` : 'The transcript';
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!clean.trim()) throw new AppError('BAD_FILE', `${name} is empty.`);
  if (clean.includes('\u0000')) throw new AppError('BAD_FILE', `${name} is not a text file (it contains binary data).`);

  const format = detectTranscriptFormat(clean, opts.fileName);
  if (!format) {
    throw new AppError(
      'BAD_FILE',
      `${name} has no speaker labels. Write each turn as "Agent: …" / "Customer: …" (or "נציג: …" / "לקוח: …"), or use SRT, WebVTT or JSON segments.`,
    );
  }
  const raw = parse(format, clean, name);
  if (raw.length === 0) throw new AppError('BAD_FILE', `${name} contains no spoken text that could be read as ${format}.`);
  if (raw.every((s) => !s.label)) {
    throw new AppError('BAD_FILE', `${name} has no speaker names, so agent and customer cannot be told apart. Add "Agent:"/"Customer:" labels.`);
  }
  carryLabels(raw);

  const refusal = opts.language ? undefined : unsupportedLanguage(raw.map((s) => s.text).join(' '));
  if (refusal) throw new AppError('BAD_FILE', `${name} ${refusal}`);
  const language = opts.language ?? detectLanguage(raw.map((s) => s.text).join(' '));
  const roles = assignRoles(raw, language, opts.agentName);
  const spoken = raw.filter((s) => roles.roleOf.has(s.label ?? ''));
  const sides = new Set(spoken.map((s) => roles.roleOf.get(s.label ?? '')));
  if (spoken.length < 2 || sides.size < 2) {
    throw new AppError(
      'BAD_FILE',
      `${name} is not a conversation: ${roles.agent.length + roles.customer.length ? `only one speaker (${roles.agent.concat(roles.customer).join(', ')}) says anything` : `its labels are headers or notes (${roles.ignored.join(', ')}), not speakers`}. A call needs the agent and the customer, e.g. "Agent: …" / "Customer: …".`,
    );
  }
  const timed = fillTimes(spoken, language);
  const transcript: Transcript = {
    language,
    segments: timed.map((s) => ({
      speaker: roles.roleOf.get(s.label ?? '') ?? 'customer',
      ...(s.label ? { label: s.label } : {}),
      startSec: s.startSec,
      endSec: s.endSec,
      text: s.text,
      ...(s.estimated ? { estimated: true } : s.endEstimated ? { endEstimated: true } : {}),
    })),
    roles: {
      method: roles.method,
      confidence: roles.confidence,
      agent: roles.agent,
      customer: roles.customer,
      ...(roles.ignored.length ? { ignored: roles.ignored } : {}),
      reason: roles.reason,
    },
    source: `import:${format}`,
  };
  return transcriptSchema.parse(transcript);
}

function parse(format: TranscriptFormat, text: string, name: string): RawSegment[] {
  switch (format) {
    case 'json': {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (e) {
        throw new AppError('BAD_FILE', `${name} is not valid JSON: ${(e as Error).message}`);
      }
      return parseJsonSegments(data);
    }
    case 'vtt':
      return parseVtt(text);
    case 'srt':
      return parseSrt(text);
    case 'lines':
      return parseLines(text);
    case 'paragraph':
      return parseParagraph(text);
  }
}

/** Subtitle cues without a speaker continue the previous speaker. */
function carryLabels(segs: RawSegment[]): void {
  let last = segs.find((s) => s.label)?.label;
  for (const s of segs) {
    if (s.label) last = s.label;
    else s.label = last;
  }
}

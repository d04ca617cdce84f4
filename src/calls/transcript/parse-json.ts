import { AppError } from '../../core/index.ts';
import { parseTime, type RawSegment } from './raw.ts';

const pick = (o: Record<string, unknown>, keys: string[]): unknown => keys.map((k) => o[k]).find((v) => v !== undefined && v !== null);

/**
 * JSON segments: an array of `{speaker, start, end, text}` or an object holding one under `segments`
 * (also accepts role/label/name, startSec/start_time, endSec/end_time, content/utterance).
 */
export function parseJsonSegments(data: unknown): RawSegment[] {
  const list = Array.isArray(data) ? data : (data as { segments?: unknown })?.segments;
  if (!Array.isArray(list)) {
    throw new AppError('BAD_FILE', 'The JSON transcript must be an array of segments or an object with a "segments" array.');
  }
  return list.map((item, i) => {
    if (!item || typeof item !== 'object') throw new AppError('BAD_FILE', `Segment ${i + 1} of the JSON transcript is not an object.`);
    const o = item as Record<string, unknown>;
    const text = pick(o, ['text', 'content', 'utterance', 'transcript']);
    if (typeof text !== 'string') throw new AppError('BAD_FILE', `Segment ${i + 1} of the JSON transcript has no "text".`);
    const label = pick(o, ['speaker', 'role', 'label', 'name', 'speaker_label']);
    const startSec = parseTime(pick(o, ['start', 'startSec', 'start_time', 'begin']) as string | number | undefined);
    const endSec = parseTime(pick(o, ['end', 'endSec', 'end_time', 'stop']) as string | number | undefined);
    return {
      text: text.trim(),
      ...(label !== undefined ? { label: String(label).trim() } : {}),
      ...(startSec !== undefined ? { startSec } : {}),
      ...(endSec !== undefined ? { endSec } : {}),
    };
  }).filter((s) => s.text.length > 0);
}

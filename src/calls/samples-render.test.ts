import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import { renderSample, type SampleCall } from './samples.ts';
import { importTranscript } from './transcript/index.ts';

const sample = (lines: string): SampleCall => {
  const transcript = importTranscript(lines, { fileName: 'he-render-test.txt' });
  return { name: 'he-render-test', language: transcript.language, quality: 'neutral', transcript };
};

describe.skipIf(!haveTools(['espeak-ng'], 'sample rendering'))('rendering a sample call with espeak-ng', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-render-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('re-times the transcript to the audio, reuses the cache, and renders again when the sample was edited', async () => {
    const first = await renderSample(sample('[00:00] נציג: שלום, מדבר דניאל.\n[00:03] לקוח: היי.'), dir);
    expect(first.transcript.segments).toHaveLength(2);
    for (const s of first.transcript.segments) {
      expect(s.estimated ?? false).toBe(false);
      expect(s.endEstimated ?? false).toBe(false);
    }
    const built = statSync(first.wav).mtimeMs;
    const again = await renderSample(sample('[00:00] נציג: שלום, מדבר דניאל.\n[00:03] לקוח: היי.'), dir);
    expect(statSync(again.wav).mtimeMs).toBe(built);
    expect(again.transcript.segments).toEqual(first.transcript.segments);

    const edited = await renderSample(sample('[00:00] נציג: שלום, מדבר דניאל ממגן ביטוחים.\n[00:03] לקוח: היי.\n[00:05] נציג: יש לך רגע?'), dir);
    expect(edited.transcript.segments).toHaveLength(3);
    expect(edited.transcript.segments[0].endSec).toBeGreaterThan(first.transcript.segments[0].endSec);
  }, 60_000);
});

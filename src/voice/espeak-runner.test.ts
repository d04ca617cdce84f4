import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import { decodeWav, rmsLevel } from './audio.ts';
import { EspeakRunner } from './espeak-runner.ts';
import { EspeakSynthesizer } from './speech.ts';

describe.skipIf(!haveTools(['espeak-ng'], 'espeak-ng helper'))('espeak-ng through the shared helper', () => {
  it('speaks many sentences in parallel from one helper process, never forking the server per sentence', async () => {
    const runner = EspeakRunner.for('espeak-ng');
    const texts = Array.from({ length: 12 }, (_, i) => (i % 2 ? `Sentence number ${i}, spoken in English.` : `משפט מספר ${i}, בעברית.`));
    const wavs = await Promise.all(texts.map((t, i) => runner.synthesize(t, i % 2 ? 'en-us' : 'he', 165)));
    for (const w of wavs) {
      const a = decodeWav(new Uint8Array(w));
      expect(a.samples.length / a.sampleRate).toBeGreaterThan(0.8);
      expect(rmsLevel(a.samples)).toBeGreaterThan(0.01);
    }
    // our only child is the helper (espeak-ng processes are its children)
    const children = execFileSync('ps', ['--ppid', String(process.pid), '-o', 'comm=']).toString().split('\n').filter((c) => c && c !== 'ps');
    expect(children).toEqual(['bash']);
  });

  it('speaks shell syntax in the text instead of running it', async () => {
    const marker = path.join(os.tmpdir(), `sg-espeak-marker-${process.pid}`);
    const wav = await EspeakRunner.for('espeak-ng').synthesize(`$(touch ${marker}) \`touch ${marker}\` "quoted" ; touch ${marker}\nsecond line`, 'en-us', 165);
    expect(decodeWav(new Uint8Array(wav)).samples.length).toBeGreaterThan(22_050);
    expect(existsSync(marker)).toBe(false);
  });

  it('streams 24 kHz audio in 200 ms pieces and reports a missing binary clearly', async () => {
    const pieces: Int16Array[] = [];
    for await (const p of new EspeakSynthesizer().synthesize('שלום, מה שלומך היום?', { language: 'he', voice: 'he', speed: 1 }, new AbortController().signal)) pieces.push(p);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces[0].length).toBe(4800);
    const missing = new EspeakSynthesizer('/nonexistent/espeak-ng').synthesize('x', { language: 'en', voice: 'en-us', speed: 1 }, new AbortController().signal);
    await expect(missing[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'NOT_CONFIGURED' });
  });
});

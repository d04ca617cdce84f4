/**
 * Benchmark of the embedded recogniser where a model is installed: a 10-minute Hebrew call (2 minutes with
 * --quick) of espeak-ng speech and pauses, transcribed as an upload is (30 s chunks), reported as × real time
 * (target: faster than real time on 2 cores with the recommended `small`). Without a model it says so and skips.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeWav } from '../../../audio/index.ts';
import { loadConfig } from '../../../config/index.ts';
import type { BenchResult } from '../../../cli/bench.ts';
import { EmbeddedWhisper, findModel } from './engine.ts';
import { EmbeddedTranscriber } from './transcriber.ts';

const LINES = [
  'שלום, מדברת דנה מחברת מגן ביטוחים, יש לך שתי דקות?',
  'כן, במה מדובר?',
  'רציתי לשאול מה הכי חשוב לך בביטוח הבריאות שלך.',
  'האמת שהמחיר. אנחנו משלמים יותר מדי כרגע.',
  'אני מבינה. כמה אתם משלמים היום בחודש?',
];

export async function benchEmbeddedStt({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const config = loadConfig();
  const modelPath = process.env.SALESGYM_STT_MODEL ?? findModel(config);
  if (!modelPath) {
    return [{ section: 'stt', name: 'embedded recogniser, 10-minute call', unit: '× real time', notes: 'skipped: no model installed (npx salesgym models pull small)' }];
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-bench-stt-'));
  const engine = new EmbeddedWhisper({ modelPath, timeoutMsPerSec: 10_000 });
  try {
    const rate = 16_000;
    const pieces = LINES.map((text) => {
      const raw = path.join(dir, 'line.wav');
      spawnSync('espeak-ng', ['-v', 'he', '-w', raw, text]);
      const r = spawnSync('ffmpeg', ['-v', 'error', '-i', raw, '-ar', String(rate), '-ac', '1', '-f', 's16le', '-'], { maxBuffer: 1 << 26 });
      return new Int16Array(r.stdout.buffer, r.stdout.byteOffset, r.stdout.byteLength / 2);
    });
    const seconds = quick ? 120 : 600;
    const call = new Int16Array(rate * seconds);
    for (let at = 0, i = 0; at + pieces[i % pieces.length].length < call.length; i++) {
      call.set(pieces[i % pieces.length], at);
      at += pieces[i % pieces.length].length + Math.round(rate * 0.7);
    }
    const wav = path.join(dir, 'call.wav');
    writeFileSync(wav, encodeWav(call, rate));
    await engine.load();
    const t0 = performance.now();
    const segs = await new EmbeddedTranscriber(engine).transcribe(wav, { language: 'he' });
    const wall = (performance.now() - t0) / 1000;
    const x = seconds / wall;
    return [{
      section: 'stt', name: `embedded recogniser, ${seconds / 60}-minute call`, unit: '× real time', value: Math.round(x * 100) / 100,
      target: '> 1 (faster than real time)', pass: x > 1, notes: `${path.basename(modelPath)}, ${segs.length} segments in ${wall.toFixed(1)} s`,
    }];
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

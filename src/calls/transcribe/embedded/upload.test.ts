/**
 * An upload transcribed offline by the embedded recogniser: a stereo WMA goes through conversion, per-channel
 * transcription in 30 s chunks (channels as speakers), and the content analysis. The model is the tests'
 * generated one, so this checks the plumbing, not the words (see README "Speech recognition" for real figures).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCall, run } from '../../../audio/index.ts';
import { testConfig } from '../../../config/index.ts';
import { haveTools } from '../../../testing/tools.ts';
import { writeTinyWhisperModel } from '../../../testing/whisper-model.ts';
import { analyzeRecordingFile } from '../../cli.ts';

describe.skipIf(!haveTools(['ffmpeg', 'ffprobe', 'espeak-ng'], 'embedded upload transcription'))('a WMA upload with the embedded recogniser (no key, no endpoint)', () => {
  let dir = '';
  let wma = '';
  let model = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sg-embedded-upload-'));
    model = path.join(dir, 'ggml-test-tiny.bin');
    writeTinyWhisperModel(model);
    const r = await renderCall(
      [
        { speaker: 'agent', text: 'שלום, מדברת דנה מחברת מגן ביטוחים. יש לך שתי דקות?' },
        { speaker: 'customer', text: 'כן, במה מדובר?' },
        { speaker: 'agent', text: 'מה הכי חשוב לך בביטוח הבריאות שלך?' },
      ],
      { language: 'he', out: path.join(dir, 'r.wav') },
    );
    wma = path.join(dir, 'call.wma');
    await run('ffmpeg', ['-v', 'error', '-y', '-i', r.path, '-c:a', 'wmav2', '-b:a', '64k', wma]);
  }, 120_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is transcribed per channel by the embedded model and analysed in full', async () => {
    const rep = await analyzeRecordingFile(wma, testConfig({ DATA_DIR: dir, TRANSCRIBE_MODEL_PATH: model }), { language: 'he' });
    expect(rep.kind).toBe('full');
    expect(rep.audio?.separation).toBe('stereo');
    expect(rep.analysis.overallScore).not.toBeNull();
  }, 240_000);
});

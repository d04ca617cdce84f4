#!/usr/bin/env node
// Renders the sample call transcripts (samples/calls) to stereo WAV with espeak-ng — agent on the left,
// customer on the right, two different voices; "poor" samples get a hesitant agent — plus a JSON file with
// the true timing of every line. Nothing is downloaded. Output: DATA_DIR/sample-audio (git-ignored), or --out DIR.
//   node scripts/make-sample-audio.mjs [--out DIR] [--only NAME]
import { register } from 'tsx/esm/api';

register();
const argv = process.argv.slice(2);
const arg = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const path = await import('node:path');
const { listSamples, renderSample } = await import('../src/calls/index.ts');
const { hasTool } = await import('../src/audio/index.ts');
if (!hasTool('espeak-ng')) {
  console.error('espeak-ng is not installed (Debian: apt-get install espeak-ng).');
  process.exit(1);
}
const out = path.resolve(arg('--out') ?? path.join(process.env.DATA_DIR ?? './data', 'sample-audio'));
const only = arg('--only');
for (const s of listSamples().filter((x) => !only || x.name === only)) {
  const t0 = Date.now();
  const r = await renderSample(s, out);
  const dur = r.transcript.segments.at(-1)?.endSec ?? 0;
  console.log(`${s.name}: ${r.wav} (${dur.toFixed(0)} s of audio, ${s.transcript.segments.length} lines, ${Date.now() - t0} ms)`);
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchResult } from '../cli/bench.ts';
import { startTestApp } from '../testing/app.ts';
import { multipartBody } from '../testing/multipart.ts';
import { makePlayable, normalizeAudio, probeAudio, renderCall, run, analyzeAudio } from '../audio/index.ts';

const LINES = [
  { speaker: 'agent' as const, text: 'שלום, מדברת נועה ממגן ביטוחים. אני מתקשרת כי השארת פרטים באתר. יש לך שתי דקות?' },
  { speaker: 'customer' as const, text: 'כן, יש לי כמה דקות, אני בהפסקה.' },
  { speaker: 'agent' as const, text: 'מעולה. מה גרם לך להשאיר פרטים דווקא עכשיו, ומה הכי חשוב לך שיהיה מכוסה?' },
  { speaker: 'customer' as const, text: 'הפרמיה עלתה שוב ואני לא בטוח מה יש לי. חשוב לי ניתוחים ותרופות.' },
  { speaker: 'agent' as const, text: 'הבנתי. אם אראה לך איך לחסוך ולקבל כיסוי טוב יותר, נקבע שיחה קצרה למחר?' },
  { speaker: 'customer' as const, text: 'בסדר, מחר בעשר זה טוב.' },
];

/** A stereo MP3 call of about `minutes` minutes (espeak-ng dialogue looped with ffmpeg), and a matching transcript. */
async function makeCall(dir: string, minutes: number) {
  const r = await renderCall(LINES, { language: 'he', out: path.join(dir, 'unit.wav') });
  const loops = Math.max(1, Math.round((minutes * 60) / r.durationSec));
  const mp3 = path.join(dir, `call-${minutes}m.mp3`);
  await run('ffmpeg', ['-v', 'error', '-y', '-stream_loop', String(loops - 1), '-i', r.path, '-c:a', 'libmp3lame', '-b:a', '64k', mp3]);
  const fmt = (s: number) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
  const lines: string[] = [];
  for (let k = 0; k < loops; k++) {
    for (const seg of r.segments) lines.push(`[${fmt(k * r.durationSec + seg.startSec)}] ${seg.speaker === 'agent' ? 'נציגה' : 'לקוח'}: ${seg.text}`);
  }
  return { mp3, transcript: lines.join('\n'), durationSec: loops * r.durationSec };
}

/** Calls section of `npm run bench`: conversion speed, audio analysis speed, a 10-minute call from upload to report. */
export async function benchCalls({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-bench-calls-'));
  try {
    const minutes = quick ? 3 : 10;
    const call = await makeCall(dir, minutes);
    const out: BenchResult[] = [];

    // conversion: decode + resample to the analysis WAVs, and the browser-playable copy
    const probe = await probeAudio(call.mp3);
    let t = performance.now();
    const norm = await normalizeAudio(call.mp3, mkdtempSync(path.join(dir, 'n-')), { probe });
    const convMs = performance.now() - t;
    t = performance.now();
    await makePlayable(call.mp3, path.join(dir, 'play.mp3'), { channels: 2 });
    const playMs = performance.now() - t;
    const speed = norm.durationSec / (convMs / 1000);
    out.push({ section: 'calls', name: `conversion to 16 kHz analysis WAVs (${minutes} min stereo MP3)`, unit: '× real time', value: speed, target: '> 50×', pass: speed > 50, notes: `${convMs.toFixed(0)} ms` });
    out.push({ section: 'calls', name: 'browser-playable MP3 copy', unit: '× real time', value: norm.durationSec / (playMs / 1000), notes: `${playMs.toFixed(0)} ms` });

    t = performance.now();
    await analyzeAudio({ monoPath: norm.monoPath, channelPaths: norm.channelPaths });
    const toneMs = performance.now() - t;
    out.push({ section: 'calls', name: 'tone + talk time from audio (both channels)', unit: '× real time', value: norm.durationSec / (toneMs / 1000), notes: `${toneMs.toFixed(0)} ms` });

    // upload → offline report, through the HTTP route and the job queue
    const app = await startTestApp({ config: { DATA_DIR: path.join(dir, 'data') } });
    try {
      await app.ctx.jobs.start({ pollMs: 20 });
      const cookie = await app.login('agent1@demo.salesgym.dev');
      const { payload, headers } = multipartBody({ agentName: 'נציגה' }, [
        { field: 'file', filename: 'call.mp3', content: readFileSync(call.mp3), type: 'audio/mpeg' },
        { field: 'transcript', filename: 'call.txt', content: call.transcript, type: 'text/plain' },
      ]);
      t = performance.now();
      const r = await app.app.inject({ method: 'POST', url: '/api/calls', payload, headers: { ...headers, cookie } });
      if (r.statusCode !== 202) throw new Error(`upload failed: ${r.body}`);
      const uploadMs = performance.now() - t;
      await app.ctx.jobs.idle(120_000);
      const total = performance.now() - t;
      const c = await app.ctx.repos.calls.byId(r.json().call.id);
      if (c?.status !== 'done') throw new Error(`call ended ${c?.status}: ${c?.error}`);
      out.push({
        section: 'calls',
        name: `${minutes}-minute call: upload → offline report`,
        unit: 's',
        value: total / 1000,
        target: minutes === 10 ? '< 15 s' : undefined,
        pass: minutes === 10 ? total < 15_000 : undefined,
        notes: `upload+validate ${uploadMs.toFixed(0)} ms, report ${c.reportKind}, score ${c.overallScore}`,
      });
    } finally {
      await app.close();
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

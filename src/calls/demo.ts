import { mkdir, copyFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../app/index.ts';
import { newId } from '../core/index.ts';
import { hasTool, makePlayable, normalizeAudio, probeAudio } from '../audio/index.ts';
import { callFiles, dropWorkFiles, removeDir } from './storage.ts';
import { listSamples, renderSample, type SampleCall } from './samples.ts';
import { runPipeline } from './pipeline.ts';

/**
 * Which samples each demo agent gets (by email), chosen so each agent has a different top weakness for the
 * persona engine to target: agent1 (יוסי) discovery — a pitch-first sale and a service call; agent2 (נועה)
 * closing — a strong sale and a recent one that never asks for the meeting; agent3 (דניאל) objection handling —
 * argues with and discounts price and competitor objections in Hebrew and in English.
 */
export const DEMO_CALLS: Record<string, { sample: string; daysAgo: number }[]> = {
  'agent1@demo.salesgym.dev': [
    { sample: 'he-phone-sale-poor', daysAgo: 12 },
    { sample: 'he-customer-service', daysAgo: 3 },
  ],
  'agent2@demo.salesgym.dev': [
    { sample: 'he-phone-sale-good', daysAgo: 16 },
    { sample: 'he-phone-sale-weak-closing', daysAgo: 4 },
  ],
  'agent3@demo.salesgym.dev': [
    { sample: 'en-phone-sale-weak-objections', daysAgo: 10 },
    { sample: 'he-phone-sale-weak-objections', daysAgo: 3 },
  ],
};

/** The demo calls' titles, as a person would name an upload (a Hebrew screen shows no file-name slugs). */
const DEMO_TITLES: Record<string, string> = {
  'he-phone-sale-poor': 'מכירה טלפונית — ביטוח בריאות לאבי (דוגמה)',
  'he-customer-service': 'שירות לקוחות — עדכון פוליסה (דוגמה)',
  'he-phone-sale-good': 'מכירה טלפונית — בדיקת תיק ביטוחי (דוגמה)',
  'he-phone-sale-weak-closing': 'מכירה טלפונית — שיחה בלי סגירה (דוגמה)',
  'en-phone-sale-weak-objections': 'מכירה טלפונית באנגלית — התנגדויות מחיר (דוגמה)',
  'he-phone-sale-weak-objections': 'מכירה טלפונית — התנגדויות מחיר ומתחרה (דוגמה)',
  'en-phone-sale-good': 'מכירה טלפונית באנגלית — שיחה טובה (דוגמה)',
};

/**
 * Older calls of the same agents (two to seven weeks back), so the dashboards show weeks of trend. Seeded only
 * with SALESGYM_DEMO_HISTORY (off in tests), from their transcripts: a first start renders no more audio.
 */
export const DEMO_HISTORY_CALLS: Record<string, { sample: string; daysAgo: number }[]> = {
  'agent1@demo.salesgym.dev': [
    { sample: 'he-phone-sale-poor', daysAgo: 40 },
    { sample: 'he-phone-sale-weak-objections', daysAgo: 26 },
  ],
  'agent2@demo.salesgym.dev': [
    { sample: 'he-phone-sale-good', daysAgo: 41 },
    { sample: 'en-phone-sale-good', daysAgo: 33 },
    { sample: 'he-phone-sale-weak-closing', daysAgo: 8 },
  ],
  'agent3@demo.salesgym.dev': [
    { sample: 'en-phone-sale-weak-objections', daysAgo: 45 },
    { sample: 'he-phone-sale-weak-objections', daysAgo: 30 },
  ],
};

const canRender = () => hasTool('espeak-ng') && hasTool('ffmpeg') && hasTool('ffprobe');

/**
 * Seeds analysed demo calls for the demo agents: audio rendered with espeak-ng from samples/calls (cached in
 * DATA_DIR/sample-audio) plus the transcript, analysed offline right away (no job, no quota). With
 * SALESGYM_DEMO_AUDIO=false or without espeak-ng/ffmpeg the calls are seeded from the transcripts alone.
 */
export async function seedDemoCalls(ctx: AppContext, companyId: string): Promise<number> {
  const samples = new Map(listSamples().map((s) => [s.name, s]));
  const audioDir = path.resolve(ctx.config.DATA_DIR, 'sample-audio');
  let n = 0;
  const audio = ctx.config.SALESGYM_DEMO_AUDIO && canRender() ? audioDir : null;
  const plans: [typeof DEMO_CALLS, string | null][] = [[DEMO_CALLS, audio], ...(ctx.config.SALESGYM_DEMO_HISTORY ? [[DEMO_HISTORY_CALLS, null] as [typeof DEMO_CALLS, null]] : [])];
  for (const [plan, dir] of plans) {
    for (const [email, list] of Object.entries(plan)) {
      const agent = await ctx.repos.users.byEmail(email);
      if (!agent || agent.companyId !== companyId) continue;
      for (const { sample, daysAgo } of list) {
        const s = samples.get(sample);
        if (!s) continue;
        await seedOne(ctx, companyId, agent.id, s, daysAgo, dir);
        n++;
      }
    }
  }
  return n;
}

async function seedOne(ctx: AppContext, companyId: string, agentId: string, s: SampleCall, daysAgo: number, audioDir: string | null) {
  const id = newId();
  const files = callFiles(ctx.config.DATA_DIR, companyId, id);
  let transcript = s.transcript;
  let audio: { channels: number; durationSec: number; bytes: number } | null = null;
  try {
    if (audioDir) {
      const r = await renderSample(s, audioDir);
      transcript = r.transcript;
      await mkdir(files.dir, { recursive: true });
      // the "uploaded" recording is an MP3, as a phone system would export it
      const original = files.original('mp3');
      await makePlayable(r.wav, original, { channels: 2 });
      const probe = await probeAudio(original);
      const norm = await normalizeAudio(original, files.dir, { probe });
      await copyFile(original, files.playback);
      audio = { channels: probe.channels, durationSec: norm.durationSec, bytes: (await stat(original)).size };
    }
    const report = await runPipeline(
      {
        audio: audio
          ? { original: files.original('mp3'), mono: files.mono, channels: files.channels, agentChannel: 0, playback: files.playback, analysisCache: files.audioAnalysis, sourceChannels: audio.channels }
          : null,
        transcript,
        language: s.language,
      },
      { analyzer: ctx.calls.analyzer, transcriber: null },
    );
    const at = new Date(Date.now() - daysAgo * 86_400_000);
    await ctx.repos.calls.insert({
      id,
      companyId,
      agentUserId: agentId,
      uploadedBy: agentId,
      title: DEMO_TITLES[s.name] ?? `${s.name} (דוגמה)`,
      language: s.language,
      callType: report.analysis.callType,
      source: audio ? 'audio+transcript' : 'transcript',
      channelMap: 'left_agent',
      originalName: `${s.name}.${audio ? 'mp3' : 'txt'}`,
      originalFormat: audio ? 'mp3' : 'transcript',
      sizeBytes: audio?.bytes ?? 0,
      durationSec: audio?.durationSec ?? report.analysis.durationSec,
      channels: audio?.channels ?? null,
      status: 'done',
      progress: 1,
      transcript,
      report,
      reportKind: report.kind,
      overallScore: report.analysis.overallScore,
      quotaConsumed: true,
      createdAt: at,
      analysedAt: at,
    });
    await dropWorkFiles(files);
  } catch (e) {
    await removeDir(files.dir);
    throw e;
  }
}

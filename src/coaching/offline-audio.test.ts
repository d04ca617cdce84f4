import { describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import type { SessionOutcome } from './report-schema.ts';
import { goodAgent, poorAgent } from './testdata/offline-agents.ts';
import { runOfflineAudioCall, type OfflineAudioCallResult } from './testdata/offline-audio-call.ts';

/** 10 seeds per language, like the text path (offline-engine.test.ts); each call streams minutes of audio on a fake clock. */
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const AGREED: SessionOutcome[] = ['converted', 'next_step'];

/** Every agent turn was ended by the VAD (a speech end was measured), not by a transcript alone. */
function vadEndedEveryTurn(r: OfflineAudioCallResult): boolean {
  const latencies = r.messages.filter((m) => m.type === 'turn_latency');
  return latencies.length > 0 && latencies.every((m) => m.type === 'turn_latency' && m.timeline.agentSpeechEndMs !== null);
}

describe.skipIf(!haveTools(['espeak-ng'], 'offline audio path (espeak-ng)'))(
  'scripted agents through the offline engine, audio path (espeak-ng speech → CascadeEngine: Silero VAD + browser transcripts → offline brain + coaching tap)',
  () => {
    for (const lang of ['he', 'en'] as const) {
      it(`scores the fluent good agent ≥ 20 points above the hesitant poor one on 10 seeds, with different outcomes and a higher measured voice confidence (${lang})`, async () => {
        const rows: { seed: number; good: OfflineAudioCallResult; poor: OfflineAudioCallResult }[] = [];
        for (const seed of SEEDS) {
          rows.push({
            seed,
            good: await runOfflineAudioCall({ language: lang, seed, agent: goodAgent(lang), delivery: 'fluent' }),
            poor: await runOfflineAudioCall({ language: lang, seed, agent: poorAgent(lang), delivery: 'hesitant' }),
          });
        }
        const row = (r: OfflineAudioCallResult) => `${r.report.overallScore} ${r.report.outcome} conf ${r.report.voiceConfidence}`;
        const table = rows.map((r) => `seed ${r.seed}: good ${row(r.good)} / poor ${row(r.poor)}`).join('\n');
        console.info(`offline audio path (${lang}):\n${table}`);
        for (const { good, poor } of rows) {
          expect(good.report.overallScore! - poor.report.overallScore!, table).toBeGreaterThanOrEqual(20);
          expect(good.report.outcome, table).not.toBe(poor.report.outcome);
          expect(AGREED, table).toContain(good.report.outcome);
          expect(AGREED, table).not.toContain(poor.report.outcome);
          // the confidence is measured from the streamed audio (null without it) and hears the hesitation
          expect(good.report.voiceConfidence, table).not.toBeNull();
          expect(poor.report.voiceConfidence, table).not.toBeNull();
          expect(good.report.voiceConfidence!, table).toBeGreaterThan(poor.report.voiceConfidence!);
          expect(good.report.tone[0]?.features.pauseRatio, table).toBeLessThan(poor.report.tone[0]!.features.pauseRatio);
          // the live layer read the voice: harder for the confident agent, easier for the hesitant one
          expect(good.report.difficulty[0]?.to, table).toBe('challenging');
          expect(poor.report.difficulty[0]?.to, table).toBe('supportive');
          // the audio path really ran: the VAD ended every turn, and the live panel showed the voice confidence
          for (const r of [good, poor]) {
            expect(r.agentAudioSec).toBeGreaterThan(20);
            expect(vadEndedEveryTurn(r), table).toBe(true);
            expect(r.messages.some((m) => m.type === 'metrics' && typeof m.values.confidence === 'number')).toBe(true);
            expect(r.report.language).toBe(lang);
          }
        }
      }, 300_000);
    }
  },
);

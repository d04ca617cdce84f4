import { describe, expect, it } from 'vitest';
import { sessionReportSchema, type SessionOutcome } from './report-schema.ts';
import { goodAgent, poorAgent } from './testdata/offline-agents.ts';
import { runOfflineCall, type OfflineCallResult } from './testdata/offline-call.ts';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const AGREED: SessionOutcome[] = ['converted', 'next_step'];

/** Every quote in the report, with where it claims to come from. */
function quotes(r: OfflineCallResult['report']) {
  return [
    ...r.skills.flatMap((s) => [...s.evidence, ...s.checks.flatMap((c) => c.evidence)]),
    ...r.strengths.flatMap((s) => s.quotes),
    ...r.weaknesses.flatMap((w) => w.quotes),
    ...r.criteria.flatMap((c) => c.evidence),
  ];
}

describe('scripted agents through the offline engine (TextEngine + OfflineCustomerBrain + coaching tap)', () => {
  for (const lang of ['he', 'en'] as const) {
    it(`scores the good agent ≥ 20 points above the poor one on each of 10 seeds, and only the good one agrees a next step (${lang})`, async () => {
      const rows: { seed: number; good: OfflineCallResult; poor: OfflineCallResult }[] = [];
      for (const seed of SEEDS) {
        rows.push({ seed, good: await runOfflineCall({ language: lang, seed, agent: goodAgent(lang) }), poor: await runOfflineCall({ language: lang, seed, agent: poorAgent(lang) }) });
      }
      const table = rows.map((r) => `seed ${r.seed}: good ${r.good.report.overallScore!} ${r.good.report.outcome} / poor ${r.poor.report.overallScore!} ${r.poor.report.outcome}`).join('\n');
      for (const { good, poor } of rows) {
        expect(good.report.overallScore! - poor.report.overallScore!, table).toBeGreaterThanOrEqual(20);
        expect(AGREED, table).not.toContain(poor.report.outcome);
        expect(() => sessionReportSchema.parse(good.report)).not.toThrow();
        expect(good.report.language).toBe(lang);
        expect(good.report.improvements).toHaveLength(3);
      }
      // the good agent agrees a next step in every call; the poor one in none
      expect(rows.filter((r) => !AGREED.includes(r.good.report.outcome)).map((r) => r.seed), table).toEqual([]);
      // the live layer reacted: harder for the confident good agent, easier for the hesitant poor one
      expect(rows.every((r) => r.good.report.difficulty[0]?.to === 'challenging'), table).toBe(true);
      expect(rows.every((r) => r.poor.report.difficulty[0]?.to === 'supportive'), table).toBe(true);
      // the coach hinted the poor agent, and the messages went to the browser on the wire
      expect(rows.every((r) => r.poor.report.hints.some((h) => h.rule === 'price_before_needs')), table).toBe(true);
      expect(rows[0].poor.messages.some((m) => m.type === 'hint')).toBe(true);
      expect(rows[0].good.messages.some((m) => m.type === 'metrics' && m.values.discoveryQuestions > 0)).toBe(true);
    }, 120_000);

    it(`quotes only words said in the call, at the time they were said (${lang})`, async () => {
      for (const agent of [goodAgent(lang), poorAgent(lang)]) {
        const r = await runOfflineCall({ language: lang, seed: 3, agent });
        const qs = quotes(r.report);
        expect(qs.length).toBeGreaterThan(0);
        for (const q of qs) {
          const turn = r.transcript.find((t) => t.speaker === q.speaker && t.text.includes(q.text));
          expect(turn, `"${q.text}" (${q.speaker}) is not in the transcript`).toBeDefined();
          expect(q.startSec * 1000).toBeGreaterThanOrEqual(turn!.startMs - 1);
          expect(q.startSec * 1000).toBeLessThanOrEqual(turn!.endMs + 1);
        }
      }
    }, 60_000);
  }
});

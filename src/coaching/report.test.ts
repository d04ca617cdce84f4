import { describe, expect, it } from 'vitest';
import type { Quote } from '../analysis/index.ts';
import { criterion } from '../scenarios/index.ts';
import { buildSessionReport, latencySummary, type SessionReportInput } from './report.ts';
import { sessionReportSchema, type SessionReport } from './report-schema.ts';
import { GOOD_EN, GOOD_HE, POOR_EN, POOR_HE, timed } from './testdata/scripts.ts';

const SCENARIO: SessionReportInput['scenario'] = {
  id: 'price-sensitive-1',
  level: 'intermediate',
  targetSkills: ['objection_handling', 'discovery'],
  objectionKinds: ['price'],
  successCriteria: [
    criterion({ type: 'discovery_questions_min', count: 3 }, 'discovery'),
    criterion({ type: 'objections_acknowledged_all' }, 'objection_handling'),
    criterion({ type: 'no_price_before_needs' }, 'discovery'),
    criterion({ type: 'next_step_agreed' }, 'closing'),
    criterion({ type: 'value_tied_to_need' }, 'product_knowledge'),
  ],
};

function allQuotes(r: SessionReport): Quote[] {
  return [
    ...r.skills.flatMap((s) => [...s.evidence, ...s.checks.flatMap((c) => c.evidence)]),
    ...r.strengths.flatMap((s) => s.quotes),
    ...r.weaknesses.flatMap((w) => w.quotes),
    ...r.criteria.flatMap((c) => c.evidence),
  ];
}

describe('session report', () => {
  for (const [lang, good, poor] of [['he', GOOD_HE, POOR_HE], ['en', GOOD_EN, POOR_EN]] as const) {
    it(`gives listening and closing credit only for following up and an earned, concrete next step (${lang})`, () => {
      const check = (r: SessionReport, skill: string, id: string) => r.skills.find((s) => s.id === skill)!.checks.find((c) => c.id === id)!.passed;
      const g = buildSessionReport({ language: lang, turns: timed(good), scenario: SCENARIO });
      const p = buildSessionReport({ language: lang, turns: timed(poor), scenario: SCENARIO });
      expect(check(g, 'listening', 'followed_up')).toBe(true);
      expect(check(p, 'listening', 'followed_up')).toBe(false);
      expect(check(g, 'closing', 'asked_for_commitment')).toBe(true);
      // "do you want it or not?" before a single question about needs is a push, not a next step
      expect(check(p, 'closing', 'asked_for_commitment')).toBe(false);
      expect(p.skills.find((s) => s.id === 'listening')!.score).toBeLessThan(g.skills.find((s) => s.id === 'listening')!.score);
      // a push for a yes as the opening move is named as such
      const pushy = timed([{ s: 'a', text: lang === 'he' ? 'שלום, אז בוא נסגור את זה עכשיו, כן?' : "Hi, so let's just close it now, yeah?", gap: 0 }, { s: 'c', text: lang === 'he' ? 'מה? אני אפילו לא יודע מה אתה מוכר.' : "What? I don't even know what you are selling." }]);
      expect(check(buildSessionReport({ language: lang, turns: pushy, scenario: SCENARIO }), 'closing', 'no_premature_close')).toBe(false);
    });
  }

  for (const [lang, good, poor] of [['he', GOOD_HE, POOR_HE], ['en', GOOD_EN, POOR_EN]] as const) {
    it(`scores the good agent ≥ 20 points above the poor one, with different outcomes (${lang})`, () => {
      const g = buildSessionReport({ language: lang, turns: timed(good), scenario: SCENARIO });
      const p = buildSessionReport({ language: lang, turns: timed(poor), scenario: SCENARIO });
      expect(g.overallScore! - p.overallScore!).toBeGreaterThanOrEqual(20);
      expect(g.outcome).toBe('converted');
      expect(p.outcome).toBe('lost');
      expect(g.criteria.filter((c) => c.passed).length).toBeGreaterThan(p.criteria.filter((c) => c.passed).length);
      const gObj = g.skills.find((s) => s.id === 'objection_handling')!.score;
      const pObj = p.skills.find((s) => s.id === 'objection_handling')!.score;
      expect(gObj).toBeGreaterThan(pObj);
      expect(() => sessionReportSchema.parse(g)).not.toThrow();
    });

    it(`quotes only words that were said, at the time they were said (${lang})`, () => {
      for (const script of [good, poor]) {
        const turns = timed(script);
        const r = buildSessionReport({ language: lang, turns, scenario: SCENARIO });
        const quotes = allQuotes(r);
        expect(quotes.length).toBeGreaterThan(2);
        for (const q of quotes) {
          const t = turns.find((x) => x.startMs === Math.round(q.startSec * 1000) && x.speaker === q.speaker);
          expect(t, q.text).toBeDefined();
          expect(t!.text).toContain(q.text);
        }
        expect(r.quotesDropped).toBe(0);
      }
    });
  }

  it('writes three things to do differently in the session language, aimed at what failed', () => {
    const he = buildSessionReport({ language: 'he', turns: timed(POOR_HE), scenario: SCENARIO });
    expect(he.improvements).toHaveLength(3);
    for (const s of he.improvements) expect(s).toMatch(/[\u05D0-\u05EA]/);
    expect(he.improvements.join(' ')).toMatch(/התנגדות|בירור|צרכים/);
    const en = buildSessionReport({ language: 'en', turns: timed(POOR_EN), scenario: SCENARIO });
    expect(en.improvements.join(' ')).toMatch(/objection|discovery|need/i);
  });

  it('reports targeted weaknesses as exercised or not', () => {
    const noObjections = timed(GOOD_EN).filter((t) => !/expensive|another company/.test(t.text));
    const r = buildSessionReport({ language: 'en', turns: noObjections, scenario: SCENARIO });
    const obj = r.targeted.find((t) => t.skill === 'objection_handling')!;
    expect(obj.exercised).toBe(false);
    expect(obj.verdict).toBe('not_exercised');
    expect(r.skillsNotExercised).toContain('objection_handling');
    expect(r.targetedObjections).toEqual([{ kind: 'price', raised: false, handled: false }]);
    const full = buildSessionReport({ language: 'en', turns: timed(GOOD_EN), scenario: SCENARIO });
    expect(full.targeted.find((t) => t.skill === 'objection_handling')).toMatchObject({ exercised: true, verdict: 'strong' });
    expect(full.targetedObjections).toEqual([{ kind: 'price', raised: true, handled: true }]);
  });

  it('takes the engine outcome when given, and the hang-up end reason', () => {
    const turns = timed(GOOD_EN);
    expect(buildSessionReport({ language: 'en', turns, engineOutcome: 'next_step' }).outcome).toBe('next_step');
    expect(buildSessionReport({ language: 'en', turns: timed(POOR_EN), endReason: 'customer_hung_up' }).outcome).toBe('hung_up');
    expect(buildSessionReport({ language: 'en', turns, engineOutcome: 'no_outcome' }).outcome).toBe('lost');
  });

  it('summarises latency (p50/p95), difficulty changes and hints, and compares metrics with benchmarks', () => {
    const latency = [300, 500, 700, 900, 1500].map((d, i) => ({ agentSpeechEndMs: i * 10_000, turnCommittedMs: i * 10_000 + 200, firstCustomerTextMs: i * 10_000 + 250, firstCustomerAudioSentMs: i * 10_000 + d - 50, firstAudioPlayedMs: i * 10_000 + d }));
    expect(latencySummary(latency)).toEqual({ turns: 5, p50Ms: 700, p95Ms: 1500, endOfTurnP50Ms: 200, firstTextP50Ms: 50 });
    const r = buildSessionReport({
      language: 'en', turns: timed(GOOD_EN), latency,
      difficulty: [{ turn: 3, atMs: 30_000, from: 'neutral', to: 'challenging', confidence: 0.86, difficulty: 0.55, reason: { he: 'א', en: 'a' } }],
      hints: [{ rule: 'monologue', text: 'Pause', severity: 'info', triggerAtMs: 61_000, shownAtMs: 62_000, trigger: 'agent talking 61 s' }],
    });
    expect(r.difficulty).toEqual([{ atSec: 30, from: 'neutral', to: 'challenging', confidence: 0.86, reason: { he: 'א', en: 'a' } }]);
    expect(r.hints[0]).toMatchObject({ rule: 'monologue', triggerAtSec: 61, shownAtSec: 62 });
    const pause = r.benchmarks.find((b) => b.id === 'objectionPauseMs')!;
    expect(pause.status).toBe('good');
    expect(r.benchmarks.find((b) => b.id === 'latencyP95Ms')!.status).toBe('above');
    const poor = buildSessionReport({ language: 'en', turns: timed(POOR_EN) });
    expect(poor.benchmarks.find((b) => b.id === 'objectionPauseMs')!.status).toBe('below');
    expect(poor.metrics.interruptions).toBe(1);
  });

  it('is deterministic', () => {
    const a = buildSessionReport({ language: 'he', turns: timed(GOOD_HE), scenario: SCENARIO });
    const b = buildSessionReport({ language: 'he', turns: timed(GOOD_HE), scenario: SCENARIO });
    expect(b).toEqual(a);
  });
});

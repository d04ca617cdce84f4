/**
 * The wording rules of both reports (issue 16): a weakness says what was missing and when and quotes the agent's
 * own line (the customer's words only as context); the positive checklist never appears under weaknesses;
 * strengths name only what was done, quoting the agent. Practice report (scripted calls) and real-call analysis.
 */
import { describe, expect, it } from 'vitest';
import { agentVoiced, analyzeOffline, formatAnalysisText, type CallAnalysis, type Transcript } from '../analysis/index.ts';
import { RUBRIC_CHECKS } from '../analysis/rubric-checks.ts';
import { RUBRIC_MISSING } from '../analysis/rubric-missing.ts';
import { defaultScenario } from '../scenarios/index.ts';
import { buildSessionReport } from './report.ts';
import { GOOD_EN, GOOD_HE, POOR_EN, POOR_HE, timed, type ScriptLine } from './testdata/scripts.ts';
import { scenarioFacts } from './voice-tap.ts';

const CLOCK = /\(\d\d:\d\d\)|\d\d:\d\d/;

/** Every positive check label of every skill in the report (what a strength may say, a weakness never). */
const positiveLabels = (skills: { checks: { label: string }[] }[]) => skills.flatMap((s) => s.checks.map((c) => c.label));

function practiceReport(script: ScriptLine[], lang: 'he' | 'en') {
  return buildSessionReport({ language: lang, turns: timed(script), scenario: scenarioFacts(defaultScenario('objection_handling', 'intermediate', lang)) });
}

function transcriptOf(script: ScriptLine[], lang: 'he' | 'en'): Transcript {
  return { language: lang, segments: timed(script).map((t) => ({ speaker: t.speaker, startSec: t.startMs / 1000, endSec: t.endMs / 1000, text: t.text })) };
}

/** The wording rules every report's findings keep. */
function expectHonestFindings(r: Pick<CallAnalysis, 'weaknesses' | 'strengths' | 'skills'>) {
  const labels = positiveLabels(r.skills);
  for (const w of r.weaknesses) {
    // quotes the agent, never the customer (who may appear only as context)
    expect(w.quotes.length, w.description).toBeGreaterThan(0);
    expect(w.quotes.every((q) => q.speaker === 'agent'), w.description).toBe(true);
    expect((w.context ?? []).every((q) => q.speaker === 'customer')).toBe(true);
    // what was missing, not the positive checklist
    for (const label of labels) expect(w.description, `"${label}" under a weakness`).not.toContain(label);
  }
  for (const s of r.strengths) {
    expect(s.quotes.every((q) => q.speaker === 'agent'), s.description).toBe(true);
    const skill = r.skills.find((x) => x.id === s.skill)!;
    // only what was actually done
    for (const c of skill.checks.filter((x) => !x.passed)) expect(s.description).not.toContain(c.label);
  }
}

describe('practice report wording', () => {
  for (const [lang, poor, good] of [['he', POOR_HE, GOOD_HE], ['en', POOR_EN, GOOD_EN]] as const) {
    it(`(${lang}) a poor call's weaknesses say what was missing and when, quoting the agent's line`, () => {
      const r = practiceReport(poor, lang);
      expect(r.weaknesses.length).toBeGreaterThanOrEqual(3);
      expectHonestFindings(r);
      // each names the moment
      expect(r.weaknesses.filter((w) => CLOCK.test(w.description))).toHaveLength(r.weaknesses.length);
      // the ignored objection: the customer's objection is context, the agent's reply to it is the quote
      const obj = r.weaknesses.find((w) => w.skill === 'objection_handling')!;
      expect(obj.context?.[0].speaker).toBe('customer');
      expect(obj.quotes[0].startSec).toBeGreaterThan(obj.context![0].startSec);
    });

    it(`(${lang}) a good call's strengths quote only the agent and name only what was done`, () => {
      const r = practiceReport(good, lang);
      expect(r.strengths.length).toBeGreaterThanOrEqual(3);
      expectHonestFindings(r);
      expect(r.strengths.every((s) => s.quotes.length > 0)).toBe(true);
    });
  }

  it('explains the score formula in the call language', () => {
    expect(practiceReport(POOR_HE, 'he').scoreBreakdown.formula).toMatch(/ממוצע המיומנויות/);
    expect(practiceReport(POOR_EN, 'en').scoreBreakdown.formula).not.toMatch(/[\u0590-\u05FF]/);
  });
});

describe('real-call analysis wording', () => {
  it('every rubric check has a "what was missing" wording of its own', () => {
    for (const c of RUBRIC_CHECKS) {
      expect(RUBRIC_MISSING[c.id], c.id).toBeDefined();
      expect(RUBRIC_MISSING[c.id].he).not.toBe(c.label.he);
      expect(RUBRIC_MISSING[c.id].en).not.toBe(c.label.en);
    }
  });

  for (const [lang, poor, good] of [['he', POOR_HE, GOOD_HE], ['en', POOR_EN, GOOD_EN]] as const) {
    it(`(${lang}) weaknesses quote the agent and never read as the positive checklist; strengths quote the agent`, () => {
      const bad = analyzeOffline(transcriptOf(poor, lang));
      expect(bad.weaknesses.length).toBeGreaterThanOrEqual(3);
      expectHonestFindings(bad);
      const fine = analyzeOffline(transcriptOf(good, lang));
      expectHonestFindings(fine);
    });
  }

  it('an analyzer that quotes the customer under a weakness gets the agent’s reply quoted, the customer as context', () => {
    const t = transcriptOf(POOR_HE, 'he');
    const a = analyzeOffline(t);
    const objection = t.segments.find((s) => s.speaker === 'customer' && s.text.includes('יקר'))!;
    const llm: CallAnalysis = {
      ...a,
      weaknesses: [{ skill: 'listening', severity: 0.7, description: 'הקשבה', quotes: [{ text: objection.text, startSec: objection.startSec, speaker: 'customer' }] }],
      strengths: [{ skill: 'rapport', description: 'קשר', quotes: [{ text: objection.text, startSec: objection.startSec, speaker: 'customer' }] }],
    };
    const fixed = agentVoiced(llm, t);
    const w = fixed.weaknesses[0];
    expect(w.context).toEqual([{ text: objection.text, startSec: objection.startSec, speaker: 'customer' }]);
    const reply = t.segments.find((s) => s.speaker === 'agent' && s.startSec > objection.startSec)!;
    expect(w.quotes).toEqual([expect.objectContaining({ speaker: 'agent', startSec: reply.startSec })]);
    expect(reply.text).toContain(w.quotes[0].text);
    expect(fixed.strengths[0].quotes.every((q) => q.speaker === 'agent')).toBe(true);
    // the readable report shows the customer's words as context of the agent's line
    expect(formatAnalysisText(fixed)).toContain(`אחרי שהלקוח אמר: [`);
  });
});

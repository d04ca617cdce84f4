import { describe, expect, it } from 'vitest';
import { addressAgent } from '../core/index.ts';
import { HINT_RULES, hintTexts } from './coach.ts';
import { reportForTypedCall } from './cli-report.ts';
import { buildSessionReport, type SessionReportInput } from './report.ts';
import type { SessionReport } from './report-schema.ts';
import { GOOD_HE, POOR_HE, timed } from './testdata/scripts.ts';
import { criterion } from '../scenarios/index.ts';
import { defaultScenario } from '../scenarios/index.ts';

/**
 * Masculine forms addressed to the agent (Hebrew). Past-tense second person ("שאלת", "הקשבת", "הצגת") is spelled the
 * same for a woman in unpointed Hebrew, so it is not here; everything here has a distinct feminine form.
 */
const MASCULINE_YOU = [
  // the pronoun, with its prefixes
  /(^|[\s"'(—-])(ו|ש|כש|כ)?אתה(?=$|[\s,.!?…"'])/,
  // future / imperative-future
  /(^|[\s"'(—-])(ו|ש|כש)?(תשאל|תחזור|תקשיב|תגיד|תן|תעבור|תבקש|תסיים|תעצור|תציג|תדבר|תסביר|תמשיך|תנסה|תענה|תבין|תזכור)(?=$|[\s,.!?…:"'])/,
  // imperatives of advice that are no other word
  /(^|[\s"'(—:,-])ו?(נסה|הכר|הצע|בקש|התחל|שקף|הבן|אמור|הקשב|ספור|שתוק|חזור|הכן|החלף|האט|בדוק|הוסף|הקלט|שפר|שמור|עצור|סכם|הצג|זכור|חכה|ודא)(?=$|[\s,.!?…:"'])/,
  // imperatives that are also past tenses, where an imperative stands (a sentence start, after a dash or "ו")
  /(^|[.:;—]\s*|\sו)(שאל|ענה|קבע|השתמש|תרגם|דבר|פתח|עבור|קצר|חבר|סיים|קח|תן)(?=\s)/,
  // what the advice suggests the agent say ("אני מבין ש…")
  /אני (מבין|שומע|מתקשר|מצטער|בטוח)(?=$|[\s,.!?…"'])/,
];
/** The agent in the third person, masculine, at the head of a label ("שאל שאלה פתוחה", "הנציג וידא"). */
const MASCULINE_HE_DID = /^(לא\s+)?(פתח|אמר|שאל|הציג|הביע|חזר|דיבר|קטע|ענה|התייחס|הכיר|עצר|נתן|קשר|הציע|לחץ|הגיב|וידא|שיתף|דאג|בירר)(\s|$)|(^|\s)הנציג(\s|$)/;

function masculine(text: string): string | null {
  for (const rx of MASCULINE_YOU) {
    const m = rx.exec(text);
    if (m) return m[0].trim();
  }
  return null;
}

/** Every Hebrew sentence of the report written by the system (quotes are the call's own words and stay as said). */
function reportTexts(r: SessionReport): { where: string; text: string; label?: boolean }[] {
  return [
    { where: 'outcomeReason', text: r.outcomeReason },
    ...(r.noScoreReason ? [{ where: 'noScoreReason', text: r.noScoreReason }] : []),
    ...r.skills.flatMap((s) => s.checks.map((c) => ({ where: `skills.${s.id}.${c.id}`, text: c.label, label: true }))),
    ...r.criteria.flatMap((c) => [{ where: `criteria.${c.id}.label`, text: c.label, label: true }, { where: `criteria.${c.id}.detail`, text: c.detail, label: true }]),
    ...r.strengths.map((s) => ({ where: `strengths.${s.skill}`, text: s.description })),
    ...r.weaknesses.map((w) => ({ where: `weaknesses.${w.skill}`, text: w.description })),
    ...r.recommendations.map((t, i) => ({ where: `recommendations.${i}`, text: t })),
    ...r.improvements.map((t, i) => ({ where: `improvements.${i}`, text: t })),
    ...r.targeted.map((t) => ({ where: `targeted.${t.skill}`, text: t.how })),
    ...r.difficulty.map((d, i) => ({ where: `difficulty.${i}`, text: d.reason.he })),
    ...r.hints.map((h, i) => ({ where: `hints.${i}`, text: h.text })),
  ];
}

function masculineIn(r: SessionReport): string[] {
  return reportTexts(r).flatMap((x) => {
    const m = masculine(x.text) ?? (x.label ? MASCULINE_HE_DID.exec(x.text)?.[0]?.trim() ?? null : null);
    return m ? [`${x.where}: «${m}» in ${x.text}`] : [];
  });
}

const SCENARIO: SessionReportInput['scenario'] = {
  id: 'gender-1',
  level: 'intermediate',
  targetSkills: ['objection_handling', 'discovery', 'listening', 'closing'],
  objectionKinds: ['price'],
  successCriteria: [
    criterion({ type: 'discovery_questions_min', count: 3 }, 'discovery'),
    criterion({ type: 'objections_acknowledged_all' }, 'objection_handling'),
    criterion({ type: 'no_price_before_needs' }, 'discovery'),
    criterion({ type: 'next_step_agreed' }, 'closing'),
    criterion({ type: 'value_tied_to_need' }, 'product_knowledge'),
  ],
};

/** Every coach hint's Hebrew, as the live session publishes it to an agent of this gender. */
const hintsFor = (g: 'female' | 'male') => HINT_RULES.map((rule) => addressAgent(hintTexts(rule).he, g, true));

describe('the report and the coach speak to a woman as a woman (Hebrew)', () => {
  it('the lexicon finds the masculine forms the male report and hints really use (so the female check is not empty)', () => {
    const male = [buildSessionReport({ language: 'he', turns: timed(POOR_HE), scenario: SCENARIO, agentGender: 'male' }), buildSessionReport({ language: 'he', turns: timed(GOOD_HE), scenario: SCENARIO, agentGender: 'male' })];
    expect(male.flatMap(masculineIn).length).toBeGreaterThan(3);
    expect(hintsFor('male').filter((h) => masculine(h)).length).toBeGreaterThanOrEqual(4);
  });

  it('a female agent\'s report (good and poor calls) and every coach hint have no masculine second-person form', () => {
    const found: string[] = [];
    for (const turns of [POOR_HE, GOOD_HE]) {
      const r = buildSessionReport({ language: 'he', turns: timed(turns), scenario: SCENARIO, agentGender: 'female', hints: HINT_RULES.map((rule, i) => ({ rule, text: hintTexts(rule).he, texts: hintTexts(rule), triggerAtMs: 1000 * i, shownAtMs: 1000 * i + 200, trigger: 'test' })) as never });
      found.push(...masculineIn(r));
      // the quotes are the agent's own words: never rewritten
      for (const w of r.weaknesses) for (const q of w.quotes) expect(turns.some((l) => l.text.includes(q.text.slice(0, 12)))).toBe(true);
    }
    for (const h of hintsFor('female')) {
      const m = masculine(h);
      if (m) found.push(`hint: «${m}» in ${h}`);
    }
    expect(found).toEqual([]);
  });

  it('the CLI report of a typed call follows --agent-gender, and English is untouched', () => {
    const scenario = defaultScenario('discovery', 'intermediate', 'he');
    const call = { turns: POOR_HE.map((l) => ({ speaker: l.s === 'a' ? 'agent' as const : 'customer' as const, text: l.text })), outcome: 'no_outcome' as const, endedBy: 'agent_hangup' };
    const female = reportForTypedCall(call, { scenario, language: 'he', agentGender: 'female' });
    expect(masculineIn(female)).toEqual([]);
    const male = reportForTypedCall(call, { scenario, language: 'he' });
    expect(male.improvements).not.toEqual(female.improvements);
    const en = buildSessionReport({ language: 'en', turns: timed([{ s: 'a', text: 'Hi, do you want it or not?', gap: 0 }, { s: 'c', text: 'What?' }]), agentGender: 'female' });
    const enMale = buildSessionReport({ language: 'en', turns: timed([{ s: 'a', text: 'Hi, do you want it or not?', gap: 0 }, { s: 'c', text: 'What?' }]), agentGender: 'male' });
    expect(en).toEqual(enMale);
  });
});

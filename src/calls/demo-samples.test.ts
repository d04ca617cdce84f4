import { describe, expect, it } from 'vitest';
import { OfflineAnalyzer, type SkillId } from '../analysis/index.ts';
import { listSamples } from './samples.ts';
import { DEMO_CALLS } from './demo.ts';

/** Sample calls written to show one dominant weakness while the other skills are decent. */
const ONE_WEAKNESS: Record<string, SkillId> = {
  'he-phone-sale-weak-closing': 'closing',
  'he-phone-sale-weak-objections': 'objection_handling',
  'en-phone-sale-weak-objections': 'objection_handling',
  'en-phone-sale-weak-product': 'product_knowledge',
};

const samples = new Map(listSamples().map((s) => [s.name, s]));
const analyzer = new OfflineAnalyzer();

describe('sample calls written around one weakness', () => {
  it.each(Object.entries(ONE_WEAKNESS))('%s: the offline analyzer ranks %s as the top weakness of a mixed, 3–5 minute call', async (name, skill) => {
    const s = samples.get(name);
    expect(s, `samples/calls/${name}.txt`).toBeDefined();
    const a = await analyzer.analyze(s!.transcript);
    expect(a.callType).toBe('phone_sale');
    expect(a.durationSec).toBeGreaterThanOrEqual(180);
    expect(a.durationSec).toBeLessThanOrEqual(310);
    expect(a.weaknesses[0]?.skill, a.weaknesses.map((w) => `${w.skill} ${w.severity}`).join(', ')).toBe(skill);
    expect(a.weaknesses[0].quotes.length).toBeGreaterThan(0);
    // the other skills are decent: the rest of the call is not a poor call
    expect(a.overallScore!).toBeGreaterThanOrEqual(60);
    expect(a.overallScore!).toBeLessThan(90);
    const others = a.skills.filter((x) => x.id !== skill);
    expect(others.filter((x) => x.score >= 70).length, others.map((x) => `${x.id} ${x.score}`).join(', ')).toBeGreaterThanOrEqual(4);
  });

  it('the Hebrew weak-closing call has buying signals and handled objections, yet no close attempt or next step', async () => {
    const a = await analyzer.analyze(samples.get('he-phone-sale-weak-closing')!.transcript);
    const closing = a.skills.find((x) => x.id === 'closing')!;
    expect(closing.score).toBeLessThan(30);
    expect(a.skills.find((x) => x.id === 'discovery')!.score).toBeGreaterThanOrEqual(75);
    expect(a.skills.find((x) => x.id === 'rapport')!.score).toBeGreaterThanOrEqual(75);
    expect(a.objections.filter((o) => o.handled).length).toBeGreaterThanOrEqual(2);
  });

  it('the objection samples raise price and competitor objections that the agent leaves unhandled', async () => {
    for (const name of ['he-phone-sale-weak-objections', 'en-phone-sale-weak-objections']) {
      const a = await analyzer.analyze(samples.get(name)!.transcript);
      const kinds = a.objections.map((o) => o.kind);
      expect(kinds, name).toEqual(expect.arrayContaining(['price', 'competitor']));
      expect(a.objections.filter((o) => !o.handled).length, name).toBeGreaterThanOrEqual(3);
      expect(a.skills.find((x) => x.id === 'closing')!.score, name).toBeGreaterThanOrEqual(70);
    }
  });

  it('every sample named in DEMO_CALLS exists', () => {
    for (const list of Object.values(DEMO_CALLS)) for (const c of list) expect(samples.has(c.sample), c.sample).toBe(true);
  });
});

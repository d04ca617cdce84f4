import { describe, expect, it } from 'vitest';
import { analyzeOffline } from '../analysis/index.ts';
import { listSamples } from '../calls/index.ts';
import { analysisOfStoredReport, practiceTargetForWeakness } from './practise-weakness.ts';

describe('"practise this weakness": the targeted scenario for a weakness of a call', () => {
  const poor = listSamples().find((s) => s.name === 'he-phone-sale-poor')!;
  const analysis = analyzeOffline(poor.transcript);

  it("picks the skill's catalogue scenario at the level the skill's score in the call calls for, in the call's language", () => {
    const w = analysis.weaknesses[0];
    const score = analysis.skills.find((s) => s.id === w.skill)!.score;
    const t = practiceTargetForWeakness(analysis, w.skill);
    expect(t).toMatchObject({ skill: w.skill, scenarioType: w.skill, language: 'he' });
    expect(t.level).toBe(score < 50 ? 'foundation' : score < 70 ? 'intermediate' : score < 85 ? 'advanced' : 'expert');
  });

  it('reads the stored report in both shapes, and refuses a skill the call did not name as a weakness', () => {
    expect(analysisOfStoredReport({ kind: 'full', analysis })).toEqual(analysis);
    expect(analysisOfStoredReport(analysis)).toEqual(analysis);
    expect(analysisOfStoredReport({ kind: 'audio_only', audio: {} })).toBeNull();
    const good = analyzeOffline(listSamples().find((s) => s.name === 'he-phone-sale-good')!.transcript);
    const strong = good.skills.find((s) => !good.weaknesses.some((w) => w.skill === s.id))!.id;
    expect(() => practiceTargetForWeakness(good, strong)).toThrow(/names no weakness/);
    expect(() => practiceTargetForWeakness(null, 'closing')).toThrow(/names no weakness/);
  });
});

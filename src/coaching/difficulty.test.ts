import { describe, expect, it, vi } from 'vitest';
import { DifficultyEngine, brainTarget, toInstructionUpdate } from './difficulty.ts';

function feed(e: DifficultyEngine, readings: number[]) {
  return readings.map((c, i) => e.observeTurn(c, i * 10_000)?.mode ?? null);
}

describe('DifficultyEngine', () => {
  it('turns challenging within two turns of confident speech (> 0.8) and supportive within two turns of a drop (< 0.4)', () => {
    const e = new DifficultyEngine({ level: 'intermediate' });
    feed(e, [0.6, 0.6]);
    expect(e.directivesNow.mode).toBe('neutral');
    const up = feed(e, [0.95, 0.95]);
    expect(up.filter(Boolean)).toEqual(['challenging']);
    // hints are reduced to the critical misses, not switched off (issue 16)
    expect(e.directivesNow).toMatchObject({ extraObjections: 1, timePressure: true, supportive: false, hintsEnabled: true, hintsReduced: true });
    const down = feed(e, [0.15, 0.15]);
    expect(down.at(-1)).toBe('supportive'); // possibly via neutral on the first turn
    expect(e.log.at(-1)!.to).toBe('supportive');
    expect(e.directivesNow).toMatchObject({ extraObjections: 0, timePressure: false, supportive: true, hintsEnabled: true, hintsReduced: false });
    const back = feed(e, [0.95, 0.95]);
    expect(back.filter(Boolean)).toEqual(['challenging']);
  });

  it('has hysteresis: 0.75 neither enters nor leaves challenging, 0.45 neither enters nor leaves supportive', () => {
    const e = new DifficultyEngine({ level: 'advanced', smoothing: 1 });
    feed(e, [0.75, 0.75, 0.75]);
    expect(e.directivesNow.mode).toBe('neutral');
    feed(e, [0.9]);
    expect(e.directivesNow.mode).toBe('challenging');
    feed(e, [0.75, 0.75, 0.75]);
    expect(e.directivesNow.mode).toBe('challenging');
    feed(e, [0.3, 0.3]);
    expect(e.directivesNow.mode).toBe('supportive');
    feed(e, [0.45, 0.45, 0.45]);
    expect(e.directivesNow.mode).toBe('supportive');
    feed(e, [0.6]);
    expect(e.directivesNow.mode).toBe('neutral');
  });

  it('holds a mode for the minimum dwell before changing again', () => {
    const e = new DifficultyEngine({ level: 'advanced', smoothing: 1, minDwellTurns: 3 });
    expect(feed(e, [0.9, 0.2, 0.2, 0.2])).toEqual(['challenging', null, null, 'supportive']);
  });

  it('keeps to the level’s limits', () => {
    const found = new DifficultyEngine({ level: 'foundation', smoothing: 1 });
    feed(found, [0.95, 0.95, 0.95, 0.95, 0.95, 0.95]);
    expect(found.directivesNow.timePressure).toBe(false);
    expect(found.directivesNow.extraObjections).toBeLessThanOrEqual(1);
    expect(found.directivesNow.difficulty).toBeLessThanOrEqual(0.45);
    const expert = new DifficultyEngine({ level: 'expert', smoothing: 1 });
    feed(expert, [0.1, 0.1]);
    expect(expert.directivesNow.mode).toBe('supportive');
    expect(expert.directivesNow.hintsEnabled).toBe(false); // the expert level allows no hints
    expect(expert.directivesNow.difficulty).toBeGreaterThanOrEqual(0.65);
  });

  it('logs every change with its reason in Hebrew and English, and ignores turns without evidence', () => {
    const e = new DifficultyEngine({ level: 'intermediate' });
    expect(e.observeTurn(null, 0)).toBeNull();
    feed(e, [0.95, 0.95, 0.1, 0.1]);
    expect(e.log.map((c) => `${c.from}>${c.to}`)).toEqual(['neutral>challenging', 'challenging>neutral', 'neutral>supportive']);
    expect(e.log[0].reason.he).toContain('התנגדויות');
    expect(e.log[2].reason.en).toContain('hints');
    expect(e.log[0].confidence).toBeGreaterThan(0.8);
  });

  it('words the reasons in the customer’s gender, never both forms', () => {
    const female = new DifficultyEngine({ level: 'intermediate', customerGender: 'female' });
    const male = new DifficultyEngine({ level: 'intermediate', customerGender: 'male' });
    feed(female, [0.95, 0.95, 0.1, 0.1]);
    feed(male, [0.95, 0.95, 0.1, 0.1]);
    expect(female.log[0].reason.he).toContain('הלקוחה תעלה עוד התנגדויות ותלחץ על זמן');
    expect(female.log[2].reason.he).toContain('הלקוחה תהיה סבלנית יותר');
    expect(male.log[0].reason.he).toContain('הלקוח יעלה עוד התנגדויות וילחץ על זמן');
    for (const c of [...female.log, ...male.log]) expect(c.reason.he).not.toMatch(/[[\]|]/);
  });

  it('writes instruction updates for an LLM customer and drives the offline brain', () => {
    const e = new DifficultyEngine({ level: 'advanced', smoothing: 1 });
    const d = e.observeTurn(0.95, 0)!;
    expect(toInstructionUpdate(d, 'he')).toMatch(/התנגדות/);
    // the Hebrew directive agrees with the customer's gender (default female)
    expect(toInstructionUpdate(d, 'he')).toMatch(/את לחוצה בזמן/);
    expect(toInstructionUpdate(d, 'he', 'male')).toMatch(/אתה לחוץ בזמן/);
    expect(toInstructionUpdate(d, 'he', 'female')).not.toMatch(/[[\]|]|\bהעלה\b|אתה/);
    expect(toInstructionUpdate(d, 'en')).toMatch(/objection/);
    const adjust = vi.fn();
    brainTarget({ adjust }).apply(d, 'he');
    expect(adjust).toHaveBeenCalledWith({ level: 'challenging', note: toInstructionUpdate(d, 'he') });
    e.observeTurn(0.1, 1);
    const s = e.observeTurn(0.1, 2)!;
    expect(toInstructionUpdate(s, 'en')).toMatch(/patient/);
    expect(toInstructionUpdate(s, 'he')).toMatch(/לקוחה סבלנית/);
    expect(toInstructionUpdate(s, 'he', 'male')).toMatch(/לקוח סבלני/);
  });
});

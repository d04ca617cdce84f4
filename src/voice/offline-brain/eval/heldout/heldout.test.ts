import { describe, expect, it } from 'vitest';
import { runEval, transcript } from '../run.ts';
import { HELDOUT_SCRIPTS } from './scripts.ts';

/**
 * The held-out calls (other industries, off-script turns, written after the tuning set). Their first run is kept in
 * docs/offline-customer-heldout/first-run.txt; these floors are the automatic probe, not a tuning target.
 */
describe('held-out calls', () => {
  it('covers what a reviewer would write: he/en, inbound/outbound, four industries besides insurance, a female agent, silence, a callback', () => {
    expect(HELDOUT_SCRIPTS.length).toBeGreaterThanOrEqual(12);
    for (const lang of ['he', 'en']) expect(HELDOUT_SCRIPTS.filter((s) => s.language === lang).length).toBeGreaterThanOrEqual(6);
    expect(new Set(HELDOUT_SCRIPTS.map((s) => s.questionnaire?.sector ?? 'insurance')).size).toBeGreaterThanOrEqual(5);
    expect(HELDOUT_SCRIPTS.some((s) => s.agentGender === 'female' && s.language === 'he')).toBe(true);
    expect(HELDOUT_SCRIPTS.some((s) => s.lines.includes(''))).toBe(true);
  });

  it('passes the automatic probe: summaries answered, accepted meetings end as a next step, callers never brushed off, no wrong gender, no contradiction', async () => {
    const r = await runEval(HELDOUT_SCRIPTS);
    const failures = r.calls.filter((c) => c.findings.some((f) => !f.pass)).map(transcript).join('\n\n');
    expect(r.rates.summariesAnswered, failures).toBeGreaterThanOrEqual(0.9);
    expect(r.rates.outcomeFits, failures).toBe(1);
    expect(r.rates.brushOffs, failures).toBe(0);
    expect(r.rates.genderErrors, failures).toBe(0);
    expect(r.rates.callsWithoutContradiction, failures).toBe(1);
    expect(r.rates.checkedOk, failures).toBeGreaterThanOrEqual(0.9);
    expect(r.rates.proposalsHandled, failures).toBeGreaterThanOrEqual(0.9);
    expect(r.rates.unjustifiedReRaises, failures).toBe(0);
  });
});

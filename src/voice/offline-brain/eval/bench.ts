/** `salesgym bench --only dialogue`: the offline customer's evaluation scripts, checked, as bench rows. */
import { runEval } from './run.ts';
import { EVAL_SCRIPTS } from './scripts.ts';
import { HELDOUT_SCRIPTS } from './heldout/scripts.ts';

export interface DialogueBenchRow {
  section: string;
  name: string;
  unit: string;
  value: number;
  target: string;
  pass: boolean;
  samples: number;
  notes?: string;
}

/** The targets the evaluation holds the offline customer to (the same as eval.test.ts). */
export const DIALOGUE_TARGETS = {
  checkedOk: 0.9,
  slotAnswered: 0.9,
  proposalsHandled: 0.95,
  summariesAnswered: 0.85,
  repairsAnswered: 0.9,
  smallTalkAnswered: 0.9,
  callsWithoutContradiction: 1,
  outcomeFits: 0.95,
} as const;

export async function benchDialogue(): Promise<DialogueBenchRow[]> {
  const r = await runEval(EVAL_SCRIPTS);
  const rows: DialogueBenchRow[] = Object.entries(DIALOGUE_TARGETS).map(([k, min]) => {
    const value = r.rates[k as keyof typeof DIALOGUE_TARGETS];
    return { section: 'dialogue', name: k, unit: 'share', value, target: `≥ ${min}`, pass: value >= min, samples: r.rates.calls };
  });
  for (const k of ['brushOffs', 'genderErrors', 'unjustifiedReRaises', 'emptyReplies'] as const) {
    rows.push({ section: 'dialogue', name: k, unit: 'count', value: r.rates[k], target: '= 0', pass: r.rates[k] === 0, samples: r.rates.replies });
  }
  rows[0].notes = `${r.rates.calls} calls, ${r.rates.replies} customer replies (he/en, inbound/outbound, good/clumsy)`;
  // The held-out calls (other industries, off-script turns), reported beside the tuning set.
  const h = await runEval(HELDOUT_SCRIPTS);
  for (const k of ['checkedOk', 'slotAnswered', 'proposalsHandled', 'summariesAnswered', 'outcomeFits', 'callsWithoutContradiction'] as const) {
    const min = k === 'outcomeFits' || k === 'callsWithoutContradiction' ? 1 : 0.9;
    rows.push({ section: 'dialogue', name: `heldout.${k}`, unit: 'share', value: h.rates[k], target: `≥ ${min}`, pass: h.rates[k] >= min, samples: h.rates.calls });
  }
  for (const k of ['brushOffs', 'genderErrors'] as const) rows.push({ section: 'dialogue', name: `heldout.${k}`, unit: 'count', value: h.rates[k], target: '= 0', pass: h.rates[k] === 0, samples: h.rates.replies });
  return rows;
}

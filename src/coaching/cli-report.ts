/**
 * The report of a terminal practice call (`salesgym simulate … --json` → `report`). The CLI call is typed, so it
 * has words but no speech timing: each turn is replayed through the live layer (tracker, emotion, difficulty,
 * coach) on a speech-paced clock — 2.5 words a second, 0.7 s between turns — and scored like a web session,
 * with the offline customer's final state and the engine's outcome.
 */
import type { Language } from '../analysis/index.ts';
import { countWords } from '../analysis/index.ts';
import { LEVEL_SPECS, type Level } from '../scenarios/index.ts';
import { LiveCoaching } from './live.ts';
import { buildSessionReport, reportInputFromLive } from './report.ts';
import type { SessionReport } from './report-schema.ts';
import { customerStateFromValues } from './types.ts';
import { scenarioFacts } from './voice-tap.ts';

const WORDS_PER_SEC = 2.5;
const GAP_MS = 700;

/** What the simulate CLI hands over (structurally its SimulationResult and prepared session). */
export interface TypedCall {
  turns: { speaker: 'agent' | 'customer'; text: string }[];
  outcome: 'purchase' | 'next_step' | 'postponed' | 'hung_up' | 'no_outcome';
  endedBy: string;
  customerState?: { mood: string; trust: number; interest: number; patience: number; closeAttempts?: number; revealedNeeds?: string[]; openObjections?: unknown[] } | null;
}

/** Scores a typed practice call; `scenario` is the session's Scenario, `differentiator` the company's (optional), `agentGender` the agent's (Hebrew second person). */
export function reportForTypedCall(call: TypedCall, s: { scenario: unknown; language: Language; differentiator?: string; agentGender?: 'female' | 'male' | null }): SessionReport {
  const facts = scenarioFacts(s.scenario);
  const level: Level = facts.level;
  const spec = LEVEL_SPECS[level];
  const live = new LiveCoaching({ language: s.language, level, maxHints: spec.hintsAllowed, timeLimitSec: spec.timeLimitSec });
  let t = 0;
  for (const turn of call.turns) {
    const startMs = t === 0 ? 0 : t + GAP_MS;
    const endMs = startMs + Math.round((countWords(turn.text) / WORDS_PER_SEC) * 1000);
    live.update({ type: 'turn', speaker: turn.speaker, text: turn.text, startMs, endMs, interrupted: false });
    t = endMs;
  }
  const st = call.customerState;
  const customerState = st
    ? customerStateFromValues(st.mood, {
        trust: st.trust, interest: st.interest, patience: st.patience,
        ...(st.closeAttempts !== undefined ? { closeAttempts: st.closeAttempts } : {}),
        ...(st.revealedNeeds ? { needsRevealed: st.revealedNeeds.length } : {}),
        ...(st.openObjections ? { openObjections: st.openObjections.length } : {}),
      })
    : null;
  const input = reportInputFromLive(live.record(), {
    engineOutcome: call.outcome,
    endReason: call.endedBy,
    durationMs: t,
    scenario: { ...facts, differentiator: s.differentiator },
  });
  return buildSessionReport({ ...input, customerState: customerState ?? input.customerState, agentGender: s.agentGender });
}

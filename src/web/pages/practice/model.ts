/** Shapes of the simulation API's JSON (src/http/routes/simulations.ts) and the choices the start form offers. */
import type { LatencyTimeline, PersonaCard } from '../../../voice/protocol.ts';

export const SCENARIO_TYPES = [
  'opening', 'discovery', 'rapport', 'listening', 'objection_handling', 'product_knowledge', 'closing',
  'b2b', 'b2c', 'competitor_comparison', 'angry_customer', 'confused_customer', 'cancellation_retention',
] as const;
export type ScenarioTypeId = (typeof SCENARIO_TYPES)[number];
export const LEVELS = ['foundation', 'intermediate', 'advanced', 'expert'] as const;
export type LevelId = (typeof LEVELS)[number];

export type SimulationStatus = 'connecting' | 'active' | 'ending' | 'ended' | 'interrupted';
export type OutcomeId = 'purchase' | 'next_step' | 'postponed' | 'hung_up' | 'no_outcome';
/** Customer moods the engines report (customer_state) and personas start in; anything else is shown as sent. */
export const MOODS = ['calm', 'skeptical', 'frustrated', 'angry', 'confused', 'interested', 'annoyed'] as const;
export type MoodId = (typeof MOODS)[number];
export const isMood = (m: string): m is MoodId => (MOODS as readonly string[]).includes(m);

export interface SimulationSummary {
  id: string;
  scenarioType: string;
  level: string | null;
  engine: 'realtime' | 'cascade' | 'text';
  mode: 'voice' | 'text';
  language: 'he' | 'en';
  status: SimulationStatus;
  outcome: OutcomeId | null;
  endReason: string | null;
  durationMs: number | null;
  createdAt: string;
  live: boolean;
  agentName?: string | null;
  personaName?: string | null;
}

export interface EngineInfo {
  name: 'realtime' | 'cascade' | 'text';
  audioIn: boolean;
  audioOut: boolean;
  serverTranscripts: boolean;
  /** The transcription chain's server step ('browser': none on the server — the page's recognition, else typing). */
  transcription?: { source: 'realtime' | 'endpoint' | 'embedded' | 'browser' | 'typed'; detail: string };
}

export interface CreatedSimulation {
  simulation: SimulationSummary;
  persona: PersonaCard;
  engine: EngineInfo;
  socketUrl: string;
}

export interface Gaps {
  endOfTurnMs: number | null;
  firstTextMs: number | null;
  firstAudioSentMs: number | null;
  heardMs: number | null;
}

export interface SimulationDetails {
  simulation: SimulationSummary;
  persona: PersonaCard;
  scenario: { name?: string; type: string; goal?: { he: string; en: string }; successCriteria?: { id: string; label: { he: string; en: string } }[] };
  /** The score this call is judged against (the assignment's, else the scenario's), with every success criterion. */
  passMark?: number;
  live: boolean;
  engine: EngineInfo;
  turns: Array<{ id: string; seq: number; speaker: 'agent' | 'customer'; text: string; inaudible?: boolean; startMs: number; endMs: number; interrupted: boolean; latency: LatencyTimeline | null; gaps: Gaps | null }>;
  events: Array<{ id: number; atMs: number; kind: string; data: Record<string, unknown> }>;
  recordings: { agentBytes: number | null; customerBytes: number | null };
}

/** Start-form preferences kept between visits (engine info comes from the server). */
export const PREFS_KEY = 'salesgym.practice';
export interface PracticePrefs {
  pushToTalk: boolean;
  /** The engine tier this agent starts calls from ('auto' = the company's setting). */
  engine?: 'auto' | 'realtime' | 'cascade' | 'offline';
}
export function loadPrefs(): PracticePrefs {
  try {
    return { pushToTalk: false, ...(JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') as Partial<PracticePrefs>) };
  } catch {
    return { pushToTalk: false };
  }
}
export function savePrefs(p: PracticePrefs): void {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify(p));
  } catch {
    /* private mode */
  }
}

/** Gaps of a live timeline (same arithmetic as the server's latencyGaps). */
export function gapsOf(t: LatencyTimeline): Gaps {
  const gap = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round(b - a));
  const end = t.agentSpeechEndMs ?? t.turnCommittedMs;
  return { endOfTurnMs: gap(t.agentSpeechEndMs, t.turnCommittedMs), firstTextMs: gap(t.turnCommittedMs, t.firstCustomerTextMs), firstAudioSentMs: gap(end, t.firstCustomerAudioSentMs), heardMs: gap(end, t.firstAudioPlayedMs) };
}

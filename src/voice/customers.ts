/**
 * Who the customer is for a new simulation: the seam between the voice domain and the persona engine.
 * `PrepareCustomer` turns a scenario request into a VoicePersona plus the snapshots stored with the session.
 * The app uses the persona engine's preparer (`practiceCustomer`, persona-customer.ts); `standInCustomer`
 * (catalogue scenario, the demo customer with the scenario's turn-taking) is the fallback without it.
 */
import type { Language } from '../analysis/index.ts';
import { AppError } from '../core/index.ts';
import { SCENARIO_CATALOGUE, defaultScenario, isScenarioType, LEVELS, type Level } from '../scenarios/index.ts';
import type { Brain } from './brain.ts';
import { DEFAULT_TURN_TAKING, type VoicePersona } from './engine.ts';
import { demoVoicePersona } from './test-personas.ts';

export interface CustomerRequest {
  companyId: string;
  agentUserId: string;
  /** A catalogue scenario type (opening, objection_handling…) or a stored scenario id. */
  scenarioType?: string;
  scenarioId?: string;
  /** An exact version of the stored scenario (default: its current one). */
  scenarioVersion?: number;
  /** A manager's assignment (pins the scenario version it was assigned at). */
  assignmentId?: string;
  level?: Level;
  language?: Language;
  seed: number;
}

/** What a simulation is built from; everything here is stored with the session (snapshots). */
export interface PreparedCustomer {
  voice: VoicePersona;
  /** The scenario as it was when the session started (JSON). */
  scenario: { type: string; level: string | null; name: string; timeLimitSec: number } & Record<string, unknown>;
  /** The full customer persona from the persona engine (JSON), or null for the stand-in. */
  persona: unknown;
  source: 'persona-engine' | 'stand-in';
  scenarioId?: string | null;
  scenarioVersion?: number | null;
  personaId?: string | null;
  personaVersion?: number | null;
  questionnaireVersion?: number | null;
  /** The assignment this session practises, when it was started from one. */
  assignmentId?: string | null;
}

export type PrepareCustomer = (r: CustomerRequest) => Promise<PreparedCustomer>;

/** Builds the offline (no network) brain for a stored customer. */
export type OfflineBrainFactory = (c: { voice: VoicePersona; persona: unknown; scenario: PreparedCustomer['scenario']; seed: number; clock?: () => number; agentGender?: 'female' | 'male' }) => Brain;

const MOOD: Record<string, { he: string; en: string }> = {
  calm: { he: 'רגוע', en: 'calm' },
  skeptical: { he: 'ספקן', en: 'sceptical' },
  frustrated: { he: 'מתוסכל', en: 'frustrated' },
  angry: { he: 'כועס', en: 'angry' },
  confused: { he: 'מבולבל', en: 'confused' },
};

/** The demo customer, shaped by a catalogue scenario (turn-taking, who opens, mood) — no stored persona needed. */
export const standInCustomer: PrepareCustomer = async (r) => {
  if (r.scenarioId || r.assignmentId) throw new AppError('NOT_CONFIGURED', 'Stored scenarios and assignments need the persona engine, which this server was started without; choose a scenario type instead.');
  const type = r.scenarioType ?? 'discovery';
  if (!isScenarioType(type)) throw new AppError('VALIDATION_FAILED', `Unknown scenario type "${type}". Choose one of: ${Object.keys(SCENARIO_CATALOGUE).join(', ')}.`);
  const level: Level = r.level && (LEVELS as readonly string[]).includes(r.level) ? r.level : 'intermediate';
  const language: Language = r.language ?? 'he';
  const scenario = defaultScenario(type, level, language);
  const spec = SCENARIO_CATALOGUE[type];
  const base = demoVoicePersona(language);
  const patience = spec.customer.patienceFactor ?? 1;
  const voice: VoicePersona = {
    ...base,
    id: `stand-in-${type}-${language}`,
    card: {
      ...base.card,
      summary: `${base.card.summary} · ${spec.description[language]}`,
      mood: MOOD[spec.customer.emotion] ? spec.customer.emotion : undefined,
      difficulty: scenario.name,
      gender: base.gender ?? 'female',
    },
    // an impatient customer waits less before taking the turn
    turnTaking: { ...DEFAULT_TURN_TAKING, silenceMs: Math.round(Math.max(450, Math.min(1000, DEFAULT_TURN_TAKING.silenceMs * patience))) },
    customerSpeaksFirst: spec.direction === 'inbound',
  };
  return { voice, scenario: { ...scenario, level }, persona: null, source: 'stand-in' };
};

export { customerTools } from './customer-tools.ts';

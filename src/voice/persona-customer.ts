/**
 * The customer built by the persona engine (its service stores the persona): scenario → the agent's weakness
 * profile → company context from the questionnaire → CustomerPersona → compiled instructions (LLM customers)
 * and offline-brain parameters. The snapshot stored with the session holds all of it, so the session can be
 * rebuilt and reported on.
 */
import { AppError } from '../core/index.ts';
import { compileOfflineBrainParams, type CustomerPersona, type OfflineBrainParams, type PersonaService } from '../personas/index.ts';
import type { Scenario } from '../scenarios/index.ts';
import type { OfflineBrainFactory, PrepareCustomer } from './customers.ts';
import { DEFAULT_TURN_TAKING, type TurnTaking, type VoicePersona } from './engine.ts';
import { OfflineCustomerBrain, cardFacts } from './offline-brain/brain.ts';

/** What the persona engine's customer stores in the session's persona snapshot. */
export interface EngineCustomerSnapshot {
  customer: CustomerPersona;
  offline: OfflineBrainParams;
}

const REALTIME_VOICES = { female: ['marin', 'coral', 'shimmer', 'sage'], male: ['cedar', 'ash', 'echo', 'verse'] } as const;
const SPEED = { slow: 0.9, normal: 1, fast: 1.12 } as const;

/** The slice of a CustomerPersona the voice engines need. */
export function voicePersonaFrom(p: CustomerPersona, scenario: Scenario, instructions: string): VoicePersona {
  const he = p.language === 'he';
  const voices = REALTIME_VOICES[p.gender];
  return {
    id: `persona-${p.seed}`,
    name: p.name,
    language: p.language,
    gender: p.gender,
    instructions,
    card: {
      name: p.name,
      role: p.organization ? `${p.role} · ${p.organization}` : p.role,
      summary: p.personality.summary,
      language: p.language,
      mood: p.emotion.baseline,
      difficulty: scenario.name,
      gender: p.gender,
      // the card and the customer tell one story: these are the offline customer's own answers
      facts: cardFacts(compileOfflineBrainParams(p, scenario)),
    },
    voice: {
      realtime: voices[p.seed % voices.length],
      espeak: he ? 'he' : p.gender === 'female' ? 'en-us+f3' : 'en-us+m3',
      speed: SPEED[p.communication.pace],
    },
    turnTaking: {
      ...DEFAULT_TURN_TAKING,
      silenceMs: p.communication.turnSilenceMs,
      // a customer who interrupts a lot needs less talk-over before yielding
      bargeInMinMs: Math.round(800 - 400 * p.communication.interruptTendency),
      // The service's end-of-turn models do not cover Hebrew (docs/voice-facts.md): on the Realtime engine Hebrew
      // waits out the persona's silence window with server VAD; English may use semantic VAD. Eagerness (impatience,
      // or the scenario's rhythm) also drives our own end-of-turn predictor in the cascade engine, in both languages.
      vad: he ? 'server_vad' : 'semantic_vad',
      ...rhythm(p, scenario),
    },
    customerSpeaksFirst: scenario.direction === 'inbound',
  };
}

/** Eagerness and end-of-turn mode from the scenario's turn rhythm, or from the persona's patience ('natural'). */
function rhythm(p: CustomerPersona, scenario: Scenario): Pick<TurnTaking, 'eagerness' | 'endOfTurn'> {
  const r = scenario.personaOverrides?.turnRhythm;
  if (r === 'window') return { eagerness: 'auto', endOfTurn: 'window' };
  if (r === 'eager') return { eagerness: 'high', endOfTurn: 'predicted' };
  if (r === 'hesitant') return { eagerness: 'low', endOfTurn: 'predicted' };
  const eagerness = p.communication.patience < 0.4 ? 'high' : p.communication.patience > 0.75 ? 'low' : 'medium';
  // 'natural' asks for the predictor explicitly; without a rhythm the engine's default applies (the predictor with
  // browser transcripts, the window with server speech-to-text)
  return r === 'natural' ? { eagerness, endOfTurn: 'predicted' } : { eagerness };
}

/** The slice of the persona engine's service a practice call is started and finished through. */
export type PracticePersonas = Pick<PersonaService, 'prepareForPractice' | 'completeAssignmentsAfterPractice'>;

/**
 * Customers from the persona engine: `prepareForPractice` resolves the assignment, stored scenario (at its
 * version), catalogue type or "practise next", aims the persona at the agent's weaknesses and stores it; the
 * session records the persona, scenario and questionnaire versions it returns.
 */
export function practiceCustomer(personas: Pick<PersonaService, 'prepareForPractice'>): PrepareCustomer {
  return async (r) => {
    const p = await personas.prepareForPractice({
      companyId: r.companyId,
      agentUserId: r.agentUserId,
      assignmentId: r.assignmentId,
      scenarioId: r.scenarioId,
      scenarioVersion: r.scenarioVersion,
      scenarioType: r.scenarioType,
      level: r.level,
      language: r.language,
      seed: r.seed,
    });
    const snapshot: EngineCustomerSnapshot = { customer: p.persona, offline: p.offline };
    return {
      voice: voicePersonaFrom(p.persona, p.scenario, p.instructions),
      scenario: p.scenario,
      persona: snapshot,
      source: 'persona-engine',
      scenarioId: p.scenarioId,
      scenarioVersion: p.scenarioVersion,
      personaId: p.personaId,
      personaVersion: p.personaVersion,
      questionnaireVersion: p.questionnaireVersion,
      assignmentId: p.assignmentId,
    };
  };
}

/** The offline brain for a persona-engine customer (from the stored snapshot). */
export const offlineBrainFromSnapshot: OfflineBrainFactory = ({ persona, seed, clock, agentGender }) => {
  const snap = persona as Partial<EngineCustomerSnapshot> | null;
  if (!snap?.offline) throw new AppError('NOT_CONFIGURED', 'This session was built without a persona; the offline customer needs one (fill in the company questionnaire).');
  return new OfflineCustomerBrain({ params: snap.offline, seed, clock, agentGender });
};

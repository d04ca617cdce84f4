/**
 * The customer built by the persona engine: the scenario from the catalogue, the agent's weakness profile from
 * their analysed calls (or the scenario's skills when there are none yet), the company context from the
 * questionnaire → CustomerPersona → compiled instructions (LLM customers) and offline-brain parameters.
 * The snapshot stored with the session holds all of it, so the session can be rebuilt and reported on.
 */
import { callAnalysisSchema, type Language } from '../analysis/index.ts';
import { AppError } from '../core/index.ts';
import type { Repositories } from '../db/index.ts';
import {
  buildCompanyContext,
  buildWeaknessProfile,
  compileSession,
  personaForScenario,
  profileFromManagerChoice,
  type AnalysisRecord,
  type CustomerPersona,
  type OfflineBrainParams,
} from '../personas/index.ts';
import { SCENARIO_CATALOGUE, defaultScenario, isScenarioType, LEVELS, type Level, type Scenario } from '../scenarios/index.ts';
import { questionnaireSchema } from '../org/index.ts';
import type { OfflineBrainFactory, PrepareCustomer } from './customers.ts';
import { DEFAULT_TURN_TAKING, type VoicePersona } from './engine.ts';
import { OfflineCustomerBrain } from './offline-brain/brain.ts';

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
    instructions,
    card: {
      name: p.name,
      role: p.organization ? `${p.role} · ${p.organization}` : p.role,
      summary: p.personality.summary,
      language: p.language,
      mood: p.emotion.baseline,
      difficulty: scenario.name,
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
      vad: p.communication.patience < 0.4 ? 'server_vad' : 'semantic_vad',
      eagerness: p.communication.patience < 0.4 ? 'high' : p.communication.patience > 0.75 ? 'low' : 'auto',
    },
    customerSpeaksFirst: scenario.direction === 'inbound',
  };
}

/** Builds customers through the persona engine from the company's questionnaire and the agent's analysed calls. */
export function personaEngineCustomer(repos: Pick<Repositories, 'questionnaires' | 'calls'>): PrepareCustomer {
  return async (r) => {
    if (r.scenarioId) throw new AppError('NOT_FOUND', 'Stored scenarios are not available on this server yet; choose a scenario type instead.');
    const type = r.scenarioType ?? 'discovery';
    if (!isScenarioType(type)) throw new AppError('VALIDATION_FAILED', `Unknown scenario type "${type}". Choose one of: ${Object.keys(SCENARIO_CATALOGUE).join(', ')}.`);
    const level: Level = r.level && (LEVELS as readonly string[]).includes(r.level) ? r.level : 'intermediate';
    const q = await repos.questionnaires.latest(r.companyId);
    if (!q) throw new AppError('CONFLICT', 'The company questionnaire is not filled in yet; a manager fills it in (Company questionnaire) and then practice calls can start.');
    const parsed = questionnaireSchema.safeParse(q.data);
    if (!parsed.success) throw new AppError('CONFLICT', 'The company questionnaire is incomplete; a manager needs to complete it before practice calls can start.');
    const ctx = buildCompanyContext({ version: q.version, data: parsed.data, companyId: r.companyId }, { language: r.language });
    const language: Language = r.language ?? ctx.language;
    const scenario = defaultScenario(type, level, language);
    const records = await analysedCalls(repos, r.agentUserId);
    const profile = records.length ? buildWeaknessProfile(records) : profileFromManagerChoice(scenario.targetSkills, { agentId: r.agentUserId });
    const customer = personaForScenario(scenario, profile, ctx, records, { seed: r.seed });
    const { instructions, offline } = compileSession(customer, scenario);
    const snapshot: EngineCustomerSnapshot = { customer, offline };
    return {
      voice: voicePersonaFrom(customer, scenario, instructions),
      scenario: { ...scenario, level },
      persona: snapshot,
      source: 'persona-engine',
      questionnaireVersion: q.version,
    };
  };
}

/** The agent's analysed calls as the weakness profile reads them (reports that do not validate are skipped). */
async function analysedCalls(repos: Pick<Repositories, 'calls'>, agentUserId: string): Promise<AnalysisRecord[]> {
  const rows = await repos.calls.doneByAgent(agentUserId, 20);
  const out: AnalysisRecord[] = [];
  for (const row of rows) {
    if (row.reportKind !== 'full') continue;
    const a = callAnalysisSchema.safeParse(row.report);
    if (a.success) out.push({ analysis: a.data, at: row.createdAt, source: 'call', id: row.id });
  }
  return out;
}

/** The offline brain for a persona-engine customer (from the stored snapshot). */
export const offlineBrainFromSnapshot: OfflineBrainFactory = ({ persona, seed, clock }) => {
  const snap = persona as Partial<EngineCustomerSnapshot> | null;
  if (!snap?.offline) throw new AppError('NOT_CONFIGURED', 'This session was built without a persona; the offline customer needs one (fill in the company questionnaire).');
  return new OfflineCustomerBrain({ params: snap.offline, seed, clock });
};

/**
 * `salesgym simulate`: a text practice call in the terminal against the offline customer — interactive (type your
 * lines) or scripted (one agent line per line of a file). Runs the real session pipeline: SimulationSession +
 * TextEngine + OfflineCustomerBrain, with the persona built by the persona engine from the company questionnaire.
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { LANGUAGES, type Language } from '../analysis/index.ts';
import { isAppError } from '../core/index.ts';
import { DEMO_QUESTIONNAIRE, questionnaireSchema } from '../org/index.ts';
import { prepareSession, type PersonaSources, type PreparedSession } from '../personas/index.ts';
import { LEVELS, SCENARIO_TYPES, defaultScenario, isScenarioType, type Level } from '../scenarios/index.ts';
import {
  OfflineCustomerBrain,
  SimulationSession,
  TextEngine,
  voicePersonaFrom,
  type EndReason,
  type OfflineBrainSnapshot,
  type Outcome,
  type ServerMessage,
} from '../voice/index.ts';
import type { Io } from './start.ts';
import { walkArgs } from './args.ts';
import { MOOD_WORDS, word } from '../i18n/index.ts';

const USAGE = 'usage: salesgym simulate --scenario TYPE [--company <id|demo>] [--agent <id>] [--level LEVEL] [--lang he|en] [--seed N] [--agent-gender female|male] [--script FILE] [--json]';

/** What one simulated call produced (the `--json` document). */
export interface SimulationResult {
  scenario: { type: string; level: string; name: string };
  persona: { name: string; role: string; language: Language; seed: number; gender?: 'female' | 'male' };
  engine: 'text';
  turns: { speaker: 'agent' | 'customer'; text: string }[];
  outcome: Outcome;
  endedBy: EndReason | 'interrupted';
  /** Why the customer ended the call, in plain words (when they did). */
  reason: string | null;
  customerState: OfflineBrainSnapshot;
  durationMs: number;
  /** Added by a registered report builder (coaching): the scored report of the call. */
  report?: unknown;
}

/** Turns a finished call into its report (the coaching layer registers one; absent → no report). */
export type ReportBuilder = (r: SimulationResult, s: { persona: PreparedSession['persona']; scenario: PreparedSession['scenario']; agentGender?: 'female' | 'male' }) => unknown | Promise<unknown>;

let registeredReportBuilder: ReportBuilder | null = null;
/** Register the report builder `simulate` runs after each call (the seam for the coaching domain). */
export function registerSimulateReport(builder: ReportBuilder | null): void {
  registeredReportBuilder = builder;
}

export interface SimulateIo extends Io {
  /** Where interactive agent lines come from (default: stdin). */
  input?: NodeJS.ReadableStream;
}

export interface SimulateDeps {
  /** Opens the database for `--company <id>` / `--agent` (default: createContext with the environment's config). */
  sources?: () => Promise<{ sources: PersonaSources; demoCompanyId?: string; close: () => Promise<void> }>;
  reportBuilder?: ReportBuilder;
  /** Longest wait for one customer reply (ms, default 15 s). */
  replyTimeoutMs?: number;
}

interface Args {
  scenario?: string;
  company: string;
  agent?: string;
  level?: Level;
  lang?: Language;
  seed?: number;
  script?: string;
  /** How the customer and the report address the agent in Hebrew (default: masculine). */
  agentGender?: 'female' | 'male';
  json: boolean;
}

function parse(argv: string[]): Args | string {
  const a: Args = { company: 'demo', json: false };
  const problem = walkArgs(argv, {
    flag(x, r) {
      if (x === '--json') a.json = true;
      else if (x === '--scenario') a.scenario = r.value();
      else if (x === '--company') a.company = r.value();
      else if (x === '--agent') a.agent = r.value();
      else if (x === '--script') a.script = r.value();
      else if (x === '--level') a.level = r.oneOf(LEVELS);
      else if (x === '--lang') a.lang = r.oneOf(LANGUAGES);
      else if (x === '--seed') a.seed = r.wholeNumber();
      else if (x === '--agent-gender') a.agentGender = r.oneOf(['female', 'male'] as const);
      else return `unknown option ${x}`;
    },
  });
  if (problem) return problem;
  if (!a.scenario) return 'missing --scenario (a scenario type)';
  if (!isScenarioType(a.scenario)) {
    return `--scenario must be a scenario type: ${SCENARIO_TYPES.join(', ')} (got "${a.scenario}"; stored scenarios by id run from the web app)`;
  }
  return a;
}

/** `salesgym simulate …` → exit code (0 done, 1 failed, 2 bad usage). */
export async function runSimulate(argv: string[], io: SimulateIo, deps: SimulateDeps = {}): Promise<number> {
  const a = parse(argv);
  if (typeof a === 'string') {
    io.err(`${a}\n${USAGE}`);
    return 2;
  }
  let closeDb = async () => {};
  try {
    let script: string[] | null = null;
    if (a.script) {
      const raw = await readFile(a.script, 'utf8').catch((e: NodeJS.ErrnoException) => {
        throw new Error(`Cannot read the script "${a.script}": ${e.code === 'ENOENT' ? 'no such file' : e.message}.`);
      });
      script = raw.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
      if (script.length === 0) throw new Error(`The script "${a.script}" has no agent lines (one line per agent turn).`);
    }
    let questionnaire = { version: 1, data: questionnaireSchema.parse(DEMO_QUESTIONNAIRE), companyId: undefined as string | undefined };
    let analyses: Awaited<ReturnType<PersonaSources['analyses']>> = [];
    if (a.company !== 'demo' || a.agent) {
      const opened = await (deps.sources ?? openSources)();
      closeDb = opened.close;
      const companyId = a.company === 'demo' ? opened.demoCompanyId : a.company;
      if (!companyId) throw new Error('The demo company is not in the database; run `salesgym demo --reset` first.');
      const q = await opened.sources.questionnaire(companyId);
      if (!q) throw new Error(`Company "${a.company}" has no questionnaire yet; a manager fills it in under Company → Questionnaire.`);
      questionnaire = { ...q, companyId };
      if (a.agent) analyses = await opened.sources.analyses(a.agent);
    }
    await closeDb();
    closeDb = async () => {};

    const lang = a.lang ?? questionnaire.data.language;
    const scenario = defaultScenario(a.scenario as never, a.level ?? 'intermediate', lang);
    const prepared = prepareSession({ questionnaire, analyses, scenario, seed: a.seed ?? 1 });
    const result = await play(prepared, script, io, a.json, deps.replyTimeoutMs ?? 15_000, a.agentGender);
    const builder = deps.reportBuilder ?? registeredReportBuilder;
    if (builder) result.report = await builder(result, { persona: prepared.persona, scenario: prepared.scenario, ...(a.agentGender ? { agentGender: a.agentGender } : {}) });
    // Interactive calls showed the replies live; scripted ones print the whole transcript now.
    io.out(a.json ? JSON.stringify(result, null, 2) : summaryText(result, script !== null));
    return 0;
  } catch (e) {
    io.err(isAppError(e) || e instanceof Error ? e.message : String(e));
    return 1;
  } finally {
    await closeDb();
  }
}

/** Runs the call through SimulationSession + TextEngine with the offline brain. */
async function play(s: PreparedSession, script: string[] | null, io: SimulateIo, json: boolean, replyTimeoutMs: number, agentGender?: 'female' | 'male'): Promise<SimulationResult> {
  const p = s.persona;
  const voice = voicePersonaFrom(p, s.scenario, s.instructions);
  const t0 = performance.now();
  const clock = () => performance.now() - t0;
  const brain = new OfflineCustomerBrain({ params: s.offline, seed: p.seed, agentGender });
  const engine = new TextEngine({ persona: voice, brain, clock });
  const replies: string[] = [];
  let waiters: (() => void)[] = [];
  const wake = () => {
    for (const w of waiters) w();
    waiters = [];
  };
  let ready = false;
  let hangupReason: string | null = null;
  const he = p.language === 'he';
  const customerLabel = `${p.name}`;
  const agentLabel = he ? 'נציג/ה' : 'Agent';
  const session = new SimulationSession({
    engine,
    persona: voice,
    clock,
    maxDurationMs: s.scenario.timeLimitSec * 1000,
    hangupGraceMs: 200,
    transport: {
      sendJson: (m: ServerMessage) => {
        if (m.type === 'customer_transcript_final') {
          replies.push(m.text);
          if (!json && !script) io.out(`${customerLabel}: ${m.text}`);
        }
        if (m.type === 'ready') ready = true;
        if (m.type === 'error' && !m.recoverable) io.err(m.message);
        if (m.type === 'ended' || m.type === 'customer_transcript_final' || m.type === 'ready') wake();
      },
      sendAudio: () => {},
      close: () => wake(),
    },
    taps: [{ onEngineEvent: (e) => void (e.type === 'hangup' && (hangupReason = e.reason)) }],
  });
  const over = () => session.state.status === 'ended' || session.state.status === 'interrupted' || session.state.status === 'ending';
  const waitUntil = async (done: () => boolean, what: string) => {
    const deadline = Date.now() + replyTimeoutMs;
    while (!done() && !over()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(what);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        waiters.push(() => (clearTimeout(t), r()));
      });
    }
  };
  const waitReply = (count: number) => waitUntil(() => replies.length >= count, 'The customer did not answer in time.');
  const say = async (line: string) => {
    const expect = replies.length + 1;
    session.handleText(JSON.stringify({ type: 'agent_text', text: line }));
    await waitReply(expect);
  };

  session.handleText(JSON.stringify({ type: 'start', v: 1, mode: 'text' }));
  try {
    await waitUntil(() => ready, 'The practice call could not start.');
    if (!json && !script) io.out(introText(s, agentLabel));
    if (voice.customerSpeaksFirst) await waitReply(1);
    if (script) {
      for (const line of script) {
        if (over() || brain.state.outcome) break;
        await say(line);
      }
    } else await interactive(io, say, () => over() || brain.state.outcome !== null);
  } finally {
    // A customer who hung up ends the session on their own (after their last words); otherwise the agent ends it.
    if (brain.state.outcome) await waitUntil(() => false, 'The call did not end.').catch(() => undefined);
    if (!over()) await session.end('agent_ended', brain.state.outcome ?? 'no_outcome');
  }
  const summary = await session.done();
  return {
    scenario: { type: s.scenario.type, level: s.scenario.level, name: s.scenario.name },
    persona: { name: p.name, role: p.role, language: p.language, seed: p.seed, gender: p.gender },
    engine: 'text',
    turns: summary.turns.map((t) => ({ speaker: t.speaker, text: t.text })),
    outcome: summary.outcome,
    endedBy: summary.reason,
    reason: hangupReason,
    customerState: brain.state,
    durationMs: summary.durationMs,
  };
}

async function interactive(io: SimulateIo, say: (l: string) => Promise<void>, over: () => boolean): Promise<void> {
  const rl = createInterface({ input: io.input ?? process.stdin, terminal: false });
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (!line) continue;
      if (line === '/end' || line === '/quit') break;
      await say(line);
      if (over()) break;
    }
  } finally {
    rl.close();
  }
}

function introText(s: PreparedSession, agentLabel: string): string {
  const p = s.persona;
  const he = p.language === 'he';
  return [
    `${s.scenario.name}`,
    `${p.name} · ${p.role} — ${p.personality.summary}`,
    he ? `${agentLabel}: הקלד/י את השורות שלך; /end מסיים את השיחה.` : `${agentLabel}: type your lines; /end ends the call.`,
    '',
  ].join('\n');
}

const OUTCOME_TEXT: Record<Outcome, { he: string; en: string }> = {
  purchase: { he: 'הלקוח קנה', en: 'the customer bought' },
  next_step: { he: 'הלקוח הסכים לצעד הבא', en: 'the customer agreed to the next step' },
  postponed: { he: 'הלקוח דחה את ההחלטה', en: 'the customer postponed' },
  hung_up: { he: 'הלקוח ניתק', en: 'the customer hung up' },
  no_outcome: { he: 'בלי תוצאה', en: 'no outcome' },
};

function summaryText(r: SimulationResult, withTranscript: boolean): string {
  const he = r.persona.language === 'he';
  const s = r.customerState;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return [
    ...(withTranscript ? [...r.turns.map((t) => `${t.speaker === 'agent' ? (he ? 'נציג/ה' : 'Agent') : r.persona.name}: ${t.text}`), ''] : ['']),
    he ? `תוצאה: ${OUTCOME_TEXT[r.outcome].he}` : `Outcome: ${r.outcome} — ${OUTCOME_TEXT[r.outcome].en}${r.reason ? ` (${r.reason})` : ''}`,
    `${he ? 'מצב הלקוח' : 'Customer'}: ${he ? 'אמון' : 'trust'} ${pct(s.trust)} · ${he ? 'עניין' : 'interest'} ${pct(s.interest)} · ${he ? 'סבלנות' : 'patience'} ${pct(s.patience)} · ${he ? 'מצב רוח' : 'mood'} ${word(MOOD_WORDS, s.mood, r.persona.language, r.persona.gender)}`,
    `${he ? 'צרכים שנחשפו' : 'Needs revealed'}: ${s.revealedNeeds.length} · ${he ? 'התנגדויות שנפתרו' : 'Objections resolved'}: ${s.resolvedObjections.length} · ${he ? 'ניסיונות סגירה' : 'Close attempts'}: ${s.closeAttempts}`,
  ].join('\n');
}

async function openSources() {
  const { loadConfig } = await import('../config/index.ts');
  const { createContext } = await import('../app/index.ts');
  const { personaSourcesFromRepos } = await import('../personas/index.ts');
  const ctx = await createContext(loadConfig());
  const demo = await ctx.repos.companies.findDemo();
  return { sources: personaSourcesFromRepos(ctx.repos), demoCompanyId: demo?.id, close: () => ctx.database.close() };
}

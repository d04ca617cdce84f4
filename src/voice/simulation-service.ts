/**
 * SimulationService: starts practice calls, runs the live ones on this node, and reads their history.
 * A session is created as a database row (status connecting, persona + scenario snapshots), brought to life
 * when the page's WebSocket attaches, and stays alive for `resumeWindowMs` after the socket closes so a
 * reloaded page re-attaches and gets the transcript replayed. Turns, events and the outcome are persisted as
 * they happen; a node restart marks what it was running as interrupted; agent and customer audio are recorded.
 */
import os from 'node:os';
import type { WebSocket, RawData } from 'ws';
import { AppError, newId } from '../core/index.ts';
import type { Repositories, SimulationRow } from '../db/index.ts';
import type { Language } from '../analysis/index.ts';
import { serverTranscription } from '../calls/index.ts';
import type { Level } from '../scenarios/index.ts';
import { latencyGaps } from './latency.ts';
import { buildEngineChain, engineChain, engineNameOf, legacyChain, transcriberFrom, type VoiceConfig } from './engines.ts';
import { AiBudget, UsageMeter } from './usage-meter.ts';
import type { DifficultyDirective, VoicePersona } from './engine.ts';
import { customerTools, standInCustomer, type OfflineBrainFactory, type PrepareCustomer, type PreparedCustomer } from './customers.ts';
import { PersistenceTap } from './persistence.ts';
import { SessionRecorder, TRACKS, trackDataBytes, trackPath, readMixedWav, readTrackWav, type TrackName } from './recorder.ts';
import { SimulationSession, type DirectiveAnnouncement, type SessionSummary, type SessionTap, type SessionTransport } from './session.ts';
import { SocketTransport } from './socket-transport.ts';
import { addressAgent } from '../core/index.ts';
import { loadResume, SessionElsewhereError, type ResumeState, type SessionOwnership } from './ownership.ts';
import type { EngineChoice, EngineName, EngineTier, LatencyTimeline, PersonaCard, ServerMessage } from './protocol.ts';

/** Who is asking (the signed-in principal, as far as this service cares). */
export interface Caller {
  id: string;
  role: 'super_admin' | 'admin' | 'manager' | 'agent';
  companyId: string | null;
  /** The agent's grammatical gender, when known: the offline customer's Hebrew second person agrees with it. */
  gender?: 'female' | 'male' | null;
}

export interface StartSimulationInput {
  scenarioType?: string;
  scenarioId?: string;
  scenarioVersion?: number;
  /** Practise an assignment (its scenario at the assigned version). Nothing at all = "practise next". */
  assignmentId?: string;
  level?: Level;
  language?: Language;
  /** voice: microphone; text: typed turns only. */
  mode?: 'voice' | 'text';
  /**
   * Ask for an engine tier to start from (the practice page's choice); default: the company's setting, else the
   * best configured (Realtime → cascade → offline). Later tiers are the fallbacks. "text" is the old name of mode.
   */
  engine?: EngineChoice | EngineName;
  seed?: number;
}

export interface SimulationServiceDeps {
  config: VoiceConfig & { DATA_DIR: string };
  repos: Pick<Repositories, 'simulations' | 'companies'>;
  /** Takes `seconds` of the user's simulation minutes atomically; false when the quota is used up. */
  consumeSeconds(userId: string, seconds: number): Promise<boolean>;
  /** Who the customer is (default: the stand-in built from the scenario catalogue). */
  prepareCustomer?: PrepareCustomer;
  /** The offline customer brain; without it, engines need a chat endpoint. */
  offlineBrain?: OfflineBrainFactory;
  /**
   * After a practised session of a stored scenario ends: completes the agent's open assignments of it
   * (the persona engine's `completeAssignmentsAfterPractice`). Returns the completed assignment ids.
   */
  completeAssignments?: (agentUserId: string, scenarioId: string, simulationId: string) => Promise<string[]>;
  /** Identity of this server process in the database (crash detection). Default host:pid. */
  nodeId?: string;
  /** This process owns the database alone (PGlite): at start-up every live row is an orphan. */
  exclusive?: boolean;
  /** How long a live session waits for a reloaded page (ms, default 60,000). */
  resumeWindowMs?: number;
  /** Quota is taken in chunks of this many ms while the call runs (default 30,000). */
  quotaTickMs?: number;
  /** Heartbeat of live sessions and orphan sweep period (ms, default 30,000). */
  heartbeatMs?: number;
  /** Record audio under DATA_DIR/simulations/<id>/ (default true). */
  record?: boolean;
  /** Leases of live calls across nodes; a started call whose node died is taken over from the database (ownership.ts). */
  ownership?: SessionOwnership;
  log?: (msg: string, err?: unknown) => void;
}

/** What an observer from another domain (coaching) gets about a session going live, and how it talks back. */
export interface LiveSessionHandle {
  simulationId: string;
  voice: VoicePersona;
  scenario: unknown;
  persona: unknown;
  /** The agent's gender when known (users.gender): what speaks to the agent in Hebrew agrees with it. */
  agentGender?: 'female' | 'male';
  /** Session-clock ms. */
  now(): number;
  /** Hint, metrics, difficulty or customer_state to the agent; also stored in the event log. */
  publish(msg: Extract<ServerMessage, { type: 'hint' | 'metrics' | 'difficulty' | 'customer_state' }>): void;
  /** A difficulty change: the engine layers it onto the persona's instructions; the agent is told once. */
  applyDirective(d: DifficultyDirective, reason: string, shown?: DirectiveAnnouncement): Promise<void>;
}

/** Observers other domains (coaching) attach to every session that goes live. */
export type TapFactory = (s: LiveSessionHandle) => SessionTap;

/**
 * Live observation (issue 17, the live domain): sees what the session sends the agent (`wrap`), taps the session,
 * and may send the agent's page more when it re-attaches (who is listening). `store` keeps an event in the log.
 */
export type LiveObserveFactory = (s: { simulationId: string; row: SimulationRow; voice: VoicePersona; scenario: { name: string }; now(): number; store(kind: string, data: Record<string, unknown>): void }) => {
  wrap(t: SessionTransport): SessionTransport;
  tap(): SessionTap;
  onAttach(): ServerMessage[];
} | null;

interface Live {
  row: SimulationRow;
  session: SimulationSession;
  transport: SocketTransport;
  persistence: PersistenceTap;
  directive: DifficultyDirective;
  grace: NodeJS.Timeout | null;
  observed: ReturnType<LiveObserveFactory>;
  /** Taken over from this node (its owner died): the page is told once, when it re-attaches. */
  takenOverFrom?: string | null;
}

export interface EngineInfo {
  name: EngineName;
  audioIn: boolean;
  audioOut: boolean;
  serverTranscripts: boolean;
  /**
   * The transcription chain's step this call uses on the server: the Realtime model's own, a configured endpoint,
   * the embedded model, or none ('browser': the page's recognition, else typing); `detail` names it.
   */
  transcription: { source: 'realtime' | 'endpoint' | 'embedded' | 'browser' | 'typed'; detail: string };
}

/** The persona snapshot stored with a simulation. */
interface PersonaSnapshot {
  card: PersonaCard;
  voice: VoicePersona;
  source: PreparedCustomer['source'];
  persona: unknown;
  /** The engine chain chosen when the session was created, best first (absent on sessions stored before it). */
  engineChain?: EngineTier[];
  /** The agent's gender when the session started (absent: not asked yet, or sessions stored before it). */
  agentGender?: 'female' | 'male';
}

const RESUME_MS = 60_000;

type HintMessage = Extract<ServerMessage, { type: 'hint' }>;
/** A coach hint in the agent's gender (Hebrew). */
function addressHint(msg: HintMessage, gender: 'female' | 'male' | undefined): HintMessage {
  if (gender !== 'female') return msg;
  return { ...msg, text: addressAgent(msg.text, gender, true), ...(msg.texts ? { texts: { ...msg.texts, he: addressAgent(msg.texts.he, gender, true) } } : {}) };
}

export class SimulationService {
  private readonly live = new Map<string, Live>();
  private readonly opening = new Map<string, Promise<Live>>();
  private readonly tapFactories: TapFactory[] = [];
  private liveObserve: LiveObserveFactory | null = null;
  private readonly nodeId: string;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly d: SimulationServiceDeps) {
    this.nodeId = d.nodeId ?? `${os.hostname()}:${process.pid}`;
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────

  /** Start-up: sessions this node (or a dead node) left live are marked interrupted; then heartbeats begin. */
  async recover(): Promise<string[]> {
    const staleBefore = this.d.exclusive ? new Date() : new Date(Date.now() - 3 * this.heartbeatMs);
    const ids = await this.d.repos.simulations.interruptOrphans({ nodeId: this.nodeId, staleBefore });
    this.timer ??= setInterval(() => void this.sweep(), this.heartbeatMs);
    this.timer.unref();
    this.d.ownership?.start(() => [...this.live.keys()], (id) => this.lost(id));
    return ids;
  }

  /** Heartbeat for our live sessions; orphans of dead nodes become interrupted. */
  async sweep(): Promise<void> {
    try {
      const mine = [...this.live.keys()];
      await this.d.repos.simulations.heartbeat(mine, this.nodeId);
      await this.d.repos.simulations.interruptOrphans({ staleBefore: new Date(Date.now() - 3 * this.heartbeatMs), except: mine });
    } catch (e) {
      this.d.log?.('simulation heartbeat failed', e);
    }
  }

  /** Shutdown: every live session is interrupted (its turns are already stored) and recordings closed. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.d.ownership?.stop();
    await Promise.allSettled(this.opening.values());
    const all = [...this.live.values()];
    for (const l of all) l.session.transportClosed('server shutting down');
    await Promise.allSettled(all.map((l) => l.session.done()));
  }

  /** Other domains (coaching) observe every session that goes live from now on. */
  addTap(factory: TapFactory): void {
    this.tapFactories.push(factory);
  }

  /** Managers may observe the sessions that go live from now on (the live domain). */
  observeLive(factory: LiveObserveFactory): void {
    this.liveObserve = factory;
  }

  // ── HTTP-facing operations ─────────────────────────────────────────────────

  /** Creates a simulation for the caller: builds the customer, chooses the engine, stores the snapshots. */
  async create(user: Caller, input: StartSimulationInput) {
    if (!user.companyId) throw new AppError('FORBIDDEN', 'Practice calls belong to a company; platform staff cannot start one.');
    const mode = input.mode ?? (input.engine === 'text' ? 'text' : 'voice');
    const company = await this.d.repos.companies.byId(user.companyId);
    await new AiBudget(this.d.repos.simulations, user.companyId, company?.aiBudgetCentsPerMonth ?? null).check();
    // the agent's choice for this call, else the company's setting (admin/manager), else the best available
    const choice = input.engine && input.engine !== 'auto' ? input.engine : (company?.voiceEngine ?? 'auto');
    const chain = engineChain(this.d.config, mode, choice, !!this.d.offlineBrain);
    const engine = engineNameOf(chain[0], mode);
    const seed = input.seed ?? Math.floor(Math.random() * 2 ** 31);
    const prepared = await (this.d.prepareCustomer ?? standInCustomer)({
      companyId: user.companyId,
      agentUserId: user.id,
      scenarioType: input.scenarioType,
      scenarioId: input.scenarioId,
      scenarioVersion: input.scenarioVersion,
      assignmentId: input.assignmentId,
      level: input.level,
      language: input.language,
      seed,
    });
    const snapshot: PersonaSnapshot = { card: prepared.voice.card, voice: prepared.voice, source: prepared.source, persona: prepared.persona, engineChain: chain, ...(user.gender ? { agentGender: user.gender } : {}) };
    const row = await this.d.repos.simulations.insert({
      id: newId(),
      companyId: user.companyId,
      agentUserId: user.id,
      scenarioId: prepared.scenarioId ?? null,
      scenarioVersion: prepared.scenarioVersion ?? null,
      personaId: prepared.personaId ?? null,
      personaVersion: prepared.personaVersion ?? null,
      questionnaireVersion: prepared.questionnaireVersion ?? null,
      scenarioType: prepared.scenario.type,
      level: prepared.scenario.level,
      scenarioSnapshot: prepared.scenario,
      personaSnapshot: snapshot,
      engine,
      mode,
      language: prepared.voice.language,
      status: 'connecting',
      seed,
      secondsUsed: 0,
      nodeId: this.nodeId,
      heartbeatAt: new Date(),
    });
    return {
      simulation: this.publicRow(row),
      persona: prepared.voice.card,
      engine: this.engineInfo(engine, chain[0]),
      engineChain: chain,
      assignmentId: prepared.assignmentId ?? null,
      socketUrl: `/api/simulations/${row.id}/socket`,
    };
  }

  /** One simulation with its turns (and latency timelines), events and recordings. */
  async details(id: string) {
    const row = await this.d.repos.simulations.byId(id);
    if (!row) throw new AppError('NOT_FOUND', 'This practice session was not found.');
    const [turns, events] = await Promise.all([this.d.repos.simulations.turns(id), this.d.repos.simulations.events(id)]);
    const recordings = Object.fromEntries(TRACKS.map((t) => [t, trackDataBytes(trackPath(this.d.config.DATA_DIR, id, t))]));
    return {
      simulation: this.publicRow(row),
      persona: (row.personaSnapshot as PersonaSnapshot).card,
      scenario: row.scenarioSnapshot,
      engine: this.engineInfo(row.engine, (row.personaSnapshot as Partial<PersonaSnapshot>).engineChain?.[0]),
      turnTaking: (row.personaSnapshot as Partial<PersonaSnapshot>).voice?.turnTaking ?? null,
      live: this.live.has(id),
      turns: turns.map((t) => {
        const latency = (t.latency as LatencyTimeline | null) ?? null;
        return { id: t.id, seq: t.seq, speaker: t.speaker, text: t.text, inaudible: t.inaudible, startMs: t.startMs, endMs: t.endMs, interrupted: t.interrupted, engine: t.engine, latency, gaps: latency ? latencyGaps(latency) : null };
      }),
      events: events.map((e) => ({ id: e.id, atMs: e.atMs, kind: e.kind, data: e.data })),
      recordings: { agentBytes: recordings.agent, customerBytes: recordings.customer },
    };
  }

  /** Sessions the caller may see: an agent their own; a manager the company's (after the privacy window); staff any. */
  async list(user: Caller, q: { companyId?: string; agentUserId?: string; limit?: number; offset?: number }) {
    const f: Parameters<Repositories['simulations']['list']>[0] = { limit: q.limit, offset: q.offset };
    if (user.role === 'agent') f.agentUserId = user.id;
    else if (user.role === 'manager') {
      f.companyId = user.companyId ?? '00000000-0000-0000-0000-000000000000';
      if (q.agentUserId) f.agentUserId = q.agentUserId;
      if (q.agentUserId !== user.id) {
        const company = user.companyId ? await this.d.repos.companies.byId(user.companyId) : undefined;
        f.privateHours = company?.practicePrivacyHours ?? 0;
      }
    } else {
      f.companyId = q.companyId;
      f.agentUserId = q.agentUserId;
    }
    const { rows, total } = await this.d.repos.simulations.list(f);
    return { simulations: rows.map((r) => ({ ...this.publicRow(r), agentName: r.agentName, personaName: r.personaName })), total };
  }

  /** The agent ends the call (or an orphaned row is closed). */
  async end(id: string) {
    const l = this.live.get(id);
    if (l) await l.session.end('agent_ended');
    else {
      const row = await this.d.repos.simulations.byId(id);
      if (!row) throw new AppError('NOT_FOUND', 'This practice session was not found.');
      if (row.status === 'connecting') await this.d.repos.simulations.finish(id, { status: 'ended', outcome: 'no_outcome', endReason: 'agent_ended', durationMs: 0 });
      else if (row.status === 'active' || row.status === 'ending')
        await this.d.repos.simulations.finish(id, { status: 'interrupted', outcome: 'no_outcome', endReason: 'server_lost', durationMs: row.durationMs ?? 0 });
    }
    const row = await this.d.repos.simulations.byId(id);
    return { simulation: this.publicRow(row!) };
  }

  /** A recording as a WAV byte stream: one side, or both mixed. */
  recording(id: string, track: TrackName | 'mix'): AsyncGenerator<Uint8Array> | null {
    const dir = this.d.config.DATA_DIR;
    if (track === 'mix') {
      if (TRACKS.every((t) => trackDataBytes(trackPath(dir, id, t)) === null)) return null;
      return readMixedWav(trackPath(dir, id, 'agent'), trackPath(dir, id, 'customer'));
    }
    return trackDataBytes(trackPath(dir, id, track)) === null ? null : readTrackWav(trackPath(dir, id, track));
  }

  // ── live sessions ──────────────────────────────────────────────────────────

  /** The live session object (coaching, tests), if this node runs it. */
  session(id: string): SimulationSession | undefined {
    return this.live.get(id)?.session;
  }

  get liveCount(): number {
    return this.live.size;
  }

  /** Coaching output to the agent (hint, metrics, difficulty, customer_state), also kept in the event log. */
  publish(id: string, msg: Extract<ServerMessage, { type: 'hint' | 'metrics' | 'difficulty' | 'customer_state' }>): void {
    const l = this.live.get(id);
    if (!l) return;
    l.session.notify(msg);
    const { type, ...data } = msg;
    l.persistence.event(type, data);
  }

  /** Make the customer harder or easier from now on (DifficultyEngine). */
  async applyDirective(id: string, directive: DifficultyDirective, reason: string, shown?: DirectiveAnnouncement): Promise<void> {
    const l = this.live.get(id);
    if (!l) return;
    l.directive = directive;
    await l.session.applyDirective(directive, reason, shown);
    l.persistence.event('difficulty', { level: directive.level, reason });
  }

  /**
   * A page's WebSocket for simulation `id` (the route has checked the caller owns it). Brings the session to
   * life on first attach; on a re-attach, replaces the old socket and replays `ready` + the transcript.
   */
  async attach(id: string, ws: WebSocket): Promise<void> {
    // listen at once: the page sends "start" right after the upgrade, before the session is loaded
    let target: Live | null = null;
    let closed = false;
    const early: Array<[RawData, boolean]> = [];
    const deliver = (l: Live, data: RawData, isBinary: boolean) => {
      if (!l.transport.isCurrent(ws)) return; // a replaced socket's late frames
      if (isBinary) l.session.handleBinary(toBytes(data));
      else l.session.handleText(toBytes(data).toString());
    };
    ws.on('error', () => undefined); // reported through 'close'
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (target) deliver(target, data, isBinary);
      else if (early.length < 100) early.push([data, isBinary]);
    });
    ws.on('close', () => {
      closed = true;
      if (target) this.detached(id, target, ws);
    });

    let l: Live;
    try {
      l = this.live.get(id) ?? (await this.materialize(id));
    } catch (e) {
      const message = e instanceof AppError ? e.message : 'The session could not be opened.';
      if (!(e instanceof AppError)) this.d.log?.(`simulation ${id}: attach failed`, e);
      if (ws.readyState === 1 && e instanceof SessionElsewhereError) {
        // another live node runs the call: the page reconnects (the load balancer routes by id)
        ws.send(JSON.stringify({ type: 'error', code: 'INTERNAL', message, recoverable: true } satisfies ServerMessage));
        ws.close(4409, 'session runs on another node');
      } else if (ws.readyState === 1) {
        ws.send(JSON.stringify({ type: 'error', code: 'INTERNAL', message, recoverable: false } satisfies ServerMessage));
        ws.close(4404, 'session not available');
      }
      return;
    }
    if (l.grace) clearTimeout(l.grace);
    l.grace = null;
    l.transport.attach(ws);
    target = l;
    if (closed) return this.detached(id, l, ws);
    const ready = l.session.readyMessage();
    if (ready) {
      l.transport.sendJson(ready);
      l.transport.sendJson({
        type: 'resumed',
        elapsedMs: Math.round(l.session.now()),
        turns: l.session.transcript.map((t) => ({ id: t.id, speaker: t.speaker, text: t.text, interrupted: t.interrupted, startMs: Math.round(t.startMs), endMs: Math.round(t.endMs), ...(t.inaudible ? { inaudible: true } : {}) })),
        ...(l.takenOverFrom ? { takenOver: true } : {}),
      });
      for (const m of l.observed?.onAttach() ?? []) l.transport.sendJson(m);
      l.takenOverFrom = null;
    }
    for (const [data, isBinary] of early.splice(0)) deliver(l, data, isBinary);
  }

  /** The page's socket closed: keep the session for a reload within the resume window, then interrupt it. */
  private detached(id: string, l: Live, ws: WebSocket): void {
    if (!l.transport.detach(ws) || !this.live.has(id)) return;
    if (l.grace) clearTimeout(l.grace);
    l.grace = setTimeout(() => l.session.transportClosed(`the page did not come back within ${Math.round(this.resumeWindowMs / 1000)} s`), this.resumeWindowMs);
  }

  // ── internals ──────────────────────────────────────────────────────────────

  private get heartbeatMs(): number {
    return this.d.heartbeatMs ?? 30_000;
  }

  private get resumeWindowMs(): number {
    return this.d.resumeWindowMs ?? RESUME_MS;
  }

  private engineInfo(name: EngineName, tier?: EngineTier): EngineInfo {
    if (name === 'text') return { name, audioIn: false, audioOut: false, serverTranscripts: false, transcription: { source: 'typed', detail: '' } };
    if (name === 'realtime') return { name, audioIn: true, audioOut: true, serverTranscripts: true, transcription: { source: 'realtime', detail: this.d.config.OPENAI_TRANSCRIBE_MODEL } };
    // the offline tier never sends audio to the cloud: only a self-hosted endpoint or the embedded model transcribe it
    const cloud = tier !== 'offline';
    const s = serverTranscription(cloud ? this.d.config : { ...this.d.config, OPENAI_API_KEY: undefined });
    const transcription: EngineInfo['transcription'] =
      s.kind === 'endpoint' ? { source: 'endpoint', detail: `${s.name}: ${s.model}` } : s.kind === 'embedded' ? { source: 'embedded', detail: s.model } : { source: 'browser', detail: s.why };
    return { name, audioIn: true, audioOut: true, serverTranscripts: transcriberFrom(this.d.config, undefined, { cloud }) !== null, transcription };
  }

  private publicRow(r: Omit<SimulationRow, 'scenarioSnapshot' | 'personaSnapshot'> & Partial<Pick<SimulationRow, 'scenarioSnapshot' | 'personaSnapshot'>>) {
    return {
      id: r.id,
      companyId: r.companyId,
      agentUserId: r.agentUserId,
      scenarioId: r.scenarioId,
      scenarioType: r.scenarioType,
      level: r.level,
      engine: r.engine,
      mode: r.mode,
      language: r.language,
      status: r.status,
      outcome: r.outcome,
      endReason: r.endReason,
      secondsUsed: r.secondsUsed,
      durationMs: r.durationMs,
      createdAt: r.createdAt,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      live: this.live.has(r.id),
    };
  }

  private materialize(id: string): Promise<Live> {
    let p = this.opening.get(id);
    if (!p) {
      p = this.build(id).finally(() => this.opening.delete(id));
      this.opening.set(id, p);
    }
    return p;
  }

  private async build(id: string): Promise<Live> {
    const row = await this.d.repos.simulations.byId(id);
    if (!row) throw new AppError('NOT_FOUND', 'This practice session was not found.');
    if (row.status === 'ended' || row.status === 'interrupted') throw new AppError('CONFLICT', 'This practice session is over; start a new one.');
    // with leases, a started call whose node died is carried on here from the database
    const claim = this.d.ownership && (row.status === 'connecting' || row.status === 'active') ? await this.d.ownership.claim(row) : null;
    const resume: ResumeState | null = claim && row.status === 'active' ? await loadResume(this.d.repos, row) : null;
    if (row.status !== 'connecting' && !resume)
      throw new AppError('CONFLICT', 'This practice session was cut off (the server restarted or it runs elsewhere); start a new one — its turns are saved.');
    const snap = row.personaSnapshot as PersonaSnapshot;
    const scenario = row.scenarioSnapshot as PreparedCustomer['scenario'];
    const voice = snap.voice;
    const transport = new SocketTransport();
    const t0 = performance.now() - (resume?.elapsedMs ?? 0);
    const clock = () => performance.now() - t0;
    const live: Partial<Live> & { directive: DifficultyDirective } = { directive: resume?.directive ?? { level: 'neutral' } };
    const offline = this.d.offlineBrain;
    const meter = new UsageMeter(id, this.d.repos.simulations);
    const chain = snap.engineChain ?? legacyChain(row.engine, this.d.config);
    const engine = buildEngineChain({
      chain,
      mode: row.mode,
      cfg: this.d.config,
      persona: voice,
      clock,
      tools: customerTools(voice, snap.persona, () => live.directive),
      offlineBrain: () => {
        if (!offline) throw new AppError('NOT_CONFIGURED', 'The offline customer brain is not installed on this server; configure OPENAI_API_KEY or OPENAI_BASE_URL.');
        return offline({ voice, persona: snap.persona, scenario, seed: row.seed, clock, agentGender: snap.agentGender });
      },
      onUsage: (u) => meter.add(u),
      log: (m) => this.d.log?.(`simulation ${id}: ${m}`),
    });
    if (resume) {
      engine.seedHistory(resume.history);
      if (resume.directive.level !== 'neutral') await engine.updateDirectives(resume.directive);
    }
    const budget = new AiBudget(this.d.repos.simulations, row.companyId, (await this.d.repos.companies.byId(row.companyId))?.aiBudgetCentsPerMonth ?? null);
    const recorder = this.d.record !== false && row.mode === 'voice' ? new SessionRecorder(this.d.config.DATA_DIR, id, { resume: resume !== null }) : null;
    const persistence = new PersistenceTap(id, this.d.repos.simulations, clock, this.d.log, { beforeEnd: recorder ? () => recorder.onEnd() : undefined, ...(resume ? { resumed: { seqs: resume.seqs } } : {}) });
    const taps: SessionTap[] = recorder ? [persistence, recorder] : [persistence];
    if (this.d.ownership) taps.push(this.d.ownership.tap(id));
    const handle: LiveSessionHandle = {
      simulationId: id,
      voice,
      scenario,
      persona: snap.persona,
      ...(snap.agentGender ? { agentGender: snap.agentGender } : {}),
      now: clock,
      // The live coach speaks to the agent: its Hebrew second person agrees with the agent's gender.
      publish: (msg) => this.publish(id, msg.type === 'hint' ? addressHint(msg, snap.agentGender) : msg),
      applyDirective: (d, reason, shown) => this.applyDirective(id, d, reason, shown),
    };
    for (const f of this.tapFactories) {
      try {
        taps.push(f(handle));
      } catch (e) {
        this.d.log?.(`simulation ${id}: a tap factory failed`, e);
      }
    }
    let observed: Live['observed'] = null;
    try {
      observed = this.liveObserve?.({ simulationId: id, row, voice, scenario, now: clock, store: (kind, data) => persistence.event(kind, data) }) ?? null;
    } catch (e) {
      this.d.log?.(`simulation ${id}: live observation could not be set up`, e);
    }
    const quotaMs = this.d.quotaTickMs ?? 30_000;
    const session = new SimulationSession({
      id,
      engine,
      persona: voice,
      transport: observed ? observed.wrap(transport) : transport,
      clock,
      maxDurationMs: (scenario.timeLimitSec ?? 20 * 60) * 1000,
      quota: {
        tickMs: quotaMs,
        consume: async (ms) => {
          const seconds = Math.round(ms / 1000);
          await meter.flush().catch((e) => this.d.log?.(`simulation ${id}: could not store its usage`, e));
          if (!(await budget.allows())) return false; // the money quota, this call's cost so far included
          const ok = await this.d.consumeSeconds(row.agentUserId, seconds);
          if (ok) await this.d.repos.simulations.addSeconds(id, seconds);
          return ok;
        },
      },
      taps: [...taps, ...(observed ? [observed.tap()] : []), meter.tap(() => engine.tier, this.d.log), { onEnd: (summary) => this.finished(row, summary, persistence) }],
      ...(resume ? { resume: { turns: resume.turns }, maxDurationMs: Math.max(1000, (scenario.timeLimitSec ?? 20 * 60) * 1000 - resume.elapsedMs) } : {}),
    });
    Object.assign(live, { row, session, transport, persistence, grace: null, observed, takenOverFrom: claim?.takenOverFrom ?? null });
    this.live.set(id, live as Live);
    await this.d.repos.simulations.heartbeat([id], this.nodeId);
    if (resume) await session.resumeCall(row.mode);
    return live as Live;
  }

  /**
   * The session is over: forget it, and once its outcome is stored, a practised stored scenario completes the
   * agent's open assignments of it (not when the call was cut off or the agent never said a word the system
   * could read: inaudible turns practise nothing).
   */
  private async finished(row: SimulationRow, summary: SessionSummary, persistence: PersistenceTap): Promise<void> {
    this.forget(row.id);
    const practised = summary.reason !== 'interrupted' && summary.turns.some((t) => t.speaker === 'agent' && !t.inaudible && t.text.trim() !== '');
    if (!row.scenarioId || !practised || !this.d.completeAssignments) return;
    try {
      await persistence.flush();
      await this.d.completeAssignments(row.agentUserId, row.scenarioId, row.id);
    } catch (e) {
      this.d.log?.(`simulation ${row.id}: could not complete the assignments`, e);
    }
  }

  private forget(id: string): void {
    const l = this.live.get(id);
    if (l?.grace) clearTimeout(l.grace);
    if (l) this.d.ownership?.release(id);
    this.live.delete(id);
  }

  /** Another node took this call over (our lease was lost): stop it here without storing an outcome. */
  private lost(id: string): void {
    const l = this.live.get(id);
    if (!l) return;
    this.d.log?.(`simulation ${id}: another node took the call over; stopping it here`);
    l.persistence.abandon();
    this.live.delete(id);
    if (l.grace) clearTimeout(l.grace);
    l.session.transportClosed('taken over by another node');
    l.transport.close(4409, 'session runs on another node');
  }
}

function toBytes(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/**
 * The wiring into the voice domain: a TapFactory for SimulationService.addTap. Each live session gets a
 * LiveCoaching whose messages go out through handle.publish, whose difficulty directives go to
 * handle.applyDirective (offline brain: adjust; Realtime: instruction update), ticked once a second, and whose
 * report is handed to `onReport` when the session ends.
 *
 * The coaching runs in this thread by default, or — with `worker` — in the shared coaching worker thread
 * (worker-host.ts), so that its audio analysis and end-of-call report never hold up the call's audio.
 */
import type { LiveSessionHandle, SessionSummary, SessionTap, TapFactory } from '../voice/index.ts';
import { scenarioSchema, type Level } from '../scenarios/index.ts';
import { toInstructionUpdate } from './difficulty.ts';
import { LiveCoaching, type CoachMessage } from './live.ts';
import { buildSessionReport, reportInputFromLive, type ScenarioFacts } from './report.ts';
import type { SessionReport } from './report-schema.ts';
import type { CoachingWorkerHost } from './worker-host.ts';

export interface CoachingTapOptions {
  /** Called with the finished report (persist it, update the profile). Errors are logged, never thrown. */
  onReport?: (simulationId: string, report: SessionReport, summary: SessionSummary) => void | Promise<void>;
  /** The company's differentiator, for the mentions_differentiator criterion. */
  differentiator?: (handle: LiveSessionHandle) => string | undefined;
  log?: (msg: string, err?: unknown) => void;
  /** Run the coaching of every session in this worker thread instead of the session's own thread. */
  worker?: CoachingWorkerHost;
}

/** What the report needs from the session's scenario (validated: the handle carries it untyped). */
export function scenarioFacts(scenario: unknown): ScenarioFacts & { level: Level } {
  const r = scenarioSchema.safeParse(scenario);
  if (!r.success) return { level: 'intermediate' };
  const s = r.data;
  return {
    ...(s.id ? { id: s.id } : {}),
    level: s.level,
    callType: s.callType,
    targetSkills: s.targetSkills,
    successCriteria: s.successCriteria,
    objectionKinds: s.personaOverrides.objectionKinds,
  };
}

/** What one session's coaching starts from: plain data (it may cross to the worker thread). */
export interface CoachingInit {
  language: 'he' | 'en';
  scenario: unknown;
  /** The customer's grammatical gender: the Hebrew directive for an LLM customer agrees with it. */
  gender?: 'female' | 'male';
  /** The agent's gender (users.gender): the report's Hebrew second person agrees with it. */
  agentGender?: 'female' | 'male';
}

/** A difficulty change for the session, as handle.applyDirective takes it. */
export interface DirectiveOut {
  level: 'supportive' | 'neutral' | 'challenging';
  note: string;
  reason: string;
  /** How the agent is told (the coach's label, e.g. "challenging:Advanced", and bilingual reasons): once. */
  shown?: { level: string; reasons: { he: string; en: string } };
}

/** The end of a call as the report needs it (plain data). */
export interface CoachingEnd {
  summary: Pick<SessionSummary, 'outcome' | 'reason' | 'durationMs' | 'latency'>;
  differentiator?: string;
}

/** One session's live coaching, wherever it runs: LiveCoaching plus the report at the end. */
export class CoachingSession {
  readonly live: LiveCoaching;
  private readonly facts: ScenarioFacts & { level: Level };
  private readonly agentGender: 'female' | 'male' | undefined;

  constructor(init: CoachingInit, out: { emit: (m: CoachMessage) => void; directive: (d: DirectiveOut) => void }) {
    this.facts = scenarioFacts(init.scenario);
    this.agentGender = init.agentGender;
    const lang = init.language;
    const spec = scenarioSchema.safeParse(init.scenario);
    // the coach announces a difficulty change just before it applies it: the announcement travels with the
    // directive, so the session tells the agent once (not once for the coach and once for the engine)
    let announced: Extract<CoachMessage, { type: 'difficulty' }> | null = null;
    this.live = new LiveCoaching({
      language: lang,
      level: this.facts.level,
      ...(spec.success ? { maxHints: spec.data.hintsAllowed, timeLimitSec: spec.data.timeLimitSec } : {}),
      ...(init.gender ? { difficulty: { customerGender: init.gender } } : {}),
      emit: (m) => {
        if (m.type === 'difficulty') announced = m;
        else if (m.type === 'metrics') out.emit(this.withScore(m));
        else out.emit(m);
      },
      target: {
        apply: (d) => {
          const shown = announced ? { level: announced.level, reasons: announced.reasons } : undefined;
          announced = null;
          out.directive({ level: d.mode, note: toInstructionUpdate(d, lang, init.gender), reason: d.reason[lang], ...(shown ? { shown } : {}) });
        },
      },
    });
  }

  private scoredTurns = -1;
  private score: number | null = null;

  /**
   * The live panel's numbers plus `scoreSoFar`: the report's overall score if the call ended now (no outcome yet),
   * for the manager's live list (issue 17). Rebuilt only when a turn was added.
   */
  private withScore(m: Extract<CoachMessage, { type: 'metrics' }>): Extract<CoachMessage, { type: 'metrics' }> {
    const rec = this.live.record();
    if (rec.turns.length !== this.scoredTurns) {
      this.scoredTurns = rec.turns.length;
      try {
        this.score = buildSessionReport(reportInputFromLive(rec, { engineOutcome: 'no_outcome', durationMs: rec.snapshot.atMs, scenario: this.facts })).overallScore;
      } catch {
        this.score = null;
      }
    }
    return this.score === null ? m : { ...m, values: { ...m.values, scoreSoFar: Math.round(this.score) } };
  }

  report(end: CoachingEnd): SessionReport {
    return buildSessionReport(reportInputFromLive(this.live.record(), {
      engineOutcome: end.summary.outcome,
      endReason: end.summary.reason,
      durationMs: end.summary.durationMs,
      latency: end.summary.latency,
      scenario: { ...this.facts, differentiator: end.differentiator },
      agentGender: this.agentGender,
    }));
  }
}

export function coachingTap(opts: CoachingTapOptions = {}): TapFactory {
  return (h: LiveSessionHandle): SessionTap => {
    const init: CoachingInit = { language: h.voice.language, scenario: h.scenario, ...(h.voice.gender ? { gender: h.voice.gender } : {}), ...(h.agentGender ? { agentGender: h.agentGender } : {}) };
    // the note is a layer the engine puts on top of the persona's instructions, never the instructions themselves
    const directive = (d: DirectiveOut) => h.applyDirective({ level: d.level, note: d.note }, d.reason, d.shown);
    const deliver = async (report: SessionReport, summary: SessionSummary) => {
      try {
        await opts.onReport?.(h.simulationId, report, summary);
      } catch (e) {
        opts.log?.(`coaching report for ${h.simulationId} failed`, e);
      }
    };
    if (opts.worker) {
      const remote = opts.worker.open(h.simulationId, init, { originMs: performance.timeOrigin + performance.now() - h.now(), emit: (m) => h.publish(m), directive });
      return {
        onStart: (ready) => remote.typed(!ready.engine.audioIn),
        onAgentAudio: (pcm, atMs) => remote.agentAudio(pcm, atMs),
        onCustomerAudio: (pcm) => remote.customerAudio(pcm),
        onEngineEvent: (e) => remote.event(e),
        onTurn: (t) => remote.turn({ speaker: t.speaker, text: t.text, startMs: t.startMs, endMs: t.endMs, interrupted: t.interrupted, ...(t.inaudible ? { inaudible: true } : {}) }),
        onEnd: async (summary) => {
          try {
            const report = await remote.end({ summary: { outcome: summary.outcome, reason: summary.reason, durationMs: summary.durationMs, latency: summary.latency }, differentiator: opts.differentiator?.(h) });
            await deliver(report, summary);
          } catch (e) {
            opts.log?.(`coaching report for ${h.simulationId} failed`, e);
          }
        },
      };
    }
    const session = new CoachingSession(init, { emit: (m) => h.publish(m), directive });
    const live = session.live;
    const timer = setInterval(() => live.tick(h.now()), 1000);
    timer.unref();
    const t = live.tap();
    return {
      onStart: (ready) => live.setTyped(!ready.engine.audioIn),
      onAgentAudio: t.onAgentAudio,
      onCustomerAudio: (pcm) => t.onCustomerAudio(pcm),
      onEngineEvent: (e) => t.onEngineEvent(e),
      onTurn: (turn) => t.onTurn(turn),
      onEnd: async (summary) => {
        clearInterval(timer);
        let report: SessionReport;
        try {
          report = session.report({ summary, differentiator: opts.differentiator?.(h) });
        } catch (e) {
          opts.log?.(`coaching report for ${h.simulationId} failed`, e);
          return;
        }
        await deliver(report, summary);
      },
    };
  };
}

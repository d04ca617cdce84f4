/**
 * The wiring into the voice domain: a TapFactory for SimulationService.addTap. Each live session gets a
 * LiveCoaching whose messages go out through handle.publish, whose difficulty directives go to
 * handle.applyDirective (offline brain: adjust; Realtime: instruction update), ticked once a second, and whose
 * report is handed to `onReport` when the session ends.
 */
import type { LiveSessionHandle, SessionSummary, SessionTap, TapFactory } from '../voice/index.ts';
import { scenarioSchema, type Level } from '../scenarios/index.ts';
import { toInstructionUpdate } from './difficulty.ts';
import { LiveCoaching } from './live.ts';
import { buildSessionReport, reportInputFromLive, type ScenarioFacts } from './report.ts';
import type { SessionReport } from './report-schema.ts';

export interface CoachingTapOptions {
  /** Called with the finished report (persist it, update the profile). Errors are logged, never thrown. */
  onReport?: (simulationId: string, report: SessionReport, summary: SessionSummary) => void | Promise<void>;
  /** The company's differentiator, for the mentions_differentiator criterion. */
  differentiator?: (handle: LiveSessionHandle) => string | undefined;
  log?: (msg: string, err?: unknown) => void;
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

export function coachingTap(opts: CoachingTapOptions = {}): TapFactory {
  return (h: LiveSessionHandle): SessionTap => {
    const facts = scenarioFacts(h.scenario);
    const lang = h.voice.language;
    const spec = scenarioSchema.safeParse(h.scenario);
    const live = new LiveCoaching({
      language: lang,
      level: facts.level,
      ...(spec.success ? { maxHints: spec.data.hintsAllowed, timeLimitSec: spec.data.timeLimitSec } : {}),
      emit: (m) => h.publish(m),
      target: { apply: (d) => h.applyDirective({ level: d.mode, note: toInstructionUpdate(d, lang) }, d.reason[lang], toInstructionUpdate(d, lang)) },
    });
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
        try {
          const report = buildSessionReport(reportInputFromLive(live.record(), {
            engineOutcome: summary.outcome,
            endReason: summary.reason,
            durationMs: summary.durationMs,
            latency: summary.latency,
            scenario: { ...facts, differentiator: opts.differentiator?.(h) },
          }));
          await opts.onReport?.(h.simulationId, report, summary);
        } catch (e) {
          opts.log?.(`coaching report for ${h.simulationId} failed`, e);
        }
      },
    };
  };
}

/**
 * The one tap the app registers on SimulationService: the coaching layer live in every session, and at the end
 * its report stored through the PracticeService (which closes the loop into the agent's profile). The company's
 * differentiator (questionnaire) is loaded when the session goes live, for the mentions_differentiator criterion.
 */
import { coachingTap, type CoachingWorkerHost } from '../coaching/index.ts';
import type { Repositories } from '../db/index.ts';
import type { TapFactory } from '../voice/index.ts';
import type { PracticeService } from './practice.ts';

export function practiceReportTap(d: {
  practice: Pick<PracticeService, 'storeReport'>;
  repos: Pick<Repositories, 'simulations' | 'questionnaires'>;
  log?: (msg: string, err?: unknown) => void;
  /** Run the coaching in this worker thread (the app's default) rather than on the sessions' thread. */
  worker?: CoachingWorkerHost;
}): TapFactory {
  const differentiators = new Map<string, string | undefined>();
  const inner = coachingTap({
    differentiator: (h) => differentiators.get(h.simulationId),
    onReport: async (id, report) => {
      differentiators.delete(id);
      await d.practice.storeReport(id, report);
    },
    log: d.log,
    worker: d.worker,
  });
  return (h) => {
    let ended = false;
    void (async () => {
      const sim = await d.repos.simulations.scope(h.simulationId);
      const q = sim ? await d.repos.questionnaires.latest(sim.companyId) : undefined;
      const text = (q?.data as { differentiator?: unknown } | undefined)?.differentiator;
      if (!ended) differentiators.set(h.simulationId, typeof text === 'string' && text.trim() ? text : undefined);
    })().catch((e) => d.log?.(`simulation ${h.simulationId}: questionnaire for the report not loaded`, e));
    const tap = inner(h);
    // forgotten when the session ends, whether or not its report could be built and stored
    const onEnd = tap.onEnd?.bind(tap);
    tap.onEnd = async (summary) => {
      try {
        await onEnd?.(summary);
      } finally {
        ended = true;
        differentiators.delete(h.simulationId);
      }
    };
    return tap;
  };
}

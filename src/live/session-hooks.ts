/** Wires a LivePublisher into every session the SimulationService brings to life on this node. */
import type { LiveObserveFactory } from '../voice/index.ts';
import { LivePublisher } from './publisher.ts';
import type { LiveBus, LiveDirectory } from './types.ts';

export interface LiveObservationDeps {
  bus: LiveBus;
  directory: LiveDirectory;
  /** This node's id (the directory says who owns the call). */
  nodeId: string;
  log?(msg: string, err?: unknown): void;
  /** Every publisher made (tests and the bench look at them). */
  onPublisher?(simulationId: string, p: LivePublisher): void;
}

export function liveObservation(d: LiveObservationDeps): LiveObserveFactory {
  return ({ simulationId, row, voice, scenario, now, store }) => {
    const p = new LivePublisher({
      bus: d.bus,
      directory: d.directory,
      summary: {
        simulationId,
        companyId: row.companyId,
        agentUserId: row.agentUserId,
        scenarioId: row.scenarioId,
        node: d.nodeId,
        scenarioType: row.scenarioType,
        level: row.level,
        scenarioName: scenario.name,
        personaName: voice.card.name,
        language: row.language as 'he' | 'en',
        mode: row.mode,
      },
      persona: { name: voice.card.name, summary: voice.card.summary },
      language: row.language as 'he' | 'en',
      mode: row.mode,
      now,
      onWhisper: (w) => store('whisper', { id: w.id, text: w.text, from: w.from, fromUserId: w.fromUserId }),
      onObservers: (c) => store(c.action === 'join' ? 'observer_joined' : 'observer_left', { userId: c.userId, name: c.name, observers: c.count }),
      log: (m, e) => d.log?.(`simulation ${simulationId}: ${m}`, e),
    });
    d.onPublisher?.(simulationId, p);
    return { wrap: (t) => p.wrap(t), tap: () => p.tap(), onAttach: () => [p.observersMessage()].filter((m) => m !== null) };
  };
}

/** The live list's JSON (GET /api/live, src/http/routes/live.ts). */
export interface LiveCallRow {
  simulationId: string;
  agentUserId: string;
  agentName: string | null;
  scenarioId: string | null;
  scenarioName: string | null;
  scenarioType: string | null;
  level: string | null;
  personaName: string | null;
  language: 'he' | 'en' | null;
  mode: 'voice' | 'text' | null;
  startedAt: string;
  durationSec: number;
  mood: string | null;
  scoreSoFar: number | null;
  observers: number;
}

export interface LiveList {
  observation: { allowed: true } | { allowed: false; reason: 'privacy_window' | 'setting_off'; message: string };
  calls: LiveCallRow[];
}

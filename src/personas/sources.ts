import { callAnalysisSchema } from '../analysis/index.ts';
import type { Repositories } from '../db/index.ts';
import { questionnaireSchema } from '../org/questionnaire.ts';
import type { QuestionnaireAtVersion } from './company-context.ts';
import type { AnalysisRecord } from './weakness-profile.ts';

/** Where the persona engine reads its inputs; a repository-backed one is below, tests pass plain objects. */
export interface PersonaSources {
  /** The company's latest questionnaire (or an exact version), null when the company has none. */
  questionnaire(companyId: string, version?: number): Promise<QuestionnaireAtVersion | null>;
  /** The agent's analysed calls, newest first. */
  analyses(agentUserId: string, limit?: number): Promise<AnalysisRecord[]>;
}

/** PersonaSources over the platform repositories: analysed calls and practice sessions. Reports that are not full call analyses are skipped. */
export function personaSourcesFromRepos(repos: Pick<Repositories, 'questionnaires' | 'calls'> & Partial<Pick<Repositories, 'reports'>>): PersonaSources {
  return {
    async questionnaire(companyId, version) {
      const row = version === undefined ? await repos.questionnaires.latest(companyId) : await repos.questionnaires.byVersion(companyId, version);
      if (!row) return null;
      const data = questionnaireSchema.safeParse(row.data);
      return data.success ? { version: row.version, data: data.data, companyId } : null;
    },
    async analyses(agentUserId, limit = 30) {
      const rows = await repos.calls.doneByAgent(agentUserId, limit);
      const out: AnalysisRecord[] = [];
      for (const r of rows) {
        if (r.reportKind === 'audio_only') continue;
        // the calls domain stores { kind, analysis, audio }; a bare CallAnalysis is accepted too
        const report = r.report as { analysis?: unknown } | null;
        const a = callAnalysisSchema.safeParse(report && typeof report === 'object' && 'analysis' in report ? report.analysis : report);
        if (a.success) out.push({ analysis: a.data, at: r.analysedAt ?? r.createdAt, source: 'call', id: r.id });
      }
      // the closed loop: finished practice sessions, stored by coaching in the call-analysis shape
      for (const r of (await repos.reports?.analysesByAgent(agentUserId, limit)) ?? []) {
        const a = callAnalysisSchema.safeParse(r.analysis);
        if (a.success) out.push({ analysis: a.data, at: r.createdAt, source: 'simulation', id: r.simulationId });
      }
      return out.sort((x, y) => y.at.getTime() - x.at.getTime()).slice(0, limit);
    },
  };
}

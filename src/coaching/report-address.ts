/**
 * The practice report speaks to the agent: its Hebrew second person agrees with the agent's gender (users.gender,
 * asked once). Advice ("שאל", "עצור", "אני מבין ש…") is rewritten as advice; descriptions only where they say
 * "אתה"/"תשאל"; labels about the agent in the third person ("שאל שאלה פתוחה") agree too. Quotes from the call are the words said and are never touched. English and male: unchanged.
 */
import { addressAgent, describeAgent, type AgentGender } from '../core/index.ts';
import type { SessionReport } from './report-schema.ts';

export function addressReport(r: SessionReport, gender: AgentGender | null | undefined): SessionReport {
  if (gender !== 'female' || r.language !== 'he') return r;
  const advice = (t: string) => addressAgent(t, gender, true);
  // Descriptions and labels speak of the agent in the third person ("שאל שאלה פתוחה") or to them ("אתה").
  const plain = (t: string) => addressAgent(describeAgent(t, gender), gender);
  return {
    ...r,
    outcomeReason: plain(r.outcomeReason),
    ...(r.noScoreReason ? { noScoreReason: advice(r.noScoreReason) } : {}),
    skills: r.skills.map((s) => ({ ...s, checks: s.checks.map((c) => ({ ...c, label: plain(c.label) })) })),
    criteria: r.criteria.map((c) => ({ ...c, label: plain(c.label), detail: plain(c.detail) })),
    strengths: r.strengths.map((s) => ({ ...s, description: plain(s.description) })),
    weaknesses: r.weaknesses.map((w) => ({ ...w, description: plain(w.description) })),
    recommendations: r.recommendations.map(advice),
    improvements: r.improvements.map(advice),
    targeted: r.targeted.map((t) => ({ ...t, how: advice(t.how) })),
    difficulty: r.difficulty.map((d) => ({ ...d, reason: { ...d.reason, he: advice(d.reason.he) } })),
    hints: r.hints.map((h) => ({ ...h, text: advice(h.text) })),
  };
}

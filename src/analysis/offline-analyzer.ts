import { SKILL_LABELS, type Language } from './taxonomy.ts';
import { callAnalysisSchema, type CallAnalysis, type Transcript } from './types.ts';
import type { AnalyzeOptions, Analyzer } from './analyzer.ts';
import { classifyTranscript } from './segments.ts';
import { computeMetrics } from './metrics.ts';
import { detectCallType } from './call-type.ts';
import { buildContext, type RubricContext } from './rubric-context.ts';
import { recommendationsFrom, scoreRubric, strengthsFrom, weaknessesFrom, type RubricResult } from './rubric.ts';
import { verifyAnalysisQuotes } from './quotes.ts';
import { buildAudioOnlyAnalysis } from './audio-only.ts';

/** Rule-based analyzer: sales-act classifier + metrics + rubric. No network, deterministic, milliseconds. */
export class OfflineAnalyzer implements Analyzer {
  readonly name = 'offline';

  async analyze(transcript: Transcript, opts: AnalyzeOptions = {}): Promise<CallAnalysis> {
    return analyzeOffline(transcript, opts);
  }
}

/** Synchronous core of OfflineAnalyzer (also used by the LLM analyzer as its fallback and for metrics). */
export function analyzeOffline(transcript: Transcript, opts: AnalyzeOptions = {}): CallAnalysis {
  const lang = transcript.language;
  if (!transcript.segments.some((s) => s.text.trim())) {
    return buildAudioOnlyAnalysis({ language: lang, segments: transcript.segments, tone: opts.tone, callType: opts.callType });
  }
  const segs = classifyTranscript(transcript);
  const metrics = computeMetrics(segs);
  const callType = opts.callType ?? detectCallType(segs, lang);
  const ctx = buildContext(segs, metrics, lang, callType, opts.companyContext);
  const rubric = scoreRubric(ctx);
  const weaknesses = weaknessesFrom(rubric, lang, callType);
  const analysis: CallAnalysis = {
    language: lang,
    callType,
    durationSec: metrics.durationSec,
    overallScore: rubric.overallScore,
    skills: rubric.skills,
    strengths: strengthsFrom(rubric, lang),
    weaknesses,
    recommendations: recommendationsFrom(rubric, weaknesses, lang),
    metrics,
    objections: objectionFindings(ctx),
    tone: opts.tone ?? [],
    analyzer: { name: 'offline', quotesCorrected: 0, quotesDropped: 0 },
    notices: notices(transcript, ctx, rubric, lang),
    ...(ctx.structure.outcome ? { outcome: ctx.structure.outcome } : {}),
    ...(transcript.roles ? { roles: rolesOf(transcript) } : {}),
  };
  return callAnalysisSchema.parse(verifyAnalysisQuotes(analysis, transcript));
}

/** Each customer objection recognised in context, and whether the agent's typed response handled it. */
function objectionFindings(ctx: RubricContext): CallAnalysis['objections'] {
  return ctx.structure.objections.map((o) => ({ kind: o.kind, quote: o.sentence.text, startSec: o.objection.startSec, handled: o.handled }));
}

/** The role decision as the report shows it. */
function rolesOf(t: Transcript): NonNullable<CallAnalysis['roles']> {
  const r = t.roles!;
  const by = (sp: 'agent' | 'customer') => [...new Set(t.segments.filter((s) => s.speaker === sp).map((s) => s.label ?? sp))];
  return { method: r.method, confidence: r.confidence, agent: r.agent ?? by('agent'), customer: r.customer ?? by('customer'), ignored: r.ignored ?? [] };
}

function notices(t: Transcript, ctx: RubricContext, r: RubricResult, lang: Language): string[] {
  const out: string[] = [];
  const he = lang === 'he';
  if (ctx.timesEstimated) {
    out.push(he
      ? 'חלק מהזמנים בתמליל הוערכו לפי מספר המילים (לא היו חותמות זמן, או רק זמני התחלה), ולכן מדדי הפסקות וקטיעות לא נבדקו.'
      : 'Some times were estimated from word counts (the transcript had no timestamps, or start times only), so pause and interruption checks were skipped.');
  }
  if (t.roles && t.roles.confidence < 0.7) {
    const who = t.roles.agent?.length ? t.roles.agent.join(', ') : undefined;
    out.push(he
      ? `זיהוי הנציג והלקוח נעשה בניחוש (ביטחון ${Math.round(t.roles.confidence * 100)}%)${who ? `: הנציג נלקח להיות "${who}"` : ''}. אפשר לציין את שם הנציג (‎--agent‎) כדי לדייק.`
      : `Agent and customer were told apart by a guess (confidence ${Math.round(t.roles.confidence * 100)}%)${who ? `: "${who}" was taken for the agent` : ''}. Name the agent (--agent) to be sure.`);
  }
  for (const id of r.unscored) {
    const label = SKILL_LABELS[id][lang];
    out.push(id === 'objection_handling'
      ? (he ? `${label}: לא עלו התנגדויות בשיחה, ולכן המיומנות לא קיבלה ציון.` : `${label}: no objections came up, so this skill was not scored.`)
      : (he ? `${label}: אין בשיחה מספיק מידע כדי לתת ציון.` : `${label}: not enough in this call to score it.`));
  }
  return out;
}

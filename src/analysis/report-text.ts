import { CALL_TYPE_LABELS, SKILL_LABELS, proficiencyTier } from './taxonomy.ts';
import type { CallAnalysis, Quote } from './types.ts';
import { rateMetrics, type Rating } from './benchmarks.ts';
import { ratedMetricsOf } from './audio-only.ts';
import { ANALYZER_WORDS, OBJECTION_KIND_WORDS, ROLE_METHOD_WORDS, formatSeconds, word } from '../i18n/index.ts';

const T = {
  he: {
    title: 'ניתוח שיחה', type: 'סוג שיחה', duration: 'משך', overall: 'ציון כולל', noScore: 'אין ציון (אין תמליל)',
    metrics: 'מדדי שיחה מול הבנצ׳מרק', skills: 'ציונים לפי מיומנות', strengths: 'חוזקות', weaknesses: 'חולשות (מהחמורה לקלה)',
    roles: 'נציג', customerSide: 'צד הלקוח', ignoredLines: 'שורות שלא נספרו', sure: 'ביטחון', unsure: 'לא בטוח — אפשר לציין --agent',
    outcome: 'תוצאה', outcomes: { agreed: 'הלקוח הסכים', postponed: 'נדחה', refused: 'הלקוח סירב' },
    recs: 'המלצות', objections: 'התנגדויות', handled: 'טופלה', notHandled: 'לא טופלה', notices: 'הערות', analyzer: 'מנתח',
    fallback: 'נפל חזרה לניתוח לא מקוון', quotes: 'ציטוטים', corrected: 'תוקנו', dropped: 'הוסרו', severity: 'חומרה', afterCustomer: 'אחרי שהלקוח אמר',
    tiers: { excellent: 'מצוין', proficient: 'מיומן', developing: 'מתפתח', needs_work: 'דורש עבודה' },
    ratings: { good: 'טוב', ok: 'סביר', poor: 'חלש', 'n/a': 'לא נמדד' } as Record<Rating, string>,
  },
  en: {
    title: 'Call analysis', type: 'Call type', duration: 'Duration', overall: 'Overall score', noScore: 'no score (no transcript)',
    metrics: 'Conversation metrics vs benchmark', skills: 'Skill scores', strengths: 'Strengths', weaknesses: 'Weaknesses (most severe first)',
    roles: 'Agent', customerSide: 'customer side', ignoredLines: 'lines left out', sure: 'confidence', unsure: 'unsure — name the agent with --agent',
    outcome: 'Outcome', outcomes: { agreed: 'the customer agreed', postponed: 'postponed', refused: 'the customer refused' },
    recs: 'Recommendations', objections: 'Objections', handled: 'handled', notHandled: 'not handled', notices: 'Notes', analyzer: 'Analyzer',
    fallback: 'fell back to offline analysis', quotes: 'quotes', corrected: 'corrected', dropped: 'dropped', severity: 'severity', afterCustomer: 'after the customer said',
    tiers: { excellent: 'excellent', proficient: 'proficient', developing: 'developing', needs_work: 'needs work' },
    ratings: { good: 'good', ok: 'ok', poor: 'poor', 'n/a': 'n/a' } as Record<Rating, string>,
  },
};

/** mm:ss (or h:mm:ss) for a time in seconds. */
export function clock(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

const fmtQuote = (q: Quote, lang: 'he' | 'en') =>
  `    [${clock(q.startSec)}] ${lang === 'he' ? (q.speaker === 'agent' ? 'נציג' : 'לקוח') : q.speaker}: "${q.text}"`;

function fmtValue(v: number | null, unit: string, lang: 'he' | 'en'): string {
  if (v === null) return '—';
  if (unit === 'fraction') return `${Math.round(v * 100)}%`;
  if (unit === 's') return formatSeconds(v, lang);
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** A readable plain-text report in the call's language (Hebrew or English). */
export function formatAnalysisText(a: CallAnalysis): string {
  const L = a.language;
  const t = T[L];
  const out: string[] = [];
  out.push(`${t.title} — ${t.type}: ${CALL_TYPE_LABELS[a.callType][L]} · ${t.duration}: ${clock(a.durationSec)}`);
  out.push(a.overallScore === null ? `${t.overall}: ${t.noScore}` : `${t.overall}: ${a.overallScore}/100 (${t.tiers[proficiencyTier(a.overallScore)]})`);
  if (a.roles) {
    const r = a.roles;
    const warn = r.confidence < 0.7 ? ` — ${t.unsure}` : '';
    out.push(`${t.roles}: ${r.agent.join(', ') || '—'} · ${t.customerSide}: ${r.customer.join(', ') || '—'} (${word(ROLE_METHOD_WORDS, r.method, L)}, ${t.sure} ${Math.round(r.confidence * 100)}%${warn})` +
      (r.ignored.length ? ` · ${t.ignoredLines}: ${r.ignored.join(', ')}` : ''));
  }
  if (a.outcome) out.push(`${t.outcome}: ${t.outcomes[a.outcome]}`);
  out.push('', `${t.metrics}:`);
  const estimated = a.notices.some((n) => /estimated|הוערכו/.test(n));
  // an audio-only report rates only what audio measures (no "0 questions → poor" for a call nobody transcribed)
  const only = ratedMetricsOf(a);
  for (const r of rateMetrics(a.metrics, { timesEstimated: estimated }).filter((x) => !only || only.includes(x.metric))) {
    const u = r.benchmark.unit;
    const band = `${fmtValue(r.range[0], u, L)}–${Number.isFinite(r.range[1]) ? fmtValue(r.range[1], u, L) : '∞'}`;
    out.push(`  ${r.benchmark.label[L]}: ${fmtValue(r.value, u, L)}  [${t.ratings[r.rating]}; ${band}]`);
  }
  if (a.skills.length) {
    out.push('', `${t.skills}:`);
    for (const s of a.skills) out.push(`  ${SKILL_LABELS[s.id][L]}: ${s.score}`);
  }
  if (a.strengths.length) {
    out.push('', `${t.strengths}:`);
    for (const s of a.strengths) out.push(`  + ${s.description}`, ...s.quotes.map((q) => fmtQuote(q, L)));
  }
  if (a.weaknesses.length) {
    out.push('', `${t.weaknesses}:`);
    // the agent's own lines; the customer's words only as the context they answered
    a.weaknesses.forEach((w, i) => out.push(
      `  ${i + 1}. ${w.description} (${t.severity} ${Math.round(w.severity * 100)}%)`,
      ...(w.context ?? []).map((q) => `    ${t.afterCustomer}: [${clock(q.startSec)}] "${q.text}"`),
      ...w.quotes.map((q) => fmtQuote(q, L)),
    ));
  }
  if (a.recommendations.length) {
    out.push('', `${t.recs}:`);
    a.recommendations.forEach((r, i) => out.push(`  ${i + 1}. ${r}`));
  }
  if (a.objections.length) {
    out.push('', `${t.objections}:`);
    for (const o of a.objections) out.push(`  [${clock(o.startSec)}] ${word(OBJECTION_KIND_WORDS, o.kind, L)}: "${o.quote}" — ${o.handled ? t.handled : t.notHandled}`);
  }
  if (a.notices.length) out.push('', `${t.notices}:`, ...a.notices.map((n) => `  • ${n}`));
  const an = a.analyzer;
  out.push('', `${t.analyzer}: ${word(ANALYZER_WORDS, an.name, L)}${an.model ? ` (${an.model})` : ''}; ${t.quotes}: ${an.quotesCorrected} ${t.corrected}, ${an.quotesDropped} ${t.dropped}`);
  if (an.fallbackReason) out.push(`  ${t.fallback}: ${an.fallbackReason}`);
  return out.join('\n');
}

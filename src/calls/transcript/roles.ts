import { classifyUtterance, normalizeText, type Language, type Speaker } from '../../analysis/index.ts';
import { AppError } from '../../core/index.ts';
import type { RawSegment } from './raw.ts';

/** Labels that name the agent's side (Hebrew forms with gender, English titles). */
export const AGENT_LABELS = [
  'נציג', 'נציגה', 'נציג שירות', 'נציגת שירות', 'נציג מכירות', 'נציגת מכירות', 'מוכר', 'מוכרת', 'סוכן', 'סוכנת',
  'איש מכירות', 'אשת מכירות', 'יועץ', 'יועצת', 'מתאם', 'מתאמת', 'מוקדן', 'מוקדנית',
  'agent', 'salesperson', 'sales rep', 'rep', 'sales', 'seller', 'representative', 'advisor', 'adviser', 'consultant',
  'csr', 'support', 'operator', 'account executive', 'ae', 'sdr', 'bdr', 'account manager', 'sales agent',
];
/** Labels that name the customer's side. */
export const CUSTOMER_LABELS = [
  'לקוח', 'לקוחה', 'לקוח פוטנציאלי', 'לקוחה פוטנציאלית', 'מתקשר', 'מתקשרת', 'פונה', 'מבוטח', 'מבוטחת', 'קונה',
  'customer', 'client', 'prospect', 'caller', 'lead', 'buyer', 'user', 'patient', 'guest',
];

const norm = (s: string) => normalizeText(s).replace(/[^\p{L}\p{N} ]/gu, '').trim();
const AGENT_SET = new Set(AGENT_LABELS.map(norm));
const CUSTOMER_SET = new Set(CUSTOMER_LABELS.map(norm));

/** 'agent' | 'customer' for a known role label ("נציגה", "Sales Rep 2", "הלקוח"), else undefined. */
export function roleFromLabel(label: string): Speaker | undefined {
  const l = norm(label).replace(/\s*\d+$/, '');
  for (const cand of [l, l.replace(/^ה/, '')]) {
    if (AGENT_SET.has(cand)) return 'agent';
    if (CUSTOMER_SET.has(cand)) return 'customer';
  }
  return undefined;
}

export interface RoleAssignment {
  roleOf: Map<string, Speaker>;
  method: 'labels' | 'named_agent' | 'heuristic';
  confidence: number;
}

/** Decide who is the agent: explicit name, then role labels, then a heuristic with a confidence. */
export function assignRoles(segments: RawSegment[], lang: Language, agentName?: string): RoleAssignment {
  const labels = [...new Set(segments.map((s) => s.label ?? ''))];
  if (agentName) return byName(labels, agentName);
  const known = new Map(labels.map((l) => [l, roleFromLabel(l)] as const));
  const unknown = labels.filter((l) => !known.get(l));
  if (unknown.length === 0 && labels.length > 0) {
    return { roleOf: new Map(labels.map((l) => [l, known.get(l)!])), method: 'labels', confidence: 1 };
  }
  const knownRoles = new Set([...known.values()].filter(Boolean));
  if (knownRoles.size === 1 && unknown.length === 1) {
    const other: Speaker = knownRoles.has('agent') ? 'customer' : 'agent';
    const roleOf = new Map(labels.map((l) => [l, known.get(l) ?? other]));
    return { roleOf, method: 'labels', confidence: 0.9 };
  }
  return heuristic(segments, labels, lang);
}

function byName(labels: string[], agentName: string): RoleAssignment {
  const want = norm(agentName);
  const match = labels.filter((l) => {
    const n = norm(l);
    return n === want || n.split(' ')[0] === want || want.split(' ')[0] === n;
  });
  if (match.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `No speaker called "${agentName}" in this transcript. Speakers found: ${labels.filter(Boolean).join(', ') || '(none)'}.`,
    );
  }
  const roleOf = new Map(labels.map((l) => [l, match.includes(l) ? 'agent' : 'customer'] as [string, Speaker]));
  return { roleOf, method: 'named_agent', confidence: 1 };
}

const COMPANY_WORDS = {
  he: /(?:מדבר|מדברת|מתקשר|מתקשרת|כאן)\s+\S+\s+מ|אצלנו|החברה שלנו|הלקוחות שלנו|אנחנו מציעים|השארת פרטים/u,
  en: /\b(?:this is \w+ from|calling from|our company|our clients|our customers|we offer|with us|you requested|you left)\b/i,
};

/**
 * Scores each speaker: questions asked, speaking first, company words ("מדבר דני ממגן…", "calling from"),
 * versus objections and needs (customer acts). The top scorer is the agent; confidence grows with the margin.
 */
function heuristic(segments: RawSegment[], labels: string[], lang: Language): RoleAssignment {
  if (labels.length === 1) {
    return { roleOf: new Map([[labels[0], 'agent']]), method: 'heuristic', confidence: 0.3 };
  }
  const score = new Map(labels.map((l) => [l, 0]));
  const turns = new Map(labels.map((l) => [l, 0]));
  segments.forEach((s, i) => {
    const l = s.label ?? '';
    const c = classifyUtterance(s.text, lang);
    let v = 0;
    if (c.isQuestion) v += 1;
    if (COMPANY_WORDS[lang].test(s.text)) v += 2;
    for (const a of c.acts) {
      if (a === 'discovery_question' || a === 'value_statement' || a === 'feature_explanation' || a === 'close_attempt') v += 1;
      if (a === 'opening_agenda' || a === 'next_step' || a === 'social_proof' || a === 'price_mention') v += 1.5;
      if (a === 'objection' || a === 'need_statement' || a === 'buying_signal') v -= 1.5;
    }
    if (i === 0) v += 1;
    score.set(l, score.get(l)! + v);
    turns.set(l, turns.get(l)! + 1);
  });
  const rate = (l: string) => score.get(l)! / Math.max(1, turns.get(l)!);
  const ranked = [...labels].sort((a, b) => rate(b) - rate(a));
  const margin = rate(ranked[0]) - rate(ranked[1]);
  const confidence = Math.round(Math.min(0.95, 0.5 + 0.45 * (1 - Math.exp(-margin))) * 100) / 100;
  const roleOf = new Map(labels.map((l) => [l, l === ranked[0] ? 'agent' : 'customer'] as [string, Speaker]));
  return { roleOf, method: 'heuristic', confidence };
}

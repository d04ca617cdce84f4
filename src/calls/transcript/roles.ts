import { classifyUtterance, normalizeText, type Language, type Speaker } from '../../analysis/index.ts';
import { AppError } from '../../core/index.ts';
import type { RawSegment } from './raw.ts';

/**
 * Who is the agent. Owns the label vocabulary (role words in Hebrew and English, system and narrator labels) and
 * the decision from the call's shape when labels are names: who introduces the company, who is greeted by name,
 * who asks and pitches, who objects. The decision comes with its method, confidence and a reason.
 */

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
/**
 * Labels that are no party to the call: system prompts, narrators, notes, file metadata. Their lines are left
 * out of the conversation (and listed in the role decision).
 */
export const IGNORED_LABELS = [
  'system', 'narrator', 'note', 'notes', 'ivr', 'recording', 'automated message', 'auto attendant', 'voicemail greeting',
  'call id', 'date', 'time', 'duration', 'participants', 'attendees', 'outcome', 'subject', 'title', 'summary', 'call notes',
  'call type', 'location', 'product', 'result', 'from', 'to', 'cc', 'bcc', 'sent', 're', 'fwd',
  'מערכת', 'קריין', 'קריינות', 'הערה', 'הערות', 'הקלטה', 'מענה קולי', 'תאריך', 'משך', 'משתתפים', 'תוצאה', 'סיכום', 'נושא',
];
/**
 * Role words strong enough to decide inside a longer label ("REP_JOHN", "PROSPECT_SARAH", "Brian (Sales Rep)").
 * "Caller" is not among them: in a cold call the caller is the agent.
 */
const STRONG_AGENT_WORDS = ['נציג', 'נציגה', 'סוכן', 'סוכנת', 'מוכר', 'מוכרת', 'agent', 'rep', 'salesperson', 'seller', 'representative', 'csr', 'sdr', 'bdr', 'sales rep', 'account executive', 'account manager', 'sales agent', 'נציג מכירות', 'נציגת מכירות', 'נציג שירות', 'נציגת שירות'];
const STRONG_CUSTOMER_WORDS = ['לקוח', 'לקוחה', 'customer', 'client', 'prospect', 'buyer'];
/** Labels that only hint at a side: the call's shape decides, the hint breaks ties. */
const WEAK_LABELS: Record<string, Speaker> = { caller: 'customer', 'מתקשר': 'customer', 'מתקשרת': 'customer', receiver: 'customer', 'callee': 'customer' };

const norm = (s: string) => normalizeText(s).replace(/[_]/g, ' ').replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();
const AGENT_SET = new Set(AGENT_LABELS.map(norm));
const CUSTOMER_SET = new Set(CUSTOMER_LABELS.map(norm));
const IGNORED_SET = new Set(IGNORED_LABELS.map(norm));
const STRONG_AGENT = new Set(STRONG_AGENT_WORDS.map(norm));
const STRONG_CUSTOMER = new Set(STRONG_CUSTOMER_WORDS.map(norm));

const bare = (label: string) => norm(label).replace(/\s*\d+$/, '');
const isWeak = (label: string) => bare(label) in WEAK_LABELS;

/** 'agent' | 'customer' for a known role label ("נציגה", "Sales Rep 2", "הלקוח", "REP_JOHN", "PROSPECT_SARAH"), else undefined. */
export function roleFromLabel(label: string): Speaker | undefined {
  const l = bare(label);
  for (const cand of [l, l.replace(/^ה/, '')]) {
    if (AGENT_SET.has(cand)) return 'agent';
    if (CUSTOMER_SET.has(cand)) return 'customer';
  }
  // a role word inside a longer label: any one or two consecutive words
  const tokens = l.split(' ');
  for (let n = 2; n >= 1; n--) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const g = tokens.slice(i, i + n).join(' ');
      for (const cand of [g, g.replace(/^ה/, '')]) {
        if (STRONG_AGENT.has(cand)) return 'agent';
        if (STRONG_CUSTOMER.has(cand)) return 'customer';
      }
    }
  }
  return undefined;
}

/** True for labels that are no party to the call (SYSTEM, Narrator, מערכת, file metadata such as "Date"). */
export function isIgnoredLabel(label: string): boolean {
  return IGNORED_SET.has(bare(label));
}

export interface RoleAssignment {
  /** Role per label; labels left out of the call (system, narrator) have none. */
  roleOf: Map<string, Speaker>;
  method: 'labels' | 'named_agent' | 'heuristic';
  confidence: number;
  agent: string[];
  customer: string[];
  ignored: string[];
  reason: string;
}

/** Decide who is the agent: explicit name, then role labels, then the call's shape, with a confidence. */
export function assignRoles(segments: RawSegment[], lang: Language, agentName?: string): RoleAssignment {
  const all = [...new Set(segments.map((s) => s.label ?? ''))];
  const ignored = all.filter((l) => l && isIgnoredLabel(l));
  const labels = all.filter((l) => !ignored.includes(l));
  const spoken = segments.filter((s) => !ignored.includes(s.label ?? ''));
  const done = (roleOf: Map<string, Speaker>, method: RoleAssignment['method'], confidence: number, reason: string): RoleAssignment => ({
    roleOf,
    method,
    confidence: Math.round(confidence * 100) / 100,
    agent: labels.filter((l) => roleOf.get(l) === 'agent'),
    customer: labels.filter((l) => roleOf.get(l) === 'customer'),
    ignored,
    reason,
  });
  if (!labels.length) return done(new Map(), 'heuristic', 0, 'no speaker takes part');
  if (agentName) return done(byName(labels, agentName), 'named_agent', 1, 'named by the user');
  const known = new Map(labels.map((l) => [l, isWeak(l) ? undefined : roleFromLabel(l)] as const));
  const unknown = labels.filter((l) => !known.get(l));
  const knownRoles = new Set([...known.values()].filter(Boolean));
  if (unknown.length === 0 && knownRoles.size === 2) {
    return done(new Map(labels.map((l) => [l, known.get(l)!])), 'labels', 1, 'role labels');
  }
  const shape = scoreShape(spoken, labels, lang);
  // one side labelled, the other named: the named ones are the other side, unless the labelled side is the customer
  // and several names remain (several agents are rare; several buyers are common) — then the shape picks the agent.
  if (knownRoles.size === 1 && unknown.length >= 1) {
    if (knownRoles.has('agent')) {
      return done(new Map(labels.map((l) => [l, known.get(l) ?? 'customer'])), 'labels', 0.9, 'role label for the agent');
    }
    if (unknown.length === 1) return done(new Map(labels.map((l) => [l, known.get(l) ?? 'agent'])), 'labels', 0.9, 'role label for the customer');
    return pickAgent(unknown, labels, shape, known, done);
  }
  if (labels.length === 1) return done(new Map([[labels[0], known.get(labels[0]) ?? 'agent']]), 'heuristic', 0.3, 'one speaker only');
  return pickAgent(unknown.length ? unknown : labels, labels, shape, known, done);
}

function pickAgent(
  candidates: string[],
  labels: string[],
  shape: Map<string, { score: number; reasons: string[] }>,
  known: Map<string, Speaker | undefined>,
  done: (roleOf: Map<string, Speaker>, method: RoleAssignment['method'], confidence: number, reason: string) => RoleAssignment,
): RoleAssignment {
  const ranked = [...candidates].sort((a, b) => shape.get(b)!.score - shape.get(a)!.score);
  const top = ranked[0];
  const margin = shape.get(top)!.score - (ranked.length > 1 ? shape.get(ranked[1])!.score : 0);
  const confidence = Math.min(0.95, 0.5 + 0.45 * (1 - Math.exp(-Math.max(0, margin) / 3)));
  const roleOf = new Map(labels.map((l) => [l, l === top ? 'agent' : known.get(l) === 'agent' ? 'agent' : 'customer'] as [string, Speaker]));
  const why = shape.get(top)!.reasons;
  return done(roleOf, 'heuristic', confidence, why.length ? why.join(', ') : 'no clear sign');
}

function byName(labels: string[], agentName: string): Map<string, Speaker> {
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
  return new Map(labels.map((l) => [l, match.includes(l) ? 'agent' : 'customer'] as [string, Speaker]));
}

/** "This is Maya from Fieldline", "calling from", "thank you for calling", "מדברת נועה מביטוח הגליל". */
const INTRODUCES_COMPANY = {
  he: /(?:מדבר|מדברת|מתקשר|מתקשרת|כאן|שמי)\s+\S+\s+(?:\S+\s+)?מ\S{2,}|אני\s+מ(?!דבר|תקשר|עוניי|בין)\S{2,}|(?:שירות|מוקד)\s+(?:ה)?לקוחות|החברה שלנו|הלקוחות שלנו|אנחנו מציעים|אצלנו/u,
  en: /\b(?:this is|it's|my name is|i'm)\s+\w+(?:\s+\w+)?\s+(?:from|with|at|calling from)\b|\bcalling (?:from|on behalf of)\b|\bthank(?:s| you) for calling\b|\bour (?:company|clients|customers|platform|team)\b|\bwe (?:offer|help|work with)\b/i,
};
/** "Hi Dana", "שלום מיכל": the customer is the one greeted by name at the start. */
const GREETS = { he: /^(?:היי|הי|שלום|בוקר טוב|ערב טוב|אהלן)\s+/u, en: /^(?:hi|hello|hey|good (?:morning|afternoon|evening))\s*,?\s+/i };

/**
 * Scores each speaker on the agent's marks (introduces the company, asks, pitches, asks for the meeting) against
 * the customer's (objections, needs, greeted by name); counts, so a speaker with more of the call weighs more.
 */
function scoreShape(segments: RawSegment[], labels: string[], lang: Language): Map<string, { score: number; reasons: string[] }> {
  const out = new Map(labels.map((l) => [l, { score: 0, reasons: [] as string[] }]));
  const add = (l: string, v: number, why?: string) => {
    const e = out.get(l);
    if (!e) return;
    e.score += v;
    if (why && !e.reasons.includes(why)) e.reasons.push(why);
  };
  const firstName = (l: string) => norm(l).split(' ')[0];
  segments.forEach((s, i) => {
    const l = s.label ?? '';
    if (!out.has(l)) return;
    if (i === 0) add(l, 0.5);
    const c = classifyUtterance(s.text, lang);
    if (INTRODUCES_COMPANY[lang].test(s.text)) add(l, i < 4 ? 4 : 1.5, 'introduced the company');
    let v = 0;
    if (c.isQuestion && !c.acts.includes('objection')) v += 0.5;
    for (const a of c.acts) {
      if (a === 'discovery_question' || a === 'feature_explanation' || a === 'value_statement') v += 1;
      if (a === 'close_attempt' || a === 'next_step' || a === 'opening_agenda') v += 1.5;
      if (a === 'social_proof' || a === 'price_mention') v += 1;
      if (a === 'objection' || a === 'need_statement' || a === 'buying_signal') v -= 1.5;
    }
    if (v > 0) add(l, Math.min(v, 3), 'asked, pitched or proposed next steps');
    else if (v < 0) add(l, Math.max(v, -3), undefined);
    // greeted by name early: the one greeted is the customer
    if (i < 4) {
      const m = GREETS[lang].exec(normalizeText(s.text));
      if (m) {
        const rest = normalizeText(s.text).slice(m[0].length);
        for (const other of labels) {
          const name = firstName(other);
          if (other !== l && name.length >= 2 && new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(rest)) {
            add(other, -2);
            add(l, 1, 'greeted the other side by name');
          }
        }
      }
    }
  });
  for (const l of labels) if (isWeak(l)) add(l, -0.5);
  return out;
}

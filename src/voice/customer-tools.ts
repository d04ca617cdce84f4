/**
 * Server-side answers to the Realtime customer's function tools (spec §3), grounded in the session's stored
 * customer: the persona the persona engine built from the company questionnaire (at the version the session
 * runs with) and the industry pack. `company_objection_handler` picks the objection that matches the topic
 * (company objections first, then the pack's) and says where it comes from; `customer_background_generator`
 * answers with the customer's own facts; `scenario_difficulty_adjuster` returns the directive in force.
 */
import { packFor, type CustomerPersona, type PersonaObjection } from '../personas/index.ts';
import { directiveText } from './customer-instructions.ts';
import type { CustomerToolHandlers, DifficultyDirective, VoicePersona } from './engine.ts';

/** Where an answer came from, so the model (and the transcript's tool log) can tell company data from pack data. */
interface Provenance {
  company: string | null;
  questionnaireVersion: number | null;
  pack: string | null;
}

/** Words that mark an objection's kind in an agent's topic, Hebrew and English. */
const KIND_WORDS: Record<PersonaObjection['kind'], string[]> = {
  price: ['מחיר', 'יקר', 'כסף', 'עלות', 'עולה', 'תשלום', 'פרמיה', 'הנחה', 'שקל', 'price', 'cost', 'expensive', 'money', 'pay', 'discount', 'budget', 'premium'],
  timing: ['זמן', 'עכשיו', 'אחר כך', 'חודש', 'שבוע', 'לחשוב', 'time', 'now', 'later', 'month', 'week', 'think', 'busy'],
  trust: ['אמון', 'לסמוך', 'בטוח', 'המלצה', 'ניסיון', 'trust', 'reliable', 'guarantee', 'reference', 'sure', 'scam'],
  competitor: ['מתחרה', 'חברה אחרת', 'הצעה', 'ספק', 'כבר יש', 'competitor', 'other company', 'offer', 'provider', 'already have', 'current'],
  authority: ['מנהל', 'אישור', 'שותף', 'אשתי', 'בעלי', 'להתייעץ', 'manager', 'approve', 'partner', 'wife', 'husband', 'boss', 'consult'],
  no_need: ['צריך', 'צורך', 'מיותר', 'מסתדר', 'need', 'necessary', 'fine', 'enough', 'covered'],
};

function words(s: string): string[] {
  return s.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter((w) => w.length >= 2);
}

/** How well an objection answers the topic: shared words with its lines, plus its kind's marker words. */
function topicScore(topic: string, kind: PersonaObjection['kind'], lines: string[]): number {
  const t = topic.toLowerCase();
  const tw = new Set(words(topic));
  let score = 0;
  for (const w of KIND_WORDS[kind]) if (t.includes(w)) score += 2;
  for (const l of lines) for (const w of words(l)) if (w.length >= 3 && tw.has(w)) score += 1;
  return score;
}

/** The stored customer persona inside a session's persona snapshot (persona engine: `{customer, offline}`). */
export function personaOfSnapshot(snapshot: unknown): CustomerPersona | null {
  const s = snapshot as { customer?: unknown; objections?: unknown } | null | undefined;
  if (!s || typeof s !== 'object') return null;
  const c = (s.customer ?? s) as Partial<CustomerPersona>;
  return Array.isArray(c.objections) && typeof c.name === 'string' ? (c as CustomerPersona) : null;
}

export function customerTools(voice: VoicePersona, snapshot: unknown, directive: () => DifficultyDirective): CustomerToolHandlers {
  const p = personaOfSnapshot(snapshot);
  const lang = voice.language;
  const he = lang === 'he';
  const provenance: Provenance = {
    company: p?.provenance.companyName ?? null,
    questionnaireVersion: p?.provenance.questionnaireVersion ?? null,
    pack: p?.provenance.packId ?? null,
  };
  const raised = new Set<string>();
  const objections = [...(p?.objections ?? [])].sort((a, b) => a.order - b.order);
  let packUsed = 0;

  const fromPack = (topic: string) => {
    if (!p) return null;
    const pack = packFor(p.provenance.packId);
    const candidates = pack.objections
      .map((o, i) => ({ i, kind: o.kind, lines: o.phrasings[lang], pushbacks: o.pushbacks[lang] }))
      .filter((o) => o.lines.length > 0);
    if (candidates.length === 0) return null;
    const best = topic ? candidates.map((c) => ({ c, s: topicScore(topic, c.kind, c.lines) })).sort((a, b) => b.s - a.s)[0] : null;
    const pick = best && best.s > 0 ? best.c : candidates[packUsed++ % candidates.length];
    const fill = (s: string) => genderizeLine(s.replace(/\{price\}/g, p.decision.budget.text), p.gender);
    return { objection: fill(pick.lines[0]), kind: pick.kind, source: 'pack' as const, alsoSay: pick.lines.slice(1, 3).map(fill), pushback: pick.pushbacks[0] ? fill(pick.pushbacks[0]) : null };
  };

  return {
    company_objection_handler: ({ topic }) => {
      const t = (topic ?? '').trim();
      if (!p) {
        return { objection: null, note: he ? 'אין מאגר התנגדויות לשיחה הזו; הגב/י לפי הדמות.' : 'No objection bank for this call; react in character.', provenance };
      }
      const open = objections.filter((o) => !raised.has(o.id));
      let pick: PersonaObjection | undefined;
      if (t) {
        const scored = objections.map((o) => ({ o, s: topicScore(t, o.kind, [o.text, ...o.phrasings]) + (raised.has(o.id) ? 0 : 0.5) })).sort((a, b) => b.s - a.s);
        if (scored[0] && scored[0].s >= 2) pick = scored[0].o;
      }
      pick ??= open[0];
      if (!pick) {
        // every objection of the persona is out: the pack's bank for this market, matched to the topic
        const packed = fromPack(t);
        if (packed) return { ...packed, topic: t || null, remaining: 0, provenance };
        return { objection: null, note: he ? 'העלית כבר את כל ההתנגדויות שלך; הגב/י לפי הדמות.' : 'You have raised all your objections; react in character.', provenance };
      }
      const again = raised.has(pick.id);
      raised.add(pick.id);
      return {
        objection: pick.text,
        kind: pick.kind,
        source: pick.source,
        alreadyRaised: again,
        alsoSay: pick.phrasings.slice(0, 2),
        pushback: pick.pushbacks[0] ?? null,
        intensity: pick.intensity,
        resolvedWhen: pick.resolveHint,
        topic: t || null,
        remaining: objections.filter((o) => !raised.has(o.id)).length,
        provenance,
      };
    },

    customer_background_generator: ({ aspect }) => {
      const a = (aspect ?? '').trim();
      if (!p) {
        return { aspect: a || null, name: voice.name, role: voice.card.role ?? null, background: voice.card.summary ?? null, provenance };
      }
      const facts = {
        name: p.name,
        age: p.age,
        role: p.role,
        organization: p.organization,
        background: p.background,
        currentSituation: p.currentSituation,
        budget: p.decision.budget.text,
        timeline: p.decision.timeline,
        decidesAlone: p.decision.authority === 'sole',
        decisionMakers: p.decision.decisionMakers,
        currentProvider: p.competitor ? { name: p.competitor.name, offer: p.competitor.offer } : null,
        mentionInPassing: p.plantedDetails.map((d) => d.text),
      };
      return { aspect: a || null, answer: a ? answerFor(a, facts) : null, ...facts, provenance };
    },

    scenario_difficulty_adjuster: ({ observation }) => {
      const d = directive();
      return {
        level: d.level,
        directive: directiveText(d, lang, voice.gender ?? p?.gender),
        extraObjections: d.extraObjections ?? (d.level === 'challenging' ? 1 : 0),
        timePressure: d.timePressure ?? d.level === 'challenging',
        patience: d.level === 'supportive' ? 'high' : d.level === 'challenging' ? 'low' : 'as the persona',
        observation: observation?.trim() || null,
      };
    },
  };
}

/** The fact that answers one aspect ("budget", "current insurer", "משפחה"…), or null when none matches. */
function answerFor(aspect: string, f: { budget: string; timeline: string; currentProvider: { name: string; offer: string } | null; background: string; currentSituation: string; role: string; organization: string | null; decisionMakers: string[]; decidesAlone: boolean }): string | null {
  const a = aspect.toLowerCase();
  const has = (...ws: string[]) => ws.some((w) => a.includes(w));
  if (has('budget', 'price', 'money', 'afford', 'תקציב', 'כסף', 'מחיר', 'לשלם')) return f.budget;
  if (has('timeline', 'when', 'time', 'deadline', 'מתי', 'זמן', 'לוח')) return f.timeline;
  if (has('insurer', 'provider', 'competitor', 'current', 'supplier', 'vendor', 'ספק', 'מתחרה', 'חברת', 'מבטח', 'הצעה'))
    return f.currentProvider ? `${f.currentProvider.name}: ${f.currentProvider.offer}` : f.currentSituation;
  if (has('job', 'work', 'role', 'company', 'business', 'עבודה', 'תפקיד', 'עסק', 'חברה')) return f.organization ? `${f.role}, ${f.organization}` : f.role;
  if (has('decide', 'decision', 'approve', 'partner', 'spouse', 'מחליט', 'החלטה', 'אישור', 'שותף')) return f.decidesAlone ? 'decides alone' : f.decisionMakers.join(', ');
  if (has('family', 'kids', 'children', 'history', 'background', 'משפחה', 'ילדים', 'רקע')) return f.background;
  return null;
}

function genderizeLine(text: string, gender: 'female' | 'male'): string {
  return text.replace(/\[([^[\]|]*)\|([^[\]|]*)\]/g, (_m, masc: string, fem: string) => (gender === 'male' ? masc : fem));
}

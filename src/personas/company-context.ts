import { OBJECTION_KINDS, type Language, type ObjectionKind } from '../analysis/index.ts';
import { AppError, describeIssues } from '../core/index.ts';
import { questionnaireSchema, type Questionnaire } from '../org/questionnaire.ts';
import { packFor, type IndustryPack, type PackPersona, type SaidFact } from './packs/index.ts';
import type { Technique } from './techniques.ts';
import { opensWithVerb, spokenMoney, textLanguage } from './text.ts';

/** A questionnaire at an exact version (what personas record). */
export interface QuestionnaireAtVersion {
  version: number;
  data: Questionnaire;
  companyId?: string;
}

export interface ContextObjection {
  kind: ObjectionKind;
  /** Customer line in the context language; may hold `[m|f]` forms and `{slot}`s. */
  text: string;
  source: 'company' | 'pack';
  /** The company's own answer, or the pack's model answer. */
  answer?: string;
  techniques: Technique[];
  /** Lines for pressing on after a weak answer. */
  pushbacks: string[];
}

export interface ContextHiddenNeed {
  id: string;
  need: string;
  reveal: string[];
  topics: string[];
  source: 'company' | 'pack';
}

export interface TechnicalQuestion {
  text: string;
  source: 'company' | 'pack';
  /** What a correct answer contains, from the questionnaire (absent for pack questions). */
  answerHint?: string;
}

export interface ConversationStyle {
  audience: 'B2B' | 'B2C';
  formality: number;
  description: string;
  decisionMakers: string[];
  nextStep: string;
}

/** The company's market as a persona sees it, in one language, from one exact questionnaire version. */
export interface CompanyContext {
  companyId?: string;
  companyName: string;
  questionnaireVersion: number;
  sector: Questionnaire['sector'];
  packId: string;
  language: Language;
  audience: Questionnaire['audience'];
  products: { types: string[]; details: string; averageDealSize: number; currency: Questionnaire['currency']; price: string };
  competitors: { name: string; notes?: string }[];
  differentiator: string;
  benefits: string[];
  /** Company objection bank first (per kind), then the industry pack. */
  objections: ContextObjection[];
  pains: { text: string; source: 'company' | 'pack' }[];
  terms: { term: string; meaning: string }[];
  decisionMakers: string[];
  styles: Record<'B2B' | 'B2C', ConversationStyle>;
  hiddenNeeds: ContextHiddenNeed[];
  buyingSignals: string[];
  technicalQuestions: TechnicalQuestion[];
  /** What the customer has today: a description and the customer's own first-person words (`[m|f]` forms). */
  currentSituations: SaidFact[];
  personaTemplates: PackPersona[];
  nextStep: string;
  playbook: string;
  /** Plain-language notes about what was used and why (e.g. material in another language). */
  notes: string[];
}

const STOP_HE = new Set(['של', 'על', 'את', 'עם', 'לא', 'בלי', 'כל', 'מה', 'זה', 'גם', 'או', 'אם', 'יותר', 'אני', 'הוא', 'היא', 'שלא']);
const STOP_EN = new Set(['the', 'a', 'an', 'of', 'on', 'for', 'with', 'without', 'and', 'or', 'not', 'to', 'in', 'is', 'are', 'does', 'that', 'what', 'they', 'their']);

/** Content words of a phrase, for matching discovery questions to a need. */
export function topicWords(text: string, language: Language): string[] {
  const stop = language === 'he' ? STOP_HE : STOP_EN;
  return [...new Set(text.toLowerCase().replace(/[^\p{L}\s]/gu, ' ').split(/\s+/).filter((w) => w.length >= 3 && !stop.has(w)))].slice(0, 6);
}

/** Builds the company context for a session language (default: the questionnaire's language). */
export function buildCompanyContext(q: QuestionnaireAtVersion, opts: { language?: Language } = {}): CompanyContext {
  const parsed = questionnaireSchema.safeParse(q.data);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', `The company questionnaire (version ${q.version}) is incomplete: ${describeIssues(parsed.error)}`);
  const d = parsed.data;
  const lang = opts.language ?? d.language;
  const pack = packFor(d.sector);
  const notes: string[] = [];
  const sameLang = (s: string) => textLanguage(s) === lang;

  const companyObjections = d.objectionBank.filter((o) => sameLang(o.text));
  if (companyObjections.length < d.objectionBank.length) {
    notes.push(lang === 'he'
      ? `${d.objectionBank.length - companyObjections.length} התנגדויות מהמאגר של החברה כתובות בשפה אחרת; במקומן משמשות התנגדויות מחבילת הענף.`
      : `${d.objectionBank.length - companyObjections.length} of the company's objections are in another language; industry-pack objections stand in for them.`);
  }
  const objections: ContextObjection[] = [];
  for (const kind of OBJECTION_KINDS) {
    const po = pack.objections.find((o) => o.kind === kind);
    for (const o of companyObjections.filter((x) => x.kind === kind)) {
      const answer = o.answer && sameLang(o.answer) ? o.answer : po?.answers[0]?.[lang];
      objections.push({ kind, text: o.text, source: 'company', answer, techniques: po?.answers[0]?.techniques ?? ['acknowledge', 'clarifying_question'], pushbacks: po?.pushbacks[lang] ?? [] });
    }
    if (!po) continue;
    po.phrasings[lang].forEach((text, i) => {
      const a = po.answers[i % po.answers.length];
      objections.push({ kind, text, source: 'pack', answer: a[lang], techniques: a.techniques, pushbacks: po.pushbacks[lang] });
    });
  }

  const companyPains = d.customerPains.filter(sameLang);
  const pains = [...companyPains.map((text) => ({ text, source: 'company' as const })), ...pack.pains[lang].map((text) => ({ text, source: 'pack' as const }))];

  const hiddenNeeds: ContextHiddenNeed[] = [
    ...companyPains.map((pain, i) => ({
      id: `company_pain_${i + 1}`,
      need: pain,
      reveal: [lang === 'he' ? (opensWithVerb(pain) ? `האמת? מה שבאמת מטריד אותי זה שאני ${pain}.` : `האמת? מה שבאמת מטריד אותי: ${pain}.`) : `Honestly? What really bothers me: ${pain.charAt(0).toLowerCase()}${pain.slice(1)}.`],
      topics: topicWords(pain, lang),
      source: 'company' as const,
    })),
    ...pack.hiddenNeeds.map((n) => ({ id: n.id, need: n.need[lang], reveal: n.reveal[lang], topics: n.topics[lang], source: 'pack' as const })),
  ];

  const price = spokenMoney(d.averageDealSize, d.currency, lang);
  const productTypes = d.productTypes.filter(sameLang);
  const competitors = competitorsFor(d.competitors, lang, pack, notes);
  const technicalQuestions = [...companyQuestions(d, lang, productTypes, price, competitors), ...pack.technicalQuestions[lang].map((text) => ({ text, source: 'pack' as const }))];
  if (!sameLang(d.productDetails)) {
    notes.push(lang === 'he' ? 'פרטי המוצר כתובים בשפה אחרת; השאלות המקצועיות נלקחו מחבילת הענף.' : 'The product details are written in another language; technical questions come from the industry pack.');
  }

  const decisionMakers = d.decisionMakers.filter(sameLang);
  // An English session of a Hebrew-named company says what the company is instead of Hebrew script.
  const companyName = sameLang(d.companyName) || lang === 'he' ? d.companyName : `the ${pack.label.en.toLowerCase()} company`;
  const terms = [
    ...pack.terms.map((t) => ({ term: t[lang], meaning: t.meaning[lang] })),
    ...productTypes.map((t) => ({ term: t, meaning: lang === 'he' ? `מוצר של ${companyName}` : `a ${companyName} product` })),
  ];

  return {
    companyId: q.companyId,
    companyName,
    questionnaireVersion: q.version,
    sector: d.sector,
    packId: pack.id,
    language: lang,
    audience: d.audience,
    products: { types: productTypes, details: sameLang(d.productDetails) ? d.productDetails : '', averageDealSize: d.averageDealSize, currency: d.currency, price },
    competitors,
    differentiator: d.differentiator,
    benefits: d.benefits.filter(sameLang),
    objections,
    pains,
    terms,
    decisionMakers,
    styles: { B2B: styleFor('B2B', lang, pack, decisionMakers), B2C: styleFor('B2C', lang, pack, decisionMakers) },
    hiddenNeeds,
    buyingSignals: pack.buyingSignals[lang],
    technicalQuestions,
    currentSituations: pack.currentSituations[lang],
    personaTemplates: pack.personas,
    nextStep: pack.nextStep[lang],
    playbook: sameLang(d.playbook) ? d.playbook : '',
    notes,
  };
}

function styleFor(audience: 'B2B' | 'B2C', lang: Language, pack: IndustryPack, decisionMakers: string[]): ConversationStyle {
  const packDm = pack.personas.filter((p) => p.audience === audience).flatMap((p) => p.otherDecisionMakers[lang]);
  const dms = [...new Set([...decisionMakers, ...packDm])];
  if (audience === 'B2B') {
    return {
      audience, formality: 0.6, decisionMakers: dms, nextStep: pack.nextStep[lang],
      description: lang === 'he'
        ? 'שיחה עניינית בין אנשי מקצוע: החזר השקעה, סיכון, תהליך החלטה ותקציב. יש יותר ממקבל החלטה אחד, והלקוח מצפה שהנציג יבין את העסק שלו.'
        : 'A business conversation between professionals: return on investment, risk, the decision process and budget. There is more than one decision maker and the customer expects the agent to understand their business.',
    };
  }
  return {
    audience, formality: 0.25, decisionMakers: dms, nextStep: pack.nextStep[lang],
    description: lang === 'he'
      ? 'שיחה ישירה ולא רשמית, בגובה העיניים ("דוגרי"): הלקוח מחליט מהבטן ומהכיס, לעתים קרובות יחד עם בן או בת הזוג, ושונא להרגיש שמוכרים לו.'
      : 'A direct, informal conversation: the customer decides from the gut and the wallet, often together with a spouse, and hates feeling sold to.',
  };
}

/** Technical questions built from the questionnaire's product information, with what a good answer contains. */
function companyQuestions(d: Questionnaire, lang: Language, productTypes: string[], price: string, competitors: CompanyContext['competitors']): TechnicalQuestion[] {
  const out: TechnicalQuestion[] = [];
  const details = textLanguage(d.productDetails) === lang ? d.productDetails : undefined;
  for (const t of productTypes.slice(0, 3)) {
    out.push({ text: lang === 'he' ? `מה בדיוק כולל ${t} אצלכם, ומה לא מכוסה?` : `What exactly does your ${t} include, and what is not covered?`, source: 'company', answerHint: details });
  }
  out.push({ text: lang === 'he' ? `אמרו לי שזה בערך ${price} — מה בדיוק כלול במחיר הזה?` : `I was told it is about ${price} — what exactly does that price include?`, source: 'company', answerHint: details });
  if (textLanguage(d.differentiator) === lang) {
    out.push({ text: lang === 'he' ? 'במה אתם באמת שונים מכל השאר? תן לי דוגמה אמיתית.' : 'How are you really different from everyone else? Give me a real example.', source: 'company', answerHint: d.differentiator });
  }
  const benefit = d.benefits.find((b) => textLanguage(b) === lang);
  if (benefit) {
    out.push({ text: lang === 'he' ? `כתוב אצלכם "${benefit}" — איך זה עובד בפועל?` : `You say "${benefit}" — how does that work in practice?`, source: 'company', answerHint: benefit });
  }
  const comp = competitors[0];
  if (comp) {
    const hint = [d.differentiator, comp.notes].filter((x): x is string => !!x && textLanguage(x) === lang).join(' — ');
    out.push({ text: lang === 'he' ? `מה ההבדל בינכם לבין ${comp.name}?` : `What is the difference between you and ${comp.name}?`, source: 'company', answerHint: hint || undefined });
  }
  return out;
}

/**
 * Competitors as a customer in the session language names them. Hebrew names in an English session become the
 * pack's English name for a known market player; unknown ones are left out, and when none is left the pack's
 * well-known players stand in, so English lines never carry Hebrew script.
 */
function competitorsFor(list: Questionnaire['competitors'], lang: Language, pack: IndustryPack, notes: string[]): CompanyContext['competitors'] {
  if (lang === 'he') return list;
  const out: CompanyContext['competitors'] = [];
  let dropped = 0;
  for (const c of list) {
    if (textLanguage(c.name) === 'en') { out.push(c); continue; }
    const known = pack.competitors.find((k) => k.he === c.name.trim());
    if (known) out.push({ name: known.en, notes: c.notes && textLanguage(c.notes) === 'en' ? c.notes : undefined });
    else dropped++;
  }
  if (dropped > 0) notes.push(`${dropped} competitor name(s) are written in Hebrew with no known English name and were left out of the English persona.`);
  if (out.length === 0 && list.length > 0) out.push(...pack.competitors.map((k) => ({ name: k.en })));
  return out;
}

import type { Language, ObjectionKind } from './taxonomy.ts';
import type { ClassifiedSegment, Sentence } from './segments.ts';
import { normalizeText } from './text.ts';

/**
 * The conversation's structure above single utterances (issue 14 item 2): which customer objections are real in
 * context, how the agent responded to each (acknowledge, explore, reframe with value, argue, concede, ignore), where
 * the customer refused for good, which agent lines recap the customer's words, and how the call ended, read from the
 * customer's side. Rules a sales trainer would state, in Hebrew and English.
 */

/** How the agent met an objection; 'answer' is a plain reply to it with neither recognition nor value. */
export type ResponseType = 'acknowledge' | 'explore' | 'reframe' | 'argue' | 'concede' | 'answer' | 'ignore';
export type Outcome = 'agreed' | 'postponed' | 'refused';

export interface ObjectionPair {
  /** The customer segment and sentence that raise the objection. */
  objection: ClassifiedSegment;
  sentence: Sentence;
  kind: ObjectionKind;
  /** The agent's reply (next two agent turns), empty when the call ended or moved on. */
  reply: ClassifiedSegment[];
  types: Set<ResponseType>;
  /** Acknowledged or explored it, and answered it without arguing. */
  handled: boolean;
}

export interface ConversationStructure {
  objections: ObjectionPair[];
  /** Index of the customer segment with a clear, final refusal ("take me off your list"), if any. */
  refusalAt: number | null;
  /** Agent segments after a clear refusal that pitch, push or propose anyway. */
  pushedAfterRefusal: ClassifiedSegment[];
  /** Agent segments that recap or paraphrase what the customer said. */
  summaries: ClassifiedSegment[];
  /** Agent segments that acknowledge the customer (lexicon acts or recognition phrases). */
  acknowledgements: ClassifiedSegment[];
  outcome: Outcome | null;
}

/** Phrases that recognise what the customer said ("I appreciate you being direct", "מעריך את הכנות"). */
const RECOGNISE = {
  he: /(?:^|[\s,])(?:אוי|זה כואב|כואב|מתסכל|מבאס|לא נעים|מצטער|מצטערת|איזה יופי|שמח לשמוע|שמחה לשמוע|מבין|מבינה|הבנתי|שאלה טובה|נקודה טובה|צודק|צודקת|מעריך|מעריכה|אני שומע|אני שומעת|הגיוני|לגמרי|ברור לי|בהחלט|זה הוגן|הוגן)(?=[\s,.!?]|$)/u,
  en: /\b(?:ouch|that must (?:be|have been)|that sounds (?:tough|hard|painful|exhausting|frustrating|stressful|awful)|great to hear|glad to hear|good to hear|i appreciate|appreciate (?:you|that|your)|that's fair|that is fair|fair (?:enough|question|point)|makes sense|good question|great question|i hear you|got it|understood|i see|totally understand|i understand|you're right|that's a (?:good|great|fair) (?:point|question))\b/i,
};
/** A recap of the customer's words: "if I'm hearing you right", "so the core issues are", "אם הבנתי נכון". */
const RECAP = {
  he: /אם הבנתי נכון|אם אני מבין נכון|אם אני מבינה נכון|רק לוודא שהבנתי|לוודא שהבנתי|אז מה שאת(?:ה)? אומר(?:ת)?|כלומר|בעצם את(?:ה)? אומר(?:ת)?|אם אני מסכם|אם אני מסכמת|בוא(?:י)? נסכם|לסכם|אז יש (?:פה )?(?:שני|שלושה|כמה) דברים|אז בעצם|נשמע ש(?:את|אתה|אתם)|מה ששמעתי/u,
  en: /\b(?:if i'?m hearing you (?:right|correctly)|if i understand(?: you)?(?: correctly| right)?|let me make sure i (?:understand|got|have) (?:this|that|it)|so what you'?re saying|what i'?m hearing|so you'?re saying|to (?:sum|summari[sz]e|recap)|let me (?:recap|summari[sz]e)|just to (?:make sure|confirm) i|so the (?:core|main|key|big) (?:issues?|problems?|things?|points?)|it sounds like (?:you|your|the)|sounds like (?:you|your))/i,
};
/** A tag that asks the customer to confirm the recap: "Fair?", "right?", "נכון?". */
const CONFIRM_TAG = { he: /(?:נכון|כן|הבנתי נכון|זה מדויק)\s*\?\s*$/u, en: /\b(?:fair|right|correct|is that right|did i get that right|does that sound right|is that fair|accurate)\s*\?\s*$/i };
/** A sentence that draws the conclusion of what was said: "So …", "אז …", "כלומר …". */
const SO_START = { he: /^(?:אוקיי,?\s*|טוב,?\s*)?(?:אז|כלומר|בעצם)\s/u, en: /^(?:okay,?\s*|ok,?\s*|right,?\s*)?so,?\s/i };
/** The agent talking about the company, not about the customer. */
const OURS = { he: /שלנו|אנחנו|אצלנו/u, en: /\b(?:our|we|us)\b/i };
/** Arguing with an objection instead of exploring it; "I understand, but…" is the "yes, but" that erases the acknowledgement. */
const ARGUE = {
  he: /(?:מבין|מבינה|כן|נכון|בסדר|ברור),?\s+אבל\s|זה לא יקר|לא יקר בכלל|זה מחיר (?:טוב|מצוין)|כולם (?:עוברים|משדרגים|לוקחים)|אתה טועה|את טועה|תסמוך עליי|תסמכי עליי|אין מצב ש|לא תמצא(?:י)? (?:כלום|יותר טוב)|זה השוק|זה הנוהל|זו זכותך|אבל (?:החבילה|הביטוח|זה) (?:שלך|לא)|בטח יקרה יותר|זה שווה כל שקל|המבצע (?:הוא )?רק|רק עד סוף/u,
  en: /\b(?:(?:i get it|i understand|i hear you|yeah|yes|sure|right|okay|ok),? but\b|but think about it|like i said|as i said|it'?s actually (?:really )?(?:good|great|cheap)|it(?:'s| is) not (?:expensive|that expensive)|you get what you pay for|trust me|you'?ll regret|you(?:'re| are) wrong|those guys|everyone (?:switches|upgrades)|you really should|the price goes up|only (?:until|till) the end|but (?:our|we|if i could just)|most people who switch)\b/i,
};
/** Giving way respectfully: "no problem, I'll take you off the list", "בסדר גמור, אוריד אותך". */
const CONCEDE = {
  he: /(?:אוריד|אסיר|נוריד|נסיר)\s+(?:אותך|אותכם)|בסדר גמור,? (?:לא אפריע|תודה)|סליחה על ההפרעה|לא אטריד/u,
  en: /\b(?:i'?ll (?:take|remove) you off|remove you from|no problem,? (?:i'?ll|thanks)|sorry (?:to bother|for bothering|for the interruption)|i won'?t (?:call|bother) you)\b/i,
};
/** A clear, final no: the customer asks to be left alone or hangs up. */
const FINAL_NO = {
  he: /תוריד(?:ו)? אותי|תסיר(?:ו)? אותי|אל תתקשר|אל תתקשרו|לא מעוניין,? (?:תודה,? )?ביי|אמרתי ש(?:אני )?לא|לא\.\s*ביי|מנתק|מנתקת/u,
  en: /\b(?:take me off|remove me from|don'?t call (?:me|again)|stop calling|i said (?:no|i'?m not)|hangs up|no\.\s*goodbye|not interested\.\s*(?:please|goodbye|bye))/i,
};
/** Customer words that accept: "let's do it", "Tuesday at three works", "סוגרים", "בסדר, נבוא". */
const ACCEPT = {
  he: /(?:^|[\s,])(?:סוגרים|סגור|מתאים(?: לי| לנו)?|בסדר,? נבוא|נבוא|בוא נעשה את זה|בואי נעשה את זה|מעולה,? (?:קבענו|סגרנו)|אני משלמת|אני משלם|שלח,|שלחי,|קבענו|בשמחה|אם ככה,? בסדר|זה בסדר)(?=[\s,.!?]|$)|(?:ראשון|שני|שלישי|רביעי|חמישי)\s+ב\S+\.?$/u,
  en: /\b(?:let'?s do it|let'?s go ahead|sounds good|works for (?:me|us|both)|(?:that|it) works|is fine|i'?ll bring|we'?re in|deal|sign me up|go ahead with|book it|that'?s more reasonable|perfect,? (?:thanks|see you))\b/i,
};
/** Customer words that put the decision off: "send me something", "I'll think about it", "תשלח לי". */
const POSTPONE = {
  he: /תשלח(?:י)? לי|אחשוב|אני אחשוב|צריך לחשוב|צריכה לחשוב|אבדוק|לבדוק עם|להתייעץ|אולי בפעם|אולי (?:בהמשך|אחר כך)|לא יודע|לא יודעת|לא בטוח|לא בטוחה|נדבר/u,
  en: /\b(?:send (?:me|it|something|over)|think about it|think it over|check with|talk to my|run it by|maybe|not sure|i don'?t know|i guess|i'?ll (?:have to )?(?:check|see|look)|call me (?:back|later|next)|okay\.?$|fine\.?\s*(?:thanks|bye)?\.?$)/i,
};
/**
 * Objections the single-utterance lexicon can miss but a trainer hears in context: a price reaction ("that's a lot",
 * "זה הרבה"), a hesitation after a proposal ("not sure it's for me", "לא בטוח שזה מתאים לי"), a polite no.
 */
const CONTEXT_OBJECTION: Record<Language, [RegExp, ObjectionKind][]> = {
  he: [
    [/(?:זה|זו|זאת)\s+הרבה(?:\s+כסף)?|הרבה כסף|מעל התקציב|יקר(?:ה)? לי|לא שווה לי/u, 'price'],
    [/לא בטוח(?:ה)? ש(?:זה|זו)\s+(?:מתאים|מתאימה|רלוונטי)|לא (?:מתאים|רלוונטי) לי(?:\s+כרגע)?|אולי בפעם אחרת|לא כרגע/u, 'timing'],
    [/^לא,?\s*תודה|לא מעוניי/u, 'no_need'],
  ],
  en: [
    [/\b(?:that'?s|it'?s) (?:a lot|too much|steep)\b|\bover (?:our|my) budget\b|\bmore than (?:i|we) (?:pay|expected)\b/i, 'price'],
    [/\bnot sure (?:it'?s|this is|that'?s) (?:for me|for us|right|a fit)\b|\bmaybe (?:another time|later|next)\b|\bnot (?:right )?now\b/i, 'timing'],
    [/^no,?\s*thanks?\b|^no thank you\b|\bnot interested\b/i, 'no_need'],
  ],
};

/** Words that reject whatever the question was. */
const REJECT_WORDS = { he: /לא מעוניי|לא צריך|לא רלוונטי|לא מתאים|יקר/u, en: /\b(?:not interested|don'?t need|no need|not for (?:me|us)|expensive|can'?t afford|no thanks)\b/i };
/** Agent questions after which a short "no" is an answer, not an objection: "any questions?", "יש עוד משהו?". */
const WRAP_UP_QUESTION = {
  he: /(?:יש|עוד)\s+(?:לך|לכם)?\s*(?:שאלות|שאלה|משהו)|עוד משהו|עוד שאלה|משהו נוסף/u,
  en: /\b(?:any (?:other )?questions|anything else|any other|questions for me|is there anything)\b/i,
};
/** Agent offers, pitches and pushes: what a clear refusal should stop. */
const PUSH_ACTS = ['close_attempt', 'next_step', 'value_statement', 'feature_explanation', 'price_mention', 'social_proof'] as const;

const isAgent = (s: ClassifiedSegment) => s.speaker === 'agent';

/** The agent's reply to a customer segment: the next `turns` agent turns (customer backchannels aside). */
export function replyAfter(segs: ClassifiedSegment[], seg: ClassifiedSegment, turns = 2): ClassifiedSegment[] {
  const out: ClassifiedSegment[] = [];
  let agentTurns = 0;
  let inAgent = false;
  for (const s of segs.slice(seg.index + 1)) {
    if (isAgent(s)) {
      if (!inAgent) agentTurns++;
      if (agentTurns > turns) break;
      inAgent = true;
      out.push(s);
    } else if (!s.backchannel) {
      inAgent = false;
    }
  }
  return out;
}

/** The last agent segment before a customer segment (the thing the customer answers). */
function promptOf(segs: ClassifiedSegment[], seg: ClassifiedSegment): ClassifiedSegment | undefined {
  for (let i = seg.index - 1; i >= 0; i--) if (isAgent(segs[i])) return segs[i];
  return undefined;
}

/** Content words (4+ letters) for a paraphrase check. */
function contentWords(text: string): Set<string> {
  // a crude stem (first five letters) so "claim"/"claims" and "ביטוח"/"ביטוחים" meet
  return new Set(normalizeText(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4).map((w) => w.slice(0, 5)));
}

/** Whether an agent segment recaps the customer: a recap phrase, or "so …" closing with "right?"/"נכון?" over the customer's own words. */
export function isRecap(seg: ClassifiedSegment, before: ClassifiedSegment[], lang: Language): boolean {
  if (RECAP[lang].test(seg.text)) return true;
  const said = new Set<string>();
  for (const c of before.filter((x) => x.speaker === 'customer').slice(-4)) for (const w of contentWords(c.text)) said.add(w);
  const reuses = (text: string) => [...contentWords(text)].filter((w) => said.has(w)).length >= 3;
  // "…, fair?" / "…, נכון?" over the customer's own words
  if (CONFIRM_TAG[lang].test(seg.text.trim()) && seg.words >= 8 && reuses(seg.text)) return true;
  // "So the premium isn't the main thing, it's how fast…" / "אז מה שחשוב לך…": a "so" sentence in the customer's words
  const reuses2 = (text: string) => [...contentWords(text)].filter((w) => said.has(w)).length >= 2;
  const pitch = (x: { cls: { acts: string[] } }) => x.cls.acts.some((a) => a === 'feature_explanation' || a === 'value_statement' || a === 'price_mention');
  return seg.sentences.some((x) => SO_START[lang].test(x.text) && x.cls.wordCount >= 8 && !x.cls.isQuestion && !pitch(x) && !OURS[lang].test(x.text) && reuses2(x.text));
}

/** Whether an agent segment recognises what the customer said; "I understand, but you're wrong" does not. */
export function recognises(seg: ClassifiedSegment, lang: Language): boolean {
  if (ARGUE[lang].test(seg.text)) return false;
  return seg.acts.has('acknowledgement') || seg.acts.has('empathy') || RECOGNISE[lang].test(seg.text);
}

/** Read the conversation's structure from classified segments. */
export function readStructure(segs: ClassifiedSegment[], lang: Language): ConversationStructure {
  const customer = segs.filter((s) => !isAgent(s));
  const refusal = customer.find((s) => FINAL_NO[lang].test(s.text.trim()) && (s.acts.has('objection') || /\b(?:no|not|off)\b|לא|תוריד|ביי/iu.test(s.text)));
  const refusalAt = refusal ? refusal.index : null;
  const pushedAfterRefusal = refusalAt === null ? [] : segs.filter((s) => isAgent(s) && s.index > refusalAt && PUSH_ACTS.some((a) => s.acts.has(a)) && !CONCEDE[lang].test(s.text));

  const objections: ObjectionPair[] = [];
  for (const c of customer) {
    const sentence = objectionSentence(segs, c, lang);
    if (!sentence) continue;
    const reply = replyAfter(segs, c);
    const types = responseTypes(reply, lang, refusalAt !== null && c.index >= refusalAt);
    objections.push({
      objection: c,
      sentence,
      kind: sentence.cls.objectionKind ?? 'no_need',
      reply,
      types,
      handled: !types.has('argue') && !types.has('ignore') && (types.has('acknowledge') || types.has('explore') || types.has('concede')) && (types.has('explore') || types.has('reframe') || types.has('concede')),
    });
  }

  const summaries: ClassifiedSegment[] = [];
  const lastCustomer: ClassifiedSegment[] = [];
  for (const s of segs) {
    if (!isAgent(s)) {
      lastCustomer.push(s);
      if (lastCustomer.length > 4) lastCustomer.shift();
    } else if (s.index > 0 && isRecap(s, lastCustomer, lang)) {
      summaries.push(s);
    }
  }
  const acknowledgements = segs.filter((s) => isAgent(s) && s.index > 0 && (refusalAt === null || s.index < refusalAt) && recognises(s, lang));
  return { objections, refusalAt, pushedAfterRefusal, summaries, acknowledgements, outcome: readOutcome(segs, lang, refusalAt) };
}

/**
 * The objection in a customer segment, judged in context: a short "no" to "any questions?" is an answer, and a
 * short "I'm not." / "לא." to "are you interested?" or to a proposal is a refusal the lexicon may not see.
 */
function objectionSentence(segs: ClassifiedSegment[], c: ClassifiedSegment, lang: Language): Sentence | undefined {
  const prompt = promptOf(segs, c);
  if (prompt && WRAP_UP_QUESTION[lang].test(prompt.text) && c.words <= 8) return undefined;
  const s = c.sentences.find((x) => x.cls.acts.includes('objection'));
  if (s) {
    // "we have cover through work…" in answer to "what made you reach out?" describes the situation; it objects to nothing
    const situational = s.cls.objectionKind === 'no_need' || s.cls.objectionKind === 'competitor' || s.cls.objectionKind === 'authority';
    const asked = prompt && prompt.openQuestions > 0 && !prompt.acts.has('close_attempt') && !prompt.acts.has('price_mention');
    if (situational && asked && c.words >= 12 && !REJECT_WORDS[lang].test(c.text)) return undefined;
    return s;
  }
  for (const x of c.sentences) {
    const hit = CONTEXT_OBJECTION[lang].find(([re]) => re.test(normalizeText(x.text)) || re.test(x.text));
    if (hit) return { text: x.text, cls: { ...x.cls, acts: ['objection', ...x.cls.acts], objectionKind: hit[1] } };
  }
  if (prompt && prompt.questions > 0 && c.words <= 4 && (prompt.acts.has('close_attempt') || /\binterested\b|מעוניי/iu.test(prompt.text))) {
    const no = c.sentences.find((x) => /^(?:no|nope|i'?m not|not really|לא|ממש לא|אני לא)\b|^לא[\s.,!]|^לא$/iu.test(normalizeText(x.text)));
    if (no) return { text: no.text, cls: { ...no.cls, acts: ['objection', ...no.cls.acts], objectionKind: 'no_need' } };
  }
  return undefined;
}

function responseTypes(reply: ClassifiedSegment[], lang: Language, afterRefusal: boolean): Set<ResponseType> {
  const types = new Set<ResponseType>();
  if (!reply.length) {
    types.add('ignore');
    return types;
  }
  for (const s of reply) {
    if (CONCEDE[lang].test(s.text)) types.add('concede');
    if (ARGUE[lang].test(s.text)) types.add('argue');
    if (recognises(s, lang)) types.add('acknowledge');
    if (s.sentences.some((x) => x.cls.isQuestion && !x.cls.acts.includes('close_attempt') && !x.cls.acts.includes('next_step'))) types.add('explore');
    if (s.acts.has('value_statement') || s.acts.has('social_proof')) types.add('reframe');
  }
  // After a clear refusal anything but giving way ignores the customer
  if (afterRefusal && !types.has('concede')) {
    types.delete('acknowledge');
    types.delete('explore');
    types.delete('reframe');
    types.add('ignore');
  }
  if (!types.size) types.add(reply.reduce((n, x) => n + x.words, 0) >= 6 ? 'answer' : 'ignore');
  return types;
}

/** How the call ended, read from the customer's last words that decide something. */
function readOutcome(segs: ClassifiedSegment[], lang: Language, refusalAt: number | null): Outcome | null {
  if (refusalAt !== null) return 'refused';
  const customer = segs.filter((s) => !isAgent(s) && !(s.words <= 8 && WRAP_UP_QUESTION[lang].test(promptOf(segs, s)?.text ?? '')));
  const last = customer.slice(-3).reverse();
  for (const s of last) {
    const t = s.text.trim();
    if (ACCEPT[lang].test(t) && !/\b(?:no|not)\b|לא/iu.test(t.replace(/not right now|לא עכשיו/giu, ''))) return 'agreed';
    if (/^(?:no|nope)\b(?!,? i don'?t know)|^לא(?!\s*(?:יודע|יודעת|בטוח|בטוחה|עכשיו|כרגע))[\s,.!]|^לא$/iu.test(normalizeText(t)) || s.acts.has('objection') && /not interested|לא מעוניי|לא,? תודה|no,? thanks/iu.test(t)) return 'refused';
    if (POSTPONE[lang].test(t) || s.acts.has('objection')) return 'postponed';
  }
  return null;
}

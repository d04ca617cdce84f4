/**
 * Dialogue acts: what the agent's turn asks of the customer, as a person hears it (beyond the sales acts of the
 * shared classifier): a question about one of the customer's facts (a slot), a proposal with its day, time and
 * channel, a summary or an understanding check, a repair request, small talk, "how can I help?". Hebrew and English.
 */
import type { Language } from '../../analysis/index.ts';
import { INDUSTRY_SLOT_WORDS } from './industry-facts.ts';

export const SLOTS = ['identity', 'whenNoticed', 'car', 'tenure', 'rival', 'product', 'name', 'policyNumber', 'idNumber', 'contact', 'reason', 'provider', 'pay', 'drivers', 'household', 'work', 'renewal', 'priority', 'decision', 'claims', 'situation', 'location', 'budget'] as const;
export type Slot = (typeof SLOTS)[number];

export interface Proposal {
  /** The day as the agent said it ("Thursday", "ביום חמישי", "tomorrow"), or null. */
  day: string | null;
  /** The time as the agent said it ("at 7", "בשבע", "at 10 in the morning"), or null. */
  time: string | null;
  /** Zoom, phone, video, at the office / at home… as said, or null. */
  channel: string | null;
}

export interface DialogueReading {
  /** Facts the agent asks about, most specific first. */
  slots: Slot[];
  proposal: Proposal | null;
  /** A day or time mentioned in the turn (a proposal or not: "he will call you tomorrow at 10"). */
  mentioned: Proposal | null;
  /** The agent sums up what it heard and asks whether it is right. */
  summary: boolean;
  /** The agent checks the customer understood ("did that make sense?"). */
  understandingCheck: boolean;
  /** "Can you say that again?" */
  repair: boolean;
  smallTalk: boolean;
  /** "Do you have two minutes?" / "Is now a good time?" */
  permission: boolean;
  /** Professional jargon a lay customer does not follow ("actuarial tables", "סעיף ההצמדה"). */
  jargon: boolean;
  /** "Any other questions?" — the customer's turn to ask. */
  anyQuestions: boolean;
  /** "How does that sound?" / "What do you think?" — asks for the customer's opinion of what was just said. */
  opinion: boolean;
  /** "Calm down", "these things happen": brushing the customer's feelings aside. */
  dismissive: boolean;
  /** "Let me check and call you back" (a promise, not a question). */
  callback: boolean;
}

type Rx = Record<Language, RegExp>;

const SLOT_RX: Record<Slot, Rx> = {
  identity: { en: /am I (speaking|talking) (with|to)|is this (mr|mrs|ms|miss)\b|right person/i, he: /אני (מדבר|מדברת) עם|האדם הנכון|זה (מר|גברת)/ },
  whenNoticed: { en: /when did you (see|notice|get|receive)|when was (it|the charge|that)/i, he: /מתי (ראית|שמת לב|קיבלת|הגיע)|מתי זה (קרה|היה)/ },
  rival: { en: /who (offered|gave|quoted) you|which (company|one) offered|where did you (get|see) (the|that|a) (cheaper|lower|better)? ?(offer|quote|price)|who is cheaper/i, he: /מי הציע|מי נתן לך (הצעה|מחיר)|מאיזו חברה (קיבלת|הציעו)|איפה (הציעו|ראית) (לך )?(מחיר|הצעה)|מי יותר זול/ },
  product: { en: /which (insurance|policy|product|cover|plan|package)|what (insurance|cover|policy) (are you|were you) (looking|interested)|what are you looking (for|at)/i, he: /(איזו|באיזו|איזה|באיזה) (פוליסה|חבילה|תוכנית|מסלול)|על איזה (ביטוח|מוצר)|איזה ביטוח (מעניין|אתה מחפש|את מחפשת)|על מה מדובר\?|מה (אתה מחפש|את מחפשת)/ },
  car: { en: /what car|which car|car do you (drive|have)|make of (your )?car|what do you drive/i, he: /איזה (רכב|אוטו)|מה הרכב|איזו מכונית/ },
  tenure: { en: /how long have you been (with|insured|a customer)|how long (are you|have you been) with|been with them/i, he: /כמה זמן .{0,15}(איתנו|אצלנו|לקוח|לקוחה)|כמה זמן (אתה|את|אתם) (מבוטח|מבוטחת|מבוטחים|איתם|אצלם)|כמה שנים (אתה|את) (איתם|אצלם|מבוטח)/ },
  policyNumber: { en: /policy number|account number|customer number|membership number/i, he: /מספר (ה)?פוליסה|מספר לקוח|מספר חשבון/ },
  idNumber: { en: /\bID( number)?\b|identity number|date of birth/i, he: /תעודת (ה)?זהות|ת["״]ז|תאריך לידה|מספר זהות/ },
  contact: { en: /phone number|e-?mail|your address|best number|reach you/i, he: /מספר טלפון|מייל|אימייל|כתובת|איך אפשר להשיג אותך/ },
  name: { en: /\b(your (full )?name|who am I (speaking|talking) (to|with)|name,? please|what was your name)\b/i, he: /השם שלך|שמך|איך קוראים לך|עם מי אני (מדבר|מדברת)|שם בבקשה|השם המלא/ },
  reason: { en: /what do you need\b|how (can|may) I help|what can I do for you|what made you|why do you want to|what('s| is) the problem|what happened|what('s| is) going on|the reason you|what does the (letter|bill) say|what the (letter|bill)|the (letter|bill)( or the (letter|bill))? says?|what brings you|why are you calling/i, he: /מה (אתה|את) (צריך|צריכה)\?|במה (אפשר|אוכל|אני יכול|אני יכולה) לעזור|מה אפשר לעשות בשבילך|מה גרם לך|למה (אתה רוצה|את רוצה|החלטת)|מה הבעיה|מה קרה|מה שקרה|מה הסיבה|מה כתוב במכתב|מה כתוב בחשבון/ },
  provider: { en: /\b(which|what) (insurer|insurance company|company|provider)|insured with|are you (currently |already )?insured|who (is|are) (you|it|the car|your [a-z]+( [a-z]+)?) (insured )?with|policy (is )?with|who is your current/i, he: /מבוטח(ת)? (כרגע|היום|עכשיו|במשהו)|באיזו חבר|איזו חברה|אצל מי|איפה (אתה|את|הרכב|אתם) מבוטח|מי המבטח|מבוטח היום|מבוטחת היום/ },
  pay: { en: /how much (do|does|are|did) (you|they|it)|what (do|are) you pay|what are you paying|charge you|come to (per|a) month|cost you|pay(ing)? for it/i, he: /כמה (אתה|את|אתם) משל[מם]|כמה (הם )?גובים|כמה זה (יוצא|עולה לך)|כמה כל זה|וכמה (אתה|את) משל[מם]|משלמים עליה/ },
  drivers: { en: /who drives|\bdrivers?\b/i, he: /מי נוהג|נוהגים ברכב|נהגים/ },
  household: { en: /on the policy|on your policy|who (is|would be) covered|who else (is at|lives)|who('s| is) at home|at home with you|big family|your family|kids|children|married/i, he: /על הפוליסה|מי מכוסה|מי יהיה מכוסה|מי עוד גר|משפחה גדולה|ילדים|נשוי|נשואה|ובבית/ },
  work: { en: /what do you do|for a living|your job|what('s| is) your work|occupation/i, he: /במה (אתה|את) (עוסק|עוסקת|עובד|עובדת)|מה (אתה|את) עושה בחיים|מה המקצוע/ },
  renewal: { en: /when does .{0,40}(renew|end|expire)|up for renewal|come up for renewal|renewal date/i, he: /מתי .{0,40}(מתחדש|נגמר|מסתיים)|מועד החידוש/ },
  priority: { en: /what would it take|what would make you stay|keep you (with us|as a customer)|what matters|most important|what is important|what would make (this|it)|what are you looking for|what do you care/i, he: /מה יגרום לך להישאר|מה צריך לקרות כדי ש|מה (הכי )?חשוב לך|מה יגרום|מה (אתה|את) (מחפש|מחפשת)/ },
  decision: { en: /decide on|decision|anyone else|who else would|decide (yourself|alone|together)/i, he: /מחליט|החלטה|מי עוד (ירצה|מעורב|צריך)/ },
  claims: { en: /\bclaims?\b|accidents?/i, he: /תביע|תאונ/ },
  situation: { en: /what do you have today|what you have today|in terms of insurance|what (insurance|cover|policies) do you have|what you have (now|today)/i, he: /מצב ה?ביטוח|מה יש לך היום|מה יש לך מבחינת|מה יש לך\b|איזה ביטוחים יש לך/ },
  location: { en: /where are you (calling|speaking|talking) from|where do you live|where are you based/i, he: /מאיפה (אתה|את) (מדבר|מדברת|מתקשר|מתקשרת)|איפה (אתה|את) (גר|גרה)/ },
  budget: { en: /\bbudget\b|willing to (pay|spend)/i, he: /תקציב|מוכן לשלם|מוכנה לשלם/ },
};

const SUMMARY: Rx = {
  en: /^so\b.{0,200}\bright\?\s*$|\b(right|correct)\?\s*$|what I('m| am) hearing|it sounds like you|sounds like you('re| are)|is that fair\?|am I right\?|just to confirm|to confirm,|correct me if|if I understand (you )?correctly|you('d| would) like to .{0,80}\?|if I (got|understood|understand|heard)|to sum up|so to summari[sz]e|let me (make sure|check|see if)|just so I('m| am) sure|so you('re| are) saying|what I('m| am) hearing|did I get (that|it) right|is that (right|correct)\?|correct\?|does that sound right|so basically/i,
  he: /^אז .{0,200}נכון\?\s*$|(^|\s)נכון\?\s*$|מה שאני (שומע|שומעת)|נשמע (ש|כאילו)|זה הוגן\?|אני (צודק|צודקת)\?|רק לאשר|אם אני מבין נכון|אם אני מבינה נכון|תקן אותי אם|תקני אותי אם|אם הבנתי|לסיכום|רק לוודא|רק כדי לוודא|בוא נראה אם הבנתי|הבנתי נכון\?|נשמע נכון\?|אז בעצם|זה זה\?/,
};
const UNDERSTOOD: Rx = {
  en: /did that make sense|does that make sense|is that clear|did you understand|clearer now/i,
  he: /זה היה מובן|זה מובן\?|הבנת\?|ברור עכשיו/,
};
const REPAIR: Rx = {
  en: /say that again|repeat (that|what)|come again|sorry,? what (was that|did you say)|what did you say|pardon|didn't (catch|hear)|could you repeat|say it again|^what\?$/i,
  he: /לחזור על (זה|מה)|תחזור על|תחזרי על|מה אמרת|לא שמעתי|^מה\?$|^סליחה\?$/,
};
const SMALL_TALK: Rx = {
  en: /how are you|how('s| is) your (day|week)|how is it going|how's it going|weather|busy day|having a (busy|good|long) (day|week)|how('s| is) the week/i,
  he: /מה שלומך|מה נשמע|איך עובר עליך|מזג (ה)?אוויר|יום עמוס|מה העניינים/,
};
/** Weather / "where are you calling from" remarks that are small talk even without a question mark. */
const SMALL_REMARK: Rx = { en: /nice weather|great weather|line is (a bit )?(noisy|bad)/i, he: /מזג אוויר (יפה|מעולה)|הקו (קצת )?רועש/ };

const PERMISSION: Rx = {
  en: /\b(is )?(now|this) (okay|ok|alright|good)\?|(^|[.!?—-]\s*)(is it a )?(good|bad) time\?|(do you have|have you got|got) (a|two|a couple of|a few) (minute|minutes|moment)|is (now|this) (a good|an okay|a bad) (time|moment)|good time to talk/i,
  he: /יש לך (דקה|שתי דקות|כמה דקות|רגע)|זה (זמן|רגע) (טוב|נוח)|נוח לך לדבר/,
};

const JARGON: Rx = {
  en: /actuar|indexation|index-linked|re-?rating|policy schedule|underwrit|riders?\b|deductible|co-?insurance|premium adjustment|pro-?rata|endorsement|exclusion clause/gi,
  he: /אקטואר|הצמדה|תמחור מחדש|רשימת הפוליסה|חיתום|נספח|השתתפות עצמית|פרו-?רטה|סעיף ה?חרגה|מקדם|תעריפי/g,
};
const ANY_QUESTIONS: Rx = {
  en: /any (other|more|further) questions|anything else (I can|you('d| would) like)|what else (can I|would you like)|other questions\?/i,
  he: /(יש|עוד) (עוד )?שאל(ה|ות)|משהו נוסף\?|עוד משהו\?|שאלות נוספות/,
};
const OPINION: Rx = {
  en: /how does that sound|what do you think|sound (good|fair)\?|how about that\?|does that help\?/i,
  he: /מה דעתך|איך זה נשמע|נשמע (טוב|הוגן)\?|זה עוזר\?/,
};
const DISMISSIVE: Rx = {
  en: /calm down|these things happen|it happens|relax,|no need to (shout|get upset)|it is not a big deal|it's not a big deal|it('s| is) the market|everyone (is raising|raises|does it)/i,
  he: /להירגע|תירגע|תירגעי|דברים כאלה קורים|זה קורה|ככה זה|זה השוק|כולם מעלים|לא צריך לצעוק|זה לא נורא|אין מה להתרגש/,
};

const DAY: Rx = {
  en: /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next week|this week)\b/i,
  he: /(?:ביום |יום )?(?:ראשון|שני|שלישי|רביעי|חמישי|שישי)(?= |$|[?,.!])|מחר|השבוע|שבוע הבא/,
};
const TIME: Rx = {
  en: /\b(at \d{1,2}(:\d\d)?( ?(am|pm))?( in the (morning|afternoon|evening))?|\d{1,2}:\d\d|\d{1,2}(:\d\d)? ?(am|pm)|\d{1,2} o'clock|noon|in the (morning|afternoon|evening))\b/i,
  he: /(?:ב-?|בשעה )\d{1,2}(:\d\d)?(?!\d|\s*(?:אחוז|%|שקל|ש"ח|₪|דולר|חודש|שנ|יום|ימי|דקות))|ב(?:אחת עשרה|שתים עשרה|שתיים עשרה|אחת|שתיים|שלוש|ארבע|חמש|שש|שבע|שמונה|תשע|עשר)(?= |$|[?,.!])(?: (?:בבוקר|בערב|אחר הצהריים|בצהריים))?|בבוקר|בערב|אחר הצהריים/,
};
const CHANNEL: Rx = {
  en: /\b(on zoom|zoom|video call|on the phone|phone call|call you( back)?|at (your|the) (home|office)|come in|in person|meet)\b/i,
  he: /בזום|זום|שיחת וידאו|בטלפון|אתקשר|יתקשר|לחזור אליך|אצלכם בבית|במשרד|להיפגש|פגישה/,
};
const BOOKING: Rx = {
  en: /I can (send|come|call|book|meet|set|pop)|send (a|someone|our|the) \w+ (on|over|to)|come (by|over|round)|worth (\d+|a few|ten|fifteen|twenty|thirty) minutes|minutes on|let'?s (book|meet|set|talk|do|put)|\bbook\b|set up|schedule|\bmeet\b|call you|can we (do|meet|talk|book|set)|could we|how about|shall (we|I)|would .{0,40}(suit|work)|works\?|does (that|it) work|want to come/i,
  he: /נקבע|לקבוע|להיפגש|פגישה|אתקשר|יתקשר|לחזור אליך|מתאים|יתאים|מה דעתך|אפשר (לדבר|להיפגש|לקבוע|לחזור)|בוא נ|בואי נ|רוצה לבוא|(בוא|בואי) (תבוא|תבואי|תגיע|תגיעי)|(אני )?(יכול|יכולה) (לשלוח|להגיע|לבוא|לקבוע|להראות)|אשלח|נשלח|אגיע|אבוא/,
};
const PROPOSING: Rx = {
  en: /\?|let'?s|shall (we|I)|can we|could we|how about|would .{0,30} (suit|work)|book|set|works\b/i,
  he: /\?|בוא נ|בואי נ|אפשר|נקבע|לקבוע|מה דעתך|יתאים|מתאים|אתקשר|יתקשר|תבוא|תגיע|אשלח|(יכול|יכולה) ל/,
};

/** "Let me check and call you back": the agent promises to come back, it asks nothing of the customer. */
const CALLBACK: Rx = {
  en: /(let me|I('ll| will)|I need to) (check|find out|look into|double[- ]check|confirm)[^.?!]{0,80}(and|then) (call|get back|come back)|I('ll| will) (call|get back to) you (back )?(later|tomorrow|this (afternoon|evening)|in \w+ minutes|with)|call you back (later|tomorrow|this|in \w+)/i,
  he: /(אבדוק|אברר|אני אבדוק|אני אברר|תן לי לבדוק|תני לי לבדוק)[^.?!]{0,60}(ואחזור|ואתקשר|ואעדכן)|(אחזור|אתקשר|אחזיר) (אליך|לך)( צלצול)? (מחר|אחר כך|היום|בעוד|עם)/,
};

/** Reads the dialogue acts of one agent turn. */
export function readDialogue(text: string, lang: Language): DialogueReading {
  const clean = text.trim();
  const parts = clean.split(/(?<=[.!?؟])\s+/).filter(Boolean);
  const questions = parts.filter((x) => /[?؟]\s*$/.test(x));
  // A slot is asked in a question sentence; a short request ("Name please.", "Tell me what the letter says") counts too.
  const request = parts.filter((x) => x.split(/\s+/).length <= 5 || /^(tell me|please tell|ספר לי|ספרי לי|תגיד לי|תגידי לי)/i.test(x)).join(' ');
  const asked = questions.length > 0 ? questions.join(' ') : request;
  // "Is this Mr. Levi?" — abbreviations split sentences, so who-am-I-speaking-to is read on the whole turn.
  const slots = SLOTS.filter((s) => SLOT_RX[s][lang].test(s === 'identity' ? clean : asked) || !!INDUSTRY_SLOT_WORDS[s]?.[lang].test(asked));
  // A broad slot only when nothing more specific was asked ("who is covered on it" is about the household, not a claim).
  const specific = slots.filter((s) => !(['situation', 'decision', 'claims', 'household'].includes(s) && slots.some((x) => x !== s && !['situation', 'decision', 'claims', 'household'].includes(x))));
  const day = DAY[lang].exec(clean)?.[0] ?? null;
  const time = TIME[lang].exec(clean)?.[0] ?? null;
  const channel = CHANNEL[lang].exec(clean)?.[0] ?? null;
  // A day alone ("how is your week?") is not a proposal: it needs a clock time or words that book something.
  const clock = !!time && /\d|ב(אחת|שתיים|שלוש|ארבע|חמש|שש|שבע|שמונה|תשע|עשר)/.test(time);
  const proposal = (day || clock) && (BOOKING[lang].test(clean) || (clock && PROPOSING[lang].test(clean))) ? { day, time, channel } : null;
  const summary = (SUMMARY[lang].test(clean) || SUMMARY[lang].test(parts.at(-1) ?? '')) && !proposal;
  return {
    slots: proposal || summary ? [] : specific,
    proposal,
    mentioned: day || time ? { day, time, channel } : null,
    summary,
    understandingCheck: UNDERSTOOD[lang].test(clean),
    // "Could you repeat what happened with the charge?" asks the question again rather than for a repeat.
    repair: REPAIR[lang].test(clean) && !UNDERSTOOD[lang].test(clean) && specific.length === 0,
    smallTalk: SMALL_TALK[lang].test(clean) || SMALL_REMARK[lang].test(clean),
    permission: PERMISSION[lang].test(clean),
    dismissive: DISMISSIVE[lang].test(clean),
    opinion: OPINION[lang].test(clean) && !proposal,
    anyQuestions: ANY_QUESTIONS[lang].test(clean) && !proposal,
    jargon: (clean.match(JARGON[lang]) ?? []).length >= 2,
    callback: CALLBACK[lang].test(clean) && !/\?\s*$/.test(clean),
  };
}

/** "Thursday at 7" / "ביום חמישי בשבע" — the proposal in the agent's own words, for the customer to echo. */
export function proposalWords(p: Proposal, lang: Language): string {
  const day = p.day ? (lang === 'he' && /^(ראשון|שני|שלישי|רביעי|חמישי|שישי)$/.test(p.day) ? `ביום ${p.day}` : p.day.replace(/^יום /, 'ביום ')) : '';
  const time = p.time && lang === 'en' && /^\d/.test(p.time) && p.day ? `at ${p.time}` : p.time ?? '';
  return [day, time].filter(Boolean).join(' ').trim();
}

/**
 * The automatic checker for offline-customer calls: what can be judged from the transcript and the script's tags
 * alone (it never looks inside the brain). Per reply: a slot question answered with a fact, a proposal accepted
 * with its day/time echoed or declined/countered, a summary confirmed or corrected, a repair answered with a
 * repeat, small talk answered; per call: no contradiction of earlier facts, outcome vs acceptance, a caller never
 * brushed off as a cold call, Hebrew second person agreeing with the agent's gender, "you didn't answer me" only
 * after a turn that did not answer.
 */
import type { Language } from '../../../analysis/index.ts';
import type { Tag } from './scripts.ts';

export interface CheckedTurn {
  agent: string;
  tag: Tag;
  customer: string;
  /** The runner inserted this turn to answer an objection's substance (good scripts). */
  answersObjection?: boolean;
}

export interface CallRecord {
  id: string;
  language: Language;
  direction: 'inbound' | 'outbound';
  quality: 'good' | 'clumsy';
  agentGender: 'female' | 'male';
  customerFirstName: string;
  opening: string | null;
  turns: CheckedTurn[];
  outcome: string;
  endReason: string | null;
}

export type CheckName = 'slot' | 'proposal' | 'summary' | 'repair' | 'small' | 'bye' | 'contradiction' | 'outcome' | 'brushOff' | 'gender' | 'reRaise' | 'empty';

export interface Finding {
  check: CheckName;
  turn: number | null;
  pass: boolean;
  note: string;
}

const rx = (s: string) => new RegExp(s, 'i');

const INSURERS_HE = 'הראל|מגדל|כלל|הפניקס|מנורה|ביטוח ישיר|איילון|שומרה|AIG|ליברה|ווישור|השוואת ביטוחים|קופת חולים|דרך העבודה|מגן|בזק|הוט|פרטנר|סלקום|גולן|חברת החשמל|אקסל|מאנדיי|יד2|מתווך|עובדים עם|אנחנו ב|אצלנו ב';
const INSURERS_EN = 'Harel|Migdal|Clal|Phoenix|Menora|Direct Insurance|Ayalon|Shomera|AIG|Libra|Wesure|health fund|through work|Magen|Bezeq|HOT|Partner|Cellcom|Golan|Israel Electric|spreadsheet|monday|HubSpot|Salesforce|Yad2|we use|we are with|I am with|I\'m with';

/** What an answer to each slot looks like (a fact, not a deflection). */
const SLOT_ANSWER: Record<Language, Record<string, RegExp>> = {
  en: {
    identity: rx('speaking|this is|yes'),
    provider: rx(`${INSURERS_EN}|not insured|no insurance|nobody`),
    pay: rx('\\d|shekel|hundred|thousand|nothing'),
    drivers: rx("\\b(I drive|I do|only me|just me|my (wife|husband|son|daughter|partner)|both of us|we both|don't have a car|no car|nobody)\\b"),
    renewal: rx('january|february|march|april|may|june|july|august|september|october|november|december|month|week|year|renew|expire|end of'),
    priority: rx('price|cost|cover|family|kids|service|claim|simple|peace|duplicate|premium|money|matters|important'),
    name: /__NAME__/,
    reason: rx('cancel|leave|charge|bill|letter|question|understand|premium|price|claim|because|calling (about|to)|want to'),
    household: rx('kids|children|married|wife|husband|alone|on my own|grandchild|partner|family|son|daughter|mother|just me|couple|employees|roommates|people|lines'),
    work: rx('work|retire|employee|own|business|manager|salaried|self-employed|HR'),
    claims: rx('claim|never|once|twice|accident|surgery'),
    decision: rx('\\b(I decide|my (wife|husband|spouse|partner)|together|alone|myself|on my own|only me|not only me|CFO|CEO|spouse)\\b'),
    situation: rx('polic|insur|cover|have|pay|review|health|life|car|rent|own|live|plan|line|use|using'),
    policyNumber: rx('\\d{3}'),
    idNumber: rx('\\d{5}'),
    whenNoticed: rx('week|month|yesterday|today|days? ago|when|came|arrived'),
    budget: rx('\\d|budget|thousand|million|tight|flexib'),
    location: rx('from|live|in [A-Z]|area|city|north|south|centre|center'),
    tenure: rx('year|month|since|long'),
    car: rx('\\d{4}|mazda|toyota|hyundai|kia|car'),
    contact: rx('number|mail|phone|\\d'),
  },
  he: {
    identity: rx('מדבר|מדברת|כן'),
    provider: rx(`${INSURERS_HE}|לא מבוטח|אין לי ביטוח`),
    pay: rx('\\d|שקל|₪|מאות|אלף|כלום'),
    drivers: rx('אני נוהג|אני נוהגת|רק אני|אשתי|בעלי|הבן|הבת|שנינו|אין לי רכב|אין לנו רכב|נוהג|נוהגת'),
    renewal: rx('ינואר|פברואר|מרץ|אפריל|מאי|יוני|יולי|אוגוסט|ספטמבר|אוקטובר|נובמבר|דצמבר|חודש|שבוע|שנה|מתחדש|נגמר|בעוד'),
    priority: rx('מחיר|עלות|כיסוי|משפחה|ילדים|שירות|תביע|פשוט|שקט|כפל|פרמיה|כסף|חשוב'),
    name: /__NAME__/,
    reason: rx('לבטל|לעזוב|חיוב|חייב|מכתב|שאל|להבין|מבין|פרמיה|מחיר|תביע|בגלל|מתקשר|רוצה'),
    household: rx('ילדים|נשוי|נשואה|אשתי|בעלי|לבד|נכד|זוג|משפחה|הבן|הבת|אמא|רק אני|עובדים'),
    work: rx('עובד|עובדת|פנסיונר|פנסיונרית|שכיר|עצמאי|עצמאית|עסק|מנהל|מנהלת|בעלים'),
    claims: rx('תביע|אף פעם|פעם|תאונה|ניתוח'),
    decision: rx('מחליט|מחליטה|ביחד|לבד|אשתי|בעלי|בן הזוג|בת הזוג|רק אני|לא רק אני|סמנכ|מנכ'),
    situation: rx('פוליס|ביטוח|כיסוי|יש לי|משלם|משלמת|בדקתי|בריאות|חיים|רכב|שכירות|גר|גרה|גרים|דירה|חבילה|קווים|משתמש'),
    policyNumber: rx('\\d{3}'),
    idNumber: rx('\\d{5}'),
    whenNoticed: rx('שבוע|חודש|אתמול|היום|לפני|כשהגיע|הגיע'),
    budget: rx('\\d|תקציב|אלף|מיליון|צפוף|גמיש'),
    location: rx('^מ|\\sמ[\\u05D0-\\u05EA]|גר|גרה|גרים|באזור|בעיר|צפון|דרום|מרכז'),
    tenure: rx('שנ|חודש|מאז'),
    car: rx('\\d{4}|מאזדה|טויוטה|יונדאי|קיה|רכב'),
    contact: rx('מספר|מייל|טלפון|\\d'),
  },
};

/** "You didn't answer me / you're ignoring me". */
const RE_RAISE: Record<Language, RegExp> = {
  en: /did not get an answer|does not really answer me|did not answer|didn't answer|not answer(ed)? (me|my)|ignoring me|skipped what I said|brushing past|still have not answered|haven't answered/i,
  he: /לא קיבלתי תשובה|זה לא ממש עונה לי|לא ענית|מתעלם ממני|מתעלמת ממני|לא התייחסת|מדלג על מה|מדלגת על מה|עדיין לא ענית/,
};

const CONFIRM: Record<Language, RegExp> = {
  en: /\b(yes|yeah|right|exactly|correct|that's it|that is it|true|spot on|pretty much|more or less|not (quite|exactly|really)|actually|no)\b/i,
  he: /(^|\s)(כן|נכון|בדיוק|זה זה|פחות או יותר|לא בדיוק|לא ממש|בעצם|רגע, לא|אמת)(\s|$|[.,!?])/,
};

const ACCEPT: Record<Language, RegExp> = {
  en: /\b(works for me|that works|sounds good|okay|ok|sure|fine|alright|deal|let's (do|book|set)|see you|talk then|speak then|book it|send me)\b/i,
  he: /(מתאים לי|(^|\s)סגור([\s,.!]|$)|בסדר|נקבע|יאללה|אוקיי|טוב,|מעולה|תשלח|תשלחי|נדבר|נתראה)/,
};
const DECLINE: Record<Language, RegExp> = {
  en: /\b(can't|cannot|doesn't work|does not work|not (a good time|then|that day|yet)|no,|not ready|think about it|not now|rather|instead|better|how about|before we)\b/i,
  he: /(לא מתאים|לא יכול|לא יכולה|אי אפשר|לא מוכן|לא מוכנה|לחשוב|לא עכשיו|עדיף|במקום|אולי ב|מה עם|עוד לא|לפני ש)/,
};

const DAY_ALIASES: Record<string, string[]> = {
  tomorrow: ['tomorrow'], מחר: ['מחר'],
};

const NUM_HE: Record<string, string[]> = {
  '4': ['ארבע'], '5': ['חמש'], '6': ['שש'], '7': ['שבע'], '8': ['שמונה'], '9': ['תשע'], '10': ['עשר'], '11': ['אחת עשרה', 'אחת-עשרה'], '12': ['שתים עשרה', 'שתיים עשרה', 'צהריים'],
};
const NUM_EN: Record<string, string[]> = {
  '4': ['four'], '5': ['five'], '6': ['six'], '7': ['seven'], '8': ['eight'], '9': ['nine'], '10': ['ten'], '11': ['eleven'], '12': ['twelve', 'noon'],
};

/** Cold-call brush-offs that make no sense to someone who phoned in themselves. */
const COLD_CALL: Record<Language, RegExp> = {
  en: /where did you (even )?get my number|who is this|did not leave my details|another sales call|why are you calling me|what is this about\?|you are rushing|I am driving, say it fast|what did you want\?/i,
  he: /מאיפה (השגתם|יש לכם|השגת)|מי זה\?|לא השארתי פרטים|עוד שיחת מכירה|למה (אתה מתקשר|את מתקשרת)|על מה מדובר\?|אתה ממהר|את ממהרת|מה רצית\?|מה אתה רוצה ממני/,
};

/** Hebrew second person in the wrong gender for the agent. */
const WRONG_GENDER: Record<'female' | 'male', RegExp> = {
  female: /(^|[\s,.!?"'(])(אתה|שאתה|ואתה|כשאתה|תגיד|תן|תקשיב|תסביר|תשלח|תחזור|תמשיך|קח|תשמע|תציע|תענה|תבין|תזכור|תראה לי|תדבר|תתקשר|שומע אותי|בוא נ\S*|תחכה|אתה שם)(?=$|[\s,.!?])/,
  male: /(^|[\s,.!?"'(])(תגידי|תני|תקשיבי|תסבירי|תשלחי|תחזרי|תמשיכי|קחי|תשמעי|תהיי|תציעי|תעני|תביני|תזכרי|תדברי|תתקשרי|שומעת אותי|בואי|תחכי)(?=$|[\s,.!?])/,
};

/** Contradictions: two claims that cannot both hold for one customer. */
const CLASHES: { a: RegExp; b: RegExp; what: string }[] = [
  { a: /(insured with|already with) (\S+( \S+)?) and (I'm |I am )?happy/i, b: /(\S+( \S+)?) offered me a cheaper/i, what: 'happy with X vs X offered cheaper' },
  { a: /כבר מבוטח\S* ב\S+.*ומרוצה/, b: /ב\S+( \S+)? הציעו לי מחיר/, what: 'happy with X vs X offered cheaper (he)' },
  { a: /\b(I'm a retiree|retired)\b|פנסיונר/i, b: /small kids|ילדים קטנים|through work|דרך העבודה|work shifts|במשמרות|יום עבודה|work day/i, what: 'retiree vs small kids / work' },
  { a: /I decide on my own|אני מחליט(ה)? לבד/i, b: /It is not only me|זה לא רק אני/i, what: 'decides alone vs not only me' },
  { a: /don't have a car|אין לי רכב|אין לנו רכב/i, b: /\bI drive\b|אני נוהג/i, what: 'no car vs drives' },
];

const HANG_UP_REASON: Record<Language, RegExp> = {
  en: /no time|not interested|not for me|enough|sorry|cancel|waste|rude|listen|told you|not going|ignor/i,
  he: /אין לי זמן|לא מעוניין|לא מעוניינת|לא בשבילי|די|סליחה|לבטל|מבזבז|לא מקשיב|אמרתי לך|מתעלם/,
};

function timeWords(time: string, lang: Language): string[] {
  return [time, ...(lang === 'he' ? NUM_HE[time] ?? [] : NUM_EN[time] ?? [])];
}

function echoes(reply: string, tag: Tag, lang: Language): boolean {
  const day = tag.day ?? '';
  const days = [day, ...(DAY_ALIASES[day] ?? [])].filter(Boolean);
  const low = reply.toLowerCase();
  return days.some((d) => low.includes(d.toLowerCase())) || (tag.time ? timeWords(tag.time, lang).some((t) => new RegExp(`(^|[^\\d])${t}($|[^\\d])`, 'i').test(reply)) : false);
}

const mentionsDayOrTime: Record<Language, RegExp> = {
  en: /monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|morning|evening|afternoon|next week|\bat \d{1,2}\b/i,
  he: /יום (ראשון|שני|שלישי|רביעי|חמישי|שישי)|מחר|בבוקר|בערב|אחר הצהריים|שבוע הבא|בשעה/,
};

/** Content words for comparing a repeat with what was said before. */
function content(text: string): Set<string> {
  return new Set(text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter((w) => w.length >= 3));
}

/** Checks one call. */
export function checkCall(c: CallRecord): Finding[] {
  const lang = c.language;
  const out: Finding[] = [];
  let accepted = false;
  let prevCustomer = c.opening ?? '';
  const all = [c.opening ?? '', ...c.turns.map((t) => t.customer)];
  c.turns.forEach((t, i) => {
    const reply = t.customer.trim();
    const ended = i === c.turns.length - 1 && c.outcome !== 'no_outcome';
    if (!reply) out.push({ check: 'empty', turn: i, pass: false, note: 'no reply' });
    switch (t.tag.kind) {
      case 'slot': {
        const slot = t.tag.slot!;
        const re = slot === 'name' ? new RegExp(c.customerFirstName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') : SLOT_ANSWER[lang][slot];
        const ok = !!re && re.test(reply) && !RE_RAISE[lang].test(reply);
        out.push({ check: 'slot', turn: i, pass: ok, note: `${slot}: ${reply}` });
        break;
      }
      case 'propose': {
        const acc = ACCEPT[lang].test(reply) && !DECLINE[lang].test(reply);
        const ok = acc ? echoes(reply, t.tag, lang) : DECLINE[lang].test(reply) || mentionsDayOrTime[lang].test(reply) || (ended && c.outcome === 'hung_up');
        if (acc) accepted = true;
        out.push({ check: 'proposal', turn: i, pass: ok, note: reply });
        break;
      }
      case 'summary':
        out.push({ check: 'summary', turn: i, pass: CONFIRM[lang].test(reply), note: reply });
        break;
      case 'repair': {
        const prev = content(prevCustomer);
        const now = content(reply);
        const shared = [...prev].filter((w) => now.has(w)).length;
        out.push({ check: 'repair', turn: i, pass: prev.size > 0 && shared / prev.size >= 0.5, note: reply });
        break;
      }
      case 'small':
        out.push({ check: 'small', turn: i, pass: reply.length > 0 && !RE_RAISE[lang].test(reply) && !(c.direction === 'inbound' && COLD_CALL[lang].test(reply)), note: reply });
        break;
      case 'bye':
        out.push({ check: 'bye', turn: i, pass: reply.length > 0 && c.turns.length - 1 === i, note: `${reply} [${c.outcome}]` });
        break;
      default:
        break;
    }
    if (RE_RAISE[lang].test(reply)) out.push({ check: 'reRaise', turn: i, pass: !t.answersObjection, note: reply });
    if (c.direction === 'inbound' && COLD_CALL[lang].test(reply)) out.push({ check: 'brushOff', turn: i, pass: false, note: reply });
    if (lang === 'he' && WRONG_GENDER[c.agentGender].test(reply)) out.push({ check: 'gender', turn: i, pass: false, note: reply });
    prevCustomer = reply;
  });
  // Facts that hold: no two clashing claims in one call.
  const said = all.join(' \n ');
  const clash = CLASHES.find((x) => x.a.test(said) && x.b.test(said));
  out.push({ check: 'contradiction', turn: null, pass: !clash, note: clash?.what ?? '' });
  // Outcome = what was said.
  const last = c.turns.at(-1)?.customer ?? '';
  const success = c.outcome === 'next_step' || c.outcome === 'purchase';
  let fits: boolean;
  let why: string;
  if (accepted) {
    fits = success;
    why = `a meeting was accepted, outcome ${c.outcome}`;
  } else if (success) {
    fits = ACCEPT[lang].test(last) || ACCEPT[lang].test(c.turns.at(-2)?.customer ?? '');
    why = `outcome ${c.outcome} without an accepted time`;
  } else if (c.outcome === 'hung_up') {
    fits = HANG_UP_REASON[lang].test(last);
    why = `hung up: ${last}`;
  } else fits = true, why = c.outcome;
  out.push({ check: 'outcome', turn: null, pass: fits, note: why });
  return out;
}

export interface Rates {
  calls: number;
  replies: number;
  /** Share of checked replies (slot, proposal, summary, repair, small talk) that passed. */
  checkedOk: number;
  slotAnswered: number;
  proposalsHandled: number;
  summariesAnswered: number;
  repairsAnswered: number;
  smallTalkAnswered: number;
  callsWithoutContradiction: number;
  outcomeFits: number;
  /** "You didn't answer me" after a turn that answered the objection. */
  unjustifiedReRaises: number;
  reRaises: number;
  brushOffs: number;
  genderErrors: number;
  emptyReplies: number;
}

const rate = (fs: Finding[]) => (fs.length === 0 ? 1 : Math.round((fs.filter((f) => f.pass).length / fs.length) * 1000) / 1000);

/** Rates over many checked calls. */
export function rates(calls: { record: CallRecord; findings: Finding[] }[]): Rates {
  const all = calls.flatMap((c) => c.findings);
  const of = (k: CheckName) => all.filter((f) => f.check === k);
  const checked = all.filter((f) => ['slot', 'proposal', 'summary', 'repair', 'small'].includes(f.check));
  return {
    calls: calls.length,
    replies: calls.reduce((n, c) => n + c.record.turns.length, 0),
    checkedOk: rate(checked),
    slotAnswered: rate(of('slot')),
    proposalsHandled: rate(of('proposal')),
    summariesAnswered: rate(of('summary')),
    repairsAnswered: rate(of('repair')),
    smallTalkAnswered: rate(of('small')),
    callsWithoutContradiction: rate(of('contradiction')),
    outcomeFits: rate(of('outcome')),
    unjustifiedReRaises: of('reRaise').filter((f) => !f.pass).length,
    reRaises: of('reRaise').length,
    brushOffs: of('brushOff').length,
    genderErrors: of('gender').length,
    emptyReplies: of('empty').length,
  };
}

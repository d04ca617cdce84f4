/**
 * The app's enums in words, Hebrew and English, for every reader: the web client's strings and the CLI's readable
 * output. Pure constants and formatting (no server code), so the browser bundle may import them. A raw enum
 * (`no_need`, `skeptical`, `no_outcome`) never reaches a screen: look it up here, and add it here when new.
 */
export type Lang = 'he' | 'en';
export type Gender = 'female' | 'male';
/** A word in both languages; Hebrew may differ by the gender of the person it describes. */
export type Word = { he: string | { male: string; female: string }; en: string };

export const OBJECTION_KIND_WORDS: Record<'price' | 'timing' | 'trust' | 'competitor' | 'authority' | 'no_need', Word> = {
  price: { he: 'מחיר', en: 'Price' },
  timing: { he: 'תזמון', en: 'Timing' },
  trust: { he: 'אמון', en: 'Trust' },
  competitor: { he: 'מתחרה', en: 'Competitor' },
  authority: { he: 'סמכות החלטה', en: 'Authority' },
  no_need: { he: 'אין צורך', en: 'No need' },
};

/** The customer's mood (coaching, offline brain and persona card); gendered in Hebrew. */
export const MOOD_WORDS: Record<string, Word> = {
  calm: { he: { male: 'רגוע', female: 'רגועה' }, en: 'calm' },
  interested: { he: { male: 'מתעניין', female: 'מתעניינת' }, en: 'interested' },
  skeptical: { he: { male: 'ספקן', female: 'ספקנית' }, en: 'skeptical' },
  annoyed: { he: { male: 'מתעצבן', female: 'מתעצבנת' }, en: 'annoyed' },
  frustrated: { he: { male: 'מתוסכל', female: 'מתוסכלת' }, en: 'frustrated' },
  angry: { he: { male: 'כועס', female: 'כועסת' }, en: 'angry' },
  confused: { he: { male: 'מבולבל', female: 'מבולבלת' }, en: 'confused' },
  neutral: { he: { male: 'ניטרלי', female: 'ניטרלית' }, en: 'neutral' },
  warm: { he: { male: 'חם', female: 'חמה' }, en: 'warm' },
  hostile: { he: { male: 'עוין', female: 'עוינת' }, en: 'hostile' },
  guarded: { he: { male: 'מסויג', female: 'מסויגת' }, en: 'guarded' },
  curious: { he: { male: 'סקרן', female: 'סקרנית' }, en: 'curious' },
};

/** How a practice call ended, from the engine (`no_outcome`…) and from the scored report (`lost`…). */
export const OUTCOME_WORDS: Record<string, Word> = {
  purchase: { he: 'הלקוח קנה', en: 'the customer bought' },
  converted: { he: 'נסגרה מכירה', en: 'converted' },
  next_step: { he: 'נקבע צעד הבא', en: 'next step agreed' },
  postponed: { he: 'הלקוח דחה את ההחלטה', en: 'the customer postponed' },
  hung_up: { he: 'הלקוח ניתק', en: 'the customer hung up' },
  no_outcome: { he: 'בלי החלטה', en: 'no decision' },
  lost: { he: 'לא נסגר', en: 'not closed' },
  agreed: { he: 'הלקוח הסכים', en: 'the customer agreed' },
  refused: { he: 'הלקוח סירב', en: 'the customer refused' },
};

/** Which analyzer read a call. */
export const ANALYZER_WORDS: Record<string, Word> = {
  offline: { he: 'המנתח המקומי (בלי רשת)', en: 'the offline analyzer' },
  llm: { he: 'מודל שפה', en: 'a language model' },
};

/** How the agent's side of a call was found. */
export const ROLE_METHOD_WORDS: Record<string, Word> = {
  channels: { he: 'לפי ערוצי ההקלטה', en: 'by recording channel' },
  labels: { he: 'לפי שמות הדוברים בתמליל', en: 'by the speaker labels' },
  named_agent: { he: 'לפי שם הנציג', en: 'by the agent’s name' },
  heuristic: { he: 'לפי אופי הדיבור', en: 'by how each side speaks' },
  provider: { he: 'לפי שירות התמלול', en: 'by the transcription service' },
};

/** Where a persona's objection came from. */
export const OBJECTION_SOURCE_WORDS: Record<string, Word> = {
  company: { he: 'מהשאלון', en: 'questionnaire' },
  pack: { he: 'מחבילת הענף', en: 'industry pack' },
  weakness: { he: 'מהחולשה', en: 'weakness' },
  call_history: { he: 'מהשיחות שלו', en: 'call history' },
  manager: { he: 'מהמנהל', en: 'manager' },
};

/** The word in a language (Hebrew in the gender given; male when unknown); the key itself only if it is unknown. */
export function word(words: Record<string, Word>, key: string | null | undefined, lang: Lang, gender?: Gender | null): string {
  if (!key) return '—';
  const w = words[key];
  if (!w) return key.replace(/_/g, ' ');
  if (lang === 'en') return w.en;
  return typeof w.he === 'string' ? w.he : w.he[gender ?? 'male'];
}

const LOCALE: Record<Lang, string> = { he: 'he-IL', en: 'en-GB' };

/** Seconds as a person reads them: "34.1 שנ׳" / "34.1 s" (one decimal under a minute, m:ss above). */
export function formatSeconds(sec: number, lang: Lang, digits = 1): string {
  if (!Number.isFinite(sec)) return '∞';
  if (sec >= 60) {
    const m = Math.floor(sec / 60);
    const s = Math.round(sec - m * 60);
    return lang === 'he' ? `${m}:${String(s).padStart(2, '0')} דק׳` : `${m}:${String(s).padStart(2, '0')} min`;
  }
  const n = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(sec);
  return lang === 'he' ? `${n} שנ׳` : `${n} s`;
}

/** Milliseconds as seconds when long ("3.7 שנ׳"), else "240 מ״ש" / "240 ms". */
export function formatMs(ms: number, lang: Lang): string {
  if (!Number.isFinite(ms)) return '—';
  if (Math.abs(ms) >= 1000) return formatSeconds(ms / 1000, lang);
  const n = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 }).format(ms);
  return lang === 'he' ? `${n} מ״ש` : `${n} ms`;
}

/** Wraps a run in Unicode isolates (FSI…PDI) so a name or number in the other direction cannot reorder its neighbours. */
export const isolate = (s: string): string => (s ? `\u2068${s}\u2069` : s);

const FINAL_TO_MEDIAL: Record<string, string> = { 'ך': 'כ', 'ם': 'מ', 'ן': 'נ', 'ף': 'פ', 'ץ': 'צ' };
/**
 * Resolves Hebrew slash forms ("מנהל/ת", "נציג/ה", "ספקן/ית", "את/ה") for a person whose gender is known:
 * male → the base word, female → base + ending (a final letter becomes medial: ספקן → ספקנית). Unknown gender
 * keeps the slash form, which addresses everyone.
 */
export function genderSlash(text: string, gender: Gender | null | undefined): string {
  if (!gender) return text;
  return text
    .replace(/(^|[^\u05d0-\u05ea])את\/ה(?![\u05d0-\u05ea])/g, (_, pre: string) => `${pre}${gender === 'female' ? 'את' : 'אתה'}`)
    .replace(/([\u05d0-\u05ea]+)\/(ה|ת|ית|י)(?![\u05d0-\u05ea])/g, (_, base: string, end: string) => {
      if (gender === 'male') return base;
      const last = base.slice(-1);
      return base.slice(0, -1) + (FINAL_TO_MEDIAL[last] ?? last) + end;
    });
}

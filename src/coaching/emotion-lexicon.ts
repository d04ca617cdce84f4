/**
 * Emotion cue phrases, Hebrew first. Matched on normalised text (analysis normalizeText) at word boundaries;
 * Hebrew phrases also match with a leading clitic (ו/ה/ש/ב/ל/כ/מ). The sales-act classifier adds the rest
 * (objections → skeptical, buying signals → interested).
 */
import { normalizeText, type Language } from '../analysis/index.ts';

export const CUSTOMER_MOODS = ['calm', 'interested', 'skeptical', 'annoyed', 'angry', 'confused'] as const;
export type CustomerMood = (typeof CUSTOMER_MOODS)[number];
export type CueMood = Exclude<CustomerMood, 'calm'>;

export const MOOD_LABELS: Record<CustomerMood, { he: string; en: string }> = {
  calm: { he: 'רגוע', en: 'Calm' },
  interested: { he: 'מתעניין', en: 'Interested' },
  skeptical: { he: 'ספקן', en: 'Skeptical' },
  annoyed: { he: 'מוטרד', en: 'Annoyed' },
  angry: { he: 'כועס', en: 'Angry' },
  confused: { he: 'מבולבל', en: 'Confused' },
};

const CUES: Record<Language, Record<CueMood, string[]>> = {
  he: {
    angry: ['חוצפה', 'שערורייה', 'שערוריה', 'נמאס לי', 'אל תתקשרו', 'אל תתקשר', 'תורידו אותי', 'די כבר', 'עזוב אותי', 'עזבי אותי', 'אני מנתק', 'אני מנתקת', 'רמאים', 'גנבים', 'מטומטם', 'זלזול', 'אני אתלונן', 'איך אתם מעזים', 'זה לא מקובל', 'לא מקובל עליי', 'עד כאן'],
    annoyed: ['כבר אמרתי', 'כמה פעמים', 'שוב פעם', 'תגיע לעניין', 'תגיעי לעניין', 'בקיצור', 'אין לי זמן לזה', 'באמצע העבודה', 'נו באמת', 'מעצבן', 'מתיש', 'לא עכשיו', 'יאללה', 'מה אתה רוצה', 'מה את רוצה', 'חבל על הזמן'],
    skeptical: ['אני לא בטוח', 'אני לא בטוחה', 'באמת', 'נשמע טוב מדי', 'מה הקאץ', 'איפה הקאץ', 'מה המלכוד', 'אני לא משוכנע', 'אני לא משוכנעת', 'שמעתי את זה', 'כולם אומרים', 'תוכיח', 'תוכיחי', 'בטוח שיש אותיות קטנות', 'אותיות קטנות', 'אני בספק', 'לא נראה לי'],
    confused: ['לא הבנתי', 'לא מבין', 'לא מבינה', 'מה זאת אומרת', 'מה זה אומר', 'לא ברור לי', 'אפשר להסביר', 'תסביר', 'תסבירי', 'הלכתי לאיבוד', 'מבולבל', 'מבולבלת', 'רגע רגע', 'על מה מדובר', 'מה ההבדל'],
    interested: ['מעניין', 'ספר לי עוד', 'ספרי לי עוד', 'נשמע טוב', 'נשמע מעולה', 'זה מה שחיפשתי', 'אני אוהב', 'אני אוהבת', 'יפה', 'וואו', 'זה בדיוק', 'אשמח לשמוע', 'איך זה עובד', 'נשמע הגיוני'],
  },
  en: {
    angry: ['ridiculous', 'outrageous', 'unacceptable', 'stop calling', 'take me off', 'how dare', 'fed up', 'furious', 'scam', 'scammers', "i'm hanging up", 'i am hanging up', 'this is a joke', 'waste of my time', 'i will complain', 'leave me alone', 'enough'],
    annoyed: ['i already told you', 'already said', 'how many times', 'get to the point', 'come on', "i don't have time for this", 'seriously', 'whatever', 'again?', 'not now', 'just tell me', 'hurry up', 'annoying'],
    skeptical: ["i'm not sure", 'i am not sure', 'really?', 'sounds too good', "what's the catch", 'what is the catch', 'prove it', "i'm not convinced", 'i doubt', 'everyone says that', 'fine print', "i've heard that before", "i don't buy", 'hard to believe'],
    confused: ["i don't understand", 'i do not understand', 'what do you mean', "i'm confused", 'i am confused', 'can you explain', 'lost me', 'not clear', "i don't follow", 'what does that mean', "what's the difference", 'wait, what'],
    interested: ['interesting', 'tell me more', 'sounds good', 'sounds great', 'that is what i need', "that's what i need", 'i like that', 'i like it', 'how does it work', 'makes sense', 'exactly what', 'love that'],
  },
};

/** Hedges and stress markers in the agent's own words. */
export const AGENT_HEDGES: Record<Language, string[]> = {
  he: ['אולי', 'אני חושב ש', 'אני חושבת ש', 'נדמה לי', 'לא בטוח', 'לא בטוחה', 'אני מקווה', 'בערך', 'פחות או יותר', 'סליחה', 'אני לא יודע', 'אני לא יודעת', 'יכול להיות'],
  en: ['maybe', 'i think', 'i guess', 'i suppose', 'probably', 'not sure', 'i hope', 'sort of', 'kind of', 'sorry', "i don't know", 'perhaps', 'might be'],
};

const HE_PREFIX = '(?:[ושהבלכמ]|כש|מש){0,2}';
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(lang: Language, phrases: string[]): RegExp {
  const alts = phrases.map((p) => {
    const body = esc(normalizeText(p)).replace(/ /g, '[\\s,]+');
    return lang === 'he' && /[\u05D0-\u05EA]/.test(p) ? `${HE_PREFIX}${body}` : body;
  });
  return new RegExp(`(?<![\\p{L}\\d])(?:${alts.join('|')})(?![\\p{L}\\d])`, 'gu');
}

const compiled = new Map<Language, { moods: [CueMood, RegExp][]; hedges: RegExp }>();

function lexicon(lang: Language) {
  let c = compiled.get(lang);
  if (!c) {
    c = {
      moods: (Object.keys(CUES[lang]) as CueMood[]).map((m) => [m, compile(lang, CUES[lang][m])]),
      hedges: compile(lang, AGENT_HEDGES[lang]),
    };
    compiled.set(lang, c);
  }
  return c;
}

/** Count of cue phrases per mood in a text. */
export function moodCues(text: string, lang: Language): Record<CueMood, number> {
  const n = normalizeText(text);
  const out = { angry: 0, annoyed: 0, skeptical: 0, confused: 0, interested: 0 };
  for (const [m, re] of lexicon(lang).moods) out[m] = n.match(re)?.length ?? 0;
  return out;
}

/** Count of hedges ("maybe", "אולי") in a text. */
export function hedgeCount(text: string, lang: Language): number {
  return normalizeText(text).match(lexicon(lang).hedges)?.length ?? 0;
}

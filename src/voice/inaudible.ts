/**
 * Speech without words: the agent spoke (the VAD heard it) but no transcript could be had — no recogniser, a
 * recogniser error, or an empty result. The turn is kept as inaudible and the customer reacts as a person on a
 * bad line would, in the call's language and the persona's manner; the agent is told once why, and the fix.
 */
import type { Language } from '../analysis/index.ts';
import type { VoicePersona } from './engine.ts';
import type { ServerMessageOf, TranscriptProblem } from './protocol.ts';

export { TRANSCRIPT_PROBLEMS, type TranscriptProblem } from './protocol.ts';

type Bilingual = { he: string; en: string };

/** What the live panel says, once per problem: why, and the fix. */
export const TRANSCRIPT_NOTICES: Record<TranscriptProblem, Bilingual> = {
  no_recognition: {
    he: 'הדיבור שלך נשמע, אבל אין מה שיהפוך אותו למילים: לשרת אין מנוע תמלול והדפדפן לא מזהה דיבור. הלקוח שומע "קו גרוע" והשיחה לא תקבל ציון. התיקון: התקינו מודל תמלול מקומי (npx salesgym models pull) או הגדירו OPENAI_API_KEY / TRANSCRIBE_BASE_URL; עד אז — הקלידו את המשפטים בתיבה.',
    en: 'Your speech is heard, but nothing turns it into words: the server has no speech recogniser and the browser recognises none. The customer hears a bad line and the call gets no score. Fix: install a local recognition model (npx salesgym models pull) or set OPENAI_API_KEY / TRANSCRIBE_BASE_URL; until then, type your sentences in the box.',
  },
  engine_error: {
    he: 'מנוע התמלול נכשל, ולכן הלקוח לא הבין את מה שנאמר. התיקון: בדקו את הגדרות התמלול (TRANSCRIBE_BASE_URL, המפתח, המודל, או הקובץ ב-TRANSCRIBE_MODEL_PATH); בינתיים אפשר להקליד.',
    en: 'The speech recogniser failed, so the customer did not understand what was said. Fix: check the transcription settings (TRANSCRIBE_BASE_URL, key, model, or the file at TRANSCRIBE_MODEL_PATH); meanwhile you can type.',
  },
  empty: {
    he: 'נשמע דיבור אבל לא זוהו מילים. התיקון: דברו קרוב יותר למיקרופון ובדקו אותו בבדיקת המיקרופון בעמוד התרגול; אפשר גם להקליד.',
    en: 'Speech was heard but no words were recognised. Fix: speak closer to the microphone and test it with the microphone check on the practice page; you can also type.',
  },
};

/** The live panel's message for a problem, in the call's language (a recogniser error adds its own words). */
export function transcriptionNotice(reason: TranscriptProblem, language: Language, detail?: string): ServerMessageOf<'transcription_notice'> {
  const texts = TRANSCRIPT_NOTICES[reason];
  return { type: 'transcription_notice', reason, text: detail ? `${texts[language]} (${detail})` : texts[language], texts };
}

const LINES: Record<Language, { polite: string[]; curt: string[]; lost: string[] }> = {
  // impersonal forms ("לא שומעים אותך", "אפשר שוב?") so the line fits a customer and an agent of either gender
  he: {
    polite: [
      'סליחה, הקו נקטע לי. אפשר לחזור על זה?',
      'הלו? לא שומעים אותך טוב, יש הפרעות בקו. אפשר שוב?',
      'סליחה, הקליטה פה גרועה ולא הבנתי מה נאמר. אפשר להגיד שוב?',
      'רגע, זה נשמע מקוטע לגמרי. אפשר לחזור על המשפט האחרון?',
    ],
    curt: ['מה? לא שומעים כלום. עוד פעם.', 'הלו? הקו מקרטע, לא הבנתי כלום. שוב?', 'שוב לא נשמע. יש בעיה בקו שלך.'],
    lost: ['הלו? עדיין לא שומעים אותך בכלל. אולי כדאי לבדוק את הקו ולחזור אליי?', 'אני עדיין על הקו, אבל לא עובר שום דבר. נסו לדבר קרוב יותר לטלפון.'],
  },
  en: {
    polite: [
      "Sorry, you're breaking up — can you say that again?",
      "Hello? The line's really bad, I didn't catch that. Could you repeat it?",
      'Sorry, I lost you for a second there. What did you say?',
      'You cut out completely — could you say that last part again?',
    ],
    curt: ["What? I can't hear you. Again.", "Hello? You're breaking up. Repeat that.", "I didn't get a word of that."],
    lost: ["Hello? I still can't hear you at all — maybe check your line and call me back?", "I'm still here, but nothing is coming through. Try speaking closer to the phone."],
  },
};

const CURT_MOOD = /annoy|angry|impatient|skeptic|irritat|hostile|עצבנ|כועס|חסר.? סבלנות|סקפטי|ספקן|חשדן/i;

/** The persona's manner on a bad line: curt when annoyed, sceptical or impatient (short silence window). */
export function badLineManner(persona: Pick<VoicePersona, 'card' | 'turnTaking'>): 'polite' | 'curt' {
  if (persona.card.mood && CURT_MOOD.test(persona.card.mood)) return 'curt';
  return persona.turnTaking.silenceMs < 550 ? 'curt' : 'polite';
}

/**
 * The customer's reactions to inaudible turns: "you're breaking up", never the same line twice in a row, and
 * after three inaudible turns in a row a line that says the line is still dead. A worded turn resets it.
 */
export class BadLine {
  private inARow = 0;
  private used = 0;
  private readonly manner: 'polite' | 'curt';

  constructor(private readonly persona: Pick<VoicePersona, 'language' | 'card' | 'turnTaking'>) {
    this.manner = badLineManner(persona);
  }

  /** The customer's line for the next inaudible turn. */
  next(): string {
    this.inARow++;
    const bank = LINES[this.persona.language];
    const lines = this.inARow >= 3 ? bank.lost : bank[this.manner];
    return lines[this.used++ % lines.length];
  }

  /** The agent was understood: the next inaudible turn starts the count again. */
  understood(): void {
    this.inARow = 0;
  }
}

/**
 * The offline customer's own lines (beyond the persona's phrase bank) and the LinePicker that never says the same
 * sentence twice in one call. `[m|f]` forms agree with the customer's gender (genderize).
 */
import { normalizeForMatch, type Language, type ObjectionKind } from '../../analysis/index.ts';
import { genderize, type Gender, type Rng, type Technique } from '../../personas/index.ts';

export const OWN_SITUATIONS = [
  'reRaise', 'reRaiseSharp', 'movedOnDispleased', 'resurface', 'tooEarly', 'hesitate', 'agreeNextStepTail',
  'techAnswered', 'techVague', 'detailRemembered', 'calmingDown', 'wrapUp', 'noReason', 'empty', 'goAhead', 'openAnswer',
  'remind', 'agreeWhen', 'likeISaid', 'repeat', 'confirm', 'correct', 'partly', 'understood', 'whyAsk', 'backToIt',
  'noMoreQuestions', 'callerHelped', 'dismissed', 'byeNotBooked', 'proposalTooEarly', 'proposalNotYet', 'proposalHold', 'hangUpIgnored', 'hangUpMonologue', 'hangUpNoReason', 'hangUpNowhere',
  'callbackOk', 'callbackDoubt',
] as const;
export type OwnSituation = (typeof OWN_SITUATIONS)[number];

const HE: Record<OwnSituation, string[]> = {
  reRaise: ['שאלתי אותך משהו.', 'לא ענית לי.', 'רגע, לא התייחסת למה שאמרתי.', 'אתה מדלג על מה שאמרתי.'],
  reRaiseSharp: ['אני אומר[|ת] את זה כבר פעם שנייה.', 'תקשיב, אתה פשוט מתעלם ממני.', 'אני לא [ממשיך|ממשיכה] עד שתענה לי על זה.', 'זו כבר הפעם השלישית שאני [אומר|אומרת] את זה.'],
  movedOnDispleased: ['טוב, לא קיבלתי תשובה, אבל נמשיך.', 'בסדר, נעזוב את זה בינתיים. זה עדיין מפריע לי.', 'אוקיי, נראה שאין לך תשובה לזה.'],
  resurface: ['ועדיין לא ענית לי על מה שאמרתי קודם.', 'לפני שמחליטים משהו — עוד לא סגרנו את מה שהעליתי.', 'רגע, ומה עם מה שאמרתי קודם?'],
  tooEarly: ['רגע, רגע, אנחנו רק התחלנו לדבר.', 'אתה ממהר מדי. אני עוד לא יודע[|ת] כלום.', 'לקבוע? עוד לא הבנתי בכלל מה אתה מציע.', 'לאט לאט, עוד לא הגענו לזה.'],
  hesitate: ['זה נשמע טוב, אבל אני עוד [מתלבט|מתלבטת].', 'אני כמעט שם, תן לי עוד רגע לחשוב.', 'האמת שזה מעניין אותי, רק לא בטוח[|ה] שעכשיו.', 'אני לא [אומר|אומרת] לא. פשוט קשה לי להחליט.'],
  agreeNextStepTail: ['שיהיה {nextStep}.', 'אז {nextStep}, כן?', 'בסדר, {nextStep}.'],
  techAnswered: ['טוב, זו תשובה ברורה.', 'אוקיי, עכשיו זה מובן לי.', 'יפה, את זה רציתי לשמוע.'],
  techVague: ['זה לא מה ששאלתי.', 'זה כללי מדי, אני צריך[|ה] תשובה מדויקת.', 'לא ענית לי על השאלה.'],
  detailRemembered: ['נכון, טוב שזכרת.', 'יפה שאתה זוכר את זה.', 'כן, בדיוק.'],
  calmingDown: ['טוב... תודה שאתה מקשיב.', 'אוקיי, לפחות מישהו מבין אותי.', 'טוב, זה כבר עוזר קצת.'],
  wrapUp: ['אני חייב[|ת] לסיים עוד רגע.', 'בוא נסכם, אין לי הרבה זמן.', 'עוד דקה אני צריך[|ה] לזוז.'],
  noReason: ['אז מה אתה רוצה ממני בעצם?', 'עדיין לא הבנתי למה התקשרת.', 'על מה מדובר? תגיד כבר.'],
  empty: ['נו?', 'אני מחכה.', 'כן, אני פה.'],
  goAhead: ['כן, אני מקשיב[|ה].', 'כן, בבקשה.', 'בסדר, יש לי כמה דקות.'],
  openAnswer: ['האמת שלא חשבתי על זה הרבה.', 'אין משהו מיוחד, הכל די רגיל.', 'זה פחות מעסיק אותי כרגע.', 'תלוי, קשה לי להגיד.', 'לא יודע[|ת], אף פעם לא בדקתי את זה לעומק.'],
  remind: ['ועדיין, לגבי מה שאמרתי קודם —', 'אבל נחזור רגע למה שאמרתי —', 'ועוד לא סגרנו את מה שהעליתי —'],
  agreeWhen: ['{when} מתאים לי.', 'אוקיי, {when}.', 'סגור, {when}.'],
  likeISaid: ['כמו שאמרתי,', 'אמרתי כבר,', 'כבר סיפרתי,'],
  repeat: ['אמרתי:', 'שוב:', 'אני חוזר[|ת]:'],
  confirm: ['כן, בדיוק.', 'נכון, זה זה.', 'כן, הבנת נכון.'],
  correct: ['לא בדיוק.', 'רגע, לא בדיוק.', 'לא ממש.'],
  partly: ['פחות או יותר. מה שהכי חשוב לי:', 'בערך, כן. העיקר אצלי:', 'כן, פחות או יותר. מעל הכל:'],
  understood: ['כן, עכשיו זה יותר ברור.', 'כן, הבנתי, תודה.', 'כן, ככה זה מובן.'],
  whyAsk: ['למה אתה שואל?', 'למה זה משנה?', 'למה זה חשוב לך?'],
  backToIt: ['בכל מקרה,', 'אבל בוא נחזור לעניין,', 'אז כמו שאמרתי,'],
  noMoreQuestions: ['לא, זהו בינתיים.', 'לא, זה מה שרציתי לדעת.'],
  callerHelped: ['סוף סוף. תודה.', 'טוב, זה מה שרציתי לשמוע.', 'אוקיי, תודה שטיפלת בזה.'],
  dismissed: ['אל תגיד לי להירגע!', 'דברים כאלה קורים? לי זה קרה, ואני זה שמשלם[|ת].', 'זה בדיוק מה שמעצבן אותי, שאף אחד לא לוקח את זה ברצינות.'],
  byeNotBooked: ['רק שיהיה ברור, לא קבענו כלום. אני אחשוב על זה.', 'רק שנדע, עוד לא קבענו. אני אחזור אליך.'],
  proposalTooEarly: ['{when}? רגע, עוד לא הגענו לזה.', '{when}? לקבוע כבר? עוד לא הבנתי מה אתה מציע.'],
  proposalNotYet: ['{when}? אני עוד לא [מוכן|מוכנה] לקבוע.', '{when}? עוד לא, אני צריך[|ה] לחשוב.', '{when} לא מתאים לי כרגע.'],
  proposalHold: ['{when}? לפני שקובעים משהו —', 'רגע, לפני שנקבע {when} —'],
  hangUpIgnored: ['אתה לא עונה על מה שאני שואל[|ת].', 'אני מדבר[|ת] ואתה לא מקשיב.'],
  hangUpMonologue: ['אתה לא נותן לי להגיד מילה.', 'רק אתה מדבר פה.'],
  hangUpNoReason: ['אני עדיין לא יודע[|ת] למה התקשרת.', 'לא הבנתי מה אתה רוצה ממני.'],
  hangUpNowhere: ['זה לא מוביל לשום מקום.', 'אנחנו מסתובבים במעגלים.'],
  callbackOk: ['טוב, אני [מחכה|מחכה] שתחזור אליי{when}.', 'בסדר, אז נדבר{when}.'],
  callbackDoubt: ['טוב, אבל הפעם שזה באמת יקרה{when}. כבר הבטיחו לי.', 'בסדר, אני [מחכה|מחכה]{when}. אבל אם לא תחזור אליי, אני עוזב[|ת].'],
};

const EN: Record<OwnSituation, string[]> = {
  reRaise: ['I asked you something.', 'You did not answer me.', 'Hold on, you skipped what I said.', 'You are brushing past what I said.'],
  reRaiseSharp: ['That is the second time I am saying this.', 'Listen, you are simply ignoring me.', 'I am not going on until you answer that.', 'That is the third time I am telling you this.'],
  movedOnDispleased: ['Well, I did not get an answer, but go on.', 'Fine, let’s leave it for now. It still bothers me.', 'Okay, it seems you have no answer to that.'],
  resurface: ['And you still have not answered what I said before.', 'Before we decide anything — we never settled what I raised.', 'Wait, what about what I said earlier?'],
  tooEarly: ['Wait, wait, we only just started talking.', 'You are rushing. I don’t know anything yet.', 'Book it? I don’t even understand what you are offering.', 'Slow down, we are not there yet.'],
  hesitate: ['It sounds good, but I am still on the fence.', 'I am almost there, give me a moment to think.', 'Honestly it interests me, I am just not sure about now.', 'I am not saying no. I just find it hard to decide.'],
  agreeNextStepTail: ['Let’s do {nextStep}.', 'So {nextStep}, right?', 'Fine, {nextStep}.'],
  techAnswered: ['Okay, that is a clear answer.', 'Alright, now I get it.', 'Good, that is what I wanted to hear.'],
  techVague: ['That is not what I asked.', 'That is too general, I need a precise answer.', 'You did not answer my question.'],
  detailRemembered: ['Right, good that you remembered.', 'Nice that you remember that.', 'Yes, exactly.'],
  calmingDown: ['Okay... thanks for listening.', 'Alright, at least someone understands me.', 'Fine, that helps a bit.'],
  wrapUp: ['I have to finish in a moment.', 'Let’s wrap up, I do not have much time.', 'I need to go in a minute.'],
  noReason: ['So what do you actually want from me?', 'I still do not get why you called.', 'What is this about? Just say it.'],
  empty: ['And?', 'I am waiting.', 'Yes, I am here.'],
  goAhead: ['Sure, I am listening.', 'Yes, go ahead.', 'Okay, I have a few minutes.'],
  openAnswer: ['Honestly, I have not thought about it much.', 'Nothing special, it is all pretty normal.', 'That is not really on my mind right now.', 'It depends, hard to say.', 'I don’t know, I never looked into it properly.'],
  remind: ['Still, about what I said before —', 'But back to what I said —', 'And we have not settled what I raised —'],
  agreeWhen: ['{when} works for me.', 'Okay, {when}.', 'Fine, {when} it is.'],
  likeISaid: ['Like I said,', 'As I said,', 'I told you,'],
  repeat: ['I said:', 'Again:', 'What I said was:'],
  confirm: ['Yes, exactly.', 'Right, that is it.', 'Yes, you got it right.'],
  correct: ['Not exactly.', 'Wait, not quite.', 'No, not really.'],
  partly: ['More or less. The main thing for me:', 'Pretty much, yes. What matters most to me:', 'Yes, more or less. Above all:'],
  understood: ['Yes, that is clearer now.', 'Yes, I get it, thanks.', 'Yes, put like that it makes sense.'],
  whyAsk: ['Why do you ask?', 'Why does it matter?', 'Why is that important?'],
  backToIt: ['Anyway,', 'But back to why I called,', 'So, like I said,'],
  noMoreQuestions: ['No, that is it for now.', 'No, that is what I wanted to know.'],
  callerHelped: ['Finally. Thank you.', 'Okay, that is what I wanted to hear.', 'Alright, thanks for dealing with it.'],
  dismissed: ['Do not tell me to calm down!', 'These things happen? They happened to me, and I am the one paying.', 'That is exactly what annoys me, nobody takes this seriously.'],
  byeNotBooked: ['Just so it is clear, we did not book anything. I will think about it.', 'Just so we know, nothing is booked yet. I will get back to you.'],
  proposalTooEarly: ['{when}? Wait, we are not there yet.', '{when}? Book already? I do not even know what you are offering.'],
  proposalNotYet: ['{when}? I am not ready to book anything yet.', '{when}? Not yet, I need to think.', '{when} does not work for me right now.'],
  proposalHold: ['{when}? Before we book anything —', 'Wait, before we set {when} —'],
  hangUpIgnored: ['You are not answering what I ask.', 'I keep talking and you are not listening.'],
  hangUpMonologue: ['You do not let me get a word in.', 'Only you are talking here.'],
  hangUpNoReason: ['I still do not know why you called.', 'I do not get what you want from me.'],
  hangUpNowhere: ['This is going nowhere.', 'We are going round in circles.'],
  callbackOk: ['Okay, I will wait for your call{when}.', 'Fine, talk to you{when} then.'],
  callbackDoubt: ['Fine, but this time make sure it happens{when}. I have been promised before.', 'Okay, I will wait{when}. But if nobody calls, I am leaving.'],
};

/** In-character nudges (supportive mode): what would convince the customer, by objection kind. */
const HINTS: Record<Language, Record<ObjectionKind, string[]>> = {
  he: {
    price: ['אם היית מראה לי כמה זה יוצא בחודש, אולי הייתי חושב[|ת] אחרת.', 'תגיד לי מה אני חוסך[|ת], לא כמה זה עולה.'],
    timing: ['אם תציע זמן מסוים שנוח לי, אולי נמצא משהו.', 'אם זה קצר ובזמן שלי, אפשר לדבר על זה.'],
    trust: ['אם יש משהו בלי התחייבות, זה היה מרגיע אותי.', 'תן לי סיבה להאמין לך, משהו מוחשי.'],
    competitor: ['תסביר לי מה אתם נותנים שהם לא נותנים.', 'אם ההבדל באמת משמעותי, תגיד לי מה הוא.'],
    authority: ['אם נקבע כשגם הצד השני יכול להיות, זה יהיה יותר פשוט.', 'תציע שנדבר כולנו ביחד.'],
    no_need: ['אולי תשאל אותי קודם מה יש לי היום.', 'אם היית שואל מה חסר לי, אולי היינו מגיעים למשהו.'],
  },
  en: {
    price: ['If you showed me what it comes to per month, maybe I would think differently.', 'Tell me what I save, not what it costs.'],
    timing: ['If you suggest a specific time that suits me, maybe we can find something.', 'If it is short and on my schedule, we can talk about it.'],
    trust: ['If there is something with no commitment, that would reassure me.', 'Give me a reason to believe you, something concrete.'],
    competitor: ['Explain what you give that they don’t.', 'If the difference really matters, tell me what it is.'],
    authority: ['If we set it when the other side can join too, it would be simpler.', 'Suggest that we all talk together.'],
    no_need: ['Maybe ask me first what I have today.', 'If you asked what I am missing, maybe we would get somewhere.'],
  },
};

/** What would settle a resurfaced objection, by the technique still missing: the customer says what they need to hear. */
const ASK: Record<Language, Record<Technique, string[]>> = {
  he: {
    acknowledge: ['קודם כל, תגיד לי שהבנת מה אמרתי.'],
    empathy: ['הייתי רוצה להרגיש שאתה מבין אותי, לא רק מוכר לי.'],
    clarifying_question: ['אתה אפילו לא שאלת אותי מה בדיוק מפריע לי.'],
    value_to_need: ['תסביר לי מה זה נותן בדיוק למה שסיפרתי לך.'],
    reframe_cost: ['תראה לי כמה זה יוצא באמת, בחודש.'],
    social_proof: ['יש בכלל אנשים במצב שלי שעשו את זה והרוויחו?', 'ספר לי על מישהו במצב שלי שזה עזר לו.'],
    differentiate: ['מה בעצם ההבדל בינכם לבין מה שיש לי?'],
    risk_reversal: ['מה קורה אם זה לא מתאים לי? אני מחויב[|ת] למשהו?'],
    involve_decision_maker: ['ומה עם [אשתי|בעלי]? זה לא רק אני.'],
    specific_next_step: ['אם כבר, תגיד לי מתי בדיוק ולכמה זמן.'],
    credentials: ['למה שאסמוך עליכם? מי אתם בכלל?'],
    explain_simply: ['תסביר לי את זה פשוט, בלי מילים גדולות.'],
  },
  en: {
    acknowledge: ['First, tell me you heard what I said.'],
    empathy: ['I would like to feel you understand me, not just sell to me.'],
    clarifying_question: ['You never even asked what exactly bothers me.'],
    value_to_need: ['Tell me what it does for exactly what I told you.'],
    reframe_cost: ['Show me what it really comes to, per month.'],
    social_proof: ['Are there people in my situation who did this and it paid off?', 'Tell me about someone like me it helped.'],
    differentiate: ['What is the actual difference from what I have?'],
    risk_reversal: ['What if it does not suit me? Am I committing to anything?'],
    involve_decision_maker: ['And what about my [wife|husband]? It is not only me.'],
    specific_next_step: ['If anything, tell me exactly when and for how long.'],
    credentials: ['Why should I trust you? Who are you anyway?'],
    explain_simply: ['Explain it to me simply, without the big words.'],
  },
};

const NEED_HINT: Record<Language, string[]> = {
  he: ['אם היית שואל אותי על {topic}, היה לי מה להגיד.', 'יש דבר אחד שמטריד אותי, קשור ל{topic}.'],
  en: ['If you asked me about {topic}, I would have something to say.', 'There is one thing that bothers me, to do with {topic}.'],
};

/** Connectors that turn a used line into a fresh variant when a pool runs dry. */
const CONNECTORS: Record<Language, string[]> = {
  he: ['ושוב,', 'כמו שאמרתי,', 'תראה,', 'בקיצור,', 'אז ככה,', 'ואני אומר[|ת] לך,', 'ועוד דבר,'],
  en: ['Again,', 'Like I said,', 'Look,', 'In short,', 'So,', 'And I tell you,', 'And another thing,'],
};

export interface OwnLines {
  own(s: OwnSituation): string[];
  hint(kind: ObjectionKind): string[];
  ask(t: Technique): string[];
  needHint(topic: string): string[];
  connectors: string[];
}

export function ownLines(language: Language, gender: Gender): OwnLines {
  const src = language === 'he' ? HE : EN;
  const g = (xs: string[]) => xs.map((s) => genderize(s, gender));
  return {
    own: (s) => g(src[s]),
    hint: (k) => g(HINTS[language][k]),
    ask: (t) => g(ASK[language][t]),
    needHint: (topic) => g(NEED_HINT[language]).map((s) => s.replace('{topic}', topic)),
    connectors: g(CONNECTORS[language]),
  };
}

const key = (s: string) => normalizeForMatch(s);

/** Picks lines at random (seeded) and never returns a sentence already said in this call. */
export class LinePicker {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng, private readonly connectors: string[]) {}

  /** An independent picker in the same state (same lines said, same random stream from here). */
  copy(): LinePicker {
    const c = new LinePicker(this.rng.copy(), this.connectors);
    for (const k of this.used) c.used.add(k);
    return c;
  }

  /** True when the sentence was already said. */
  said(line: string): boolean {
    return this.used.has(key(line));
  }

  /** Record a sentence as said (e.g. the opening line). */
  mark(line: string): void {
    this.used.add(key(line));
  }

  /** An unsaid line from the first pool that has one; null when every pool is exhausted. */
  pick(...pools: readonly (readonly string[])[]): string | null {
    for (const pool of pools) {
      const fresh = pool.filter((l) => l.trim() && !this.said(l));
      if (fresh.length > 0) {
        const line = this.rng.pick(fresh);
        this.mark(line);
        return line;
      }
    }
    return null;
  }

  /** Like pick, but when the pools are exhausted returns a fresh variant ("Like I said, …"); null only for empty pools. */
  must(...pools: readonly (readonly string[])[]): string | null {
    const direct = this.pick(...pools);
    if (direct) return direct;
    const all = pools.flat().filter((l) => l.trim());
    for (const c of this.rng.shuffle(this.connectors)) {
      for (const line of this.rng.shuffle(all)) {
        const v = `${c} ${lowerFirst(line)}`;
        if (!this.said(v)) {
          this.mark(v);
          return v;
        }
      }
    }
    return null;
  }
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) && !/^I\b/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

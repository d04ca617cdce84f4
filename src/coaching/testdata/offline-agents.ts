/**
 * Two scripted agents for offline practice calls, in Hebrew and English. The good one opens with a reason,
 * asks open discovery questions, pauses before answering an objection and acknowledges it with a question, ties
 * value to what it heard and proposes a dated next step. The poor one pitches price first in a filler-heavy
 * monologue, argues with objections at once, never asks about needs and pushes for a yes.
 */
import { classifyUtterance, splitSentences, type Language, type ObjectionKind } from '../../analysis/index.ts';
import type { ScriptedAgent } from './offline-call.ts';

interface GoodLines {
  opening: string;
  discovery: string[];
  /** Acknowledge, answer with substance, ask — per objection kind. */
  objection: Record<ObjectionKind | 'other' | 'timingEarly', string[]>;
  answer: string[];
  value: string;
  /** Dated next-step proposals, one per close attempt: a time, both decision makers, free and no commitment. */
  closes: string[];
  /** Real answers to the customer's own questions, by what they ask about. */
  topics: [RegExp, string][];
  wrap: string;
  /** The customer pushes back on being ignored or wants it short. */
  pushback: RegExp;
  hurry: RegExp;
  /** Brush-offs a good agent hears as "no need" even when the classifier does not. */
  brushOff: RegExp;
  /** A yes to the proposed meeting; anything else gets one easier close. */
  agree: RegExp;
  /** A sentence that names a worry or pain (not "I have everything I need"). */
  worry: RegExp;
  /** Ties an answer to a need the customer stated, in their words. */
  tie: (need: string) => string;
  /** The answer to a timing remark made alongside another concern: the short length and a dated slot. */
  alsoTiming: string;
}

/** A line without its closing question (when another answer in the same turn ends with one). */
const withoutQuestion = (line: string) => line.replace(/\s*[^.!?]*\?$/, '');

const GOOD: Record<Language, GoodLines> = {
  he: {
    opening: 'שלום, מדבר מיכאל ממגן ביטוחים. אני מתקשר כי השארת פרטים לבדיקת תיק ביטוחי. יש לך שתי דקות?',
    discovery: [
      'מעולה. ספר לי, מה גרם לך להשאיר פרטים דווקא עכשיו?',
      'הבנתי, תודה שסיפרת. איך אתה מבוטח היום, ומתי בדקת את התיק בפעם האחרונה?',
      'אני מבין. מה הכי חשוב לך שהביטוח יכסה בשביל המשפחה?',
      'הגיוני. ואיך הייתה החוויה שלך כשהיה צריך להגיש תביעה?',
    ],
    objection: {
      no_need: [
        'אני מבין, וטוב שיש לך כיסוי. ביטוח דרך העבודה לרוב לא מכסה את בני המשפחה ונגמר כשעוזבים. מה יקרה לכיסוי שלכם אם תחליף עבודה?',
        'הגיוני, ואם התיק שלך טוב אני אגיד לך את זה. רוב הלקוחות שלנו שהיו מבוטחים דרך העבודה גילו בבדיקה חורים בכיסוי של המשפחה. מה הכי חשוב לך שלא יחסר?',
      ],
      price: [
        'אני מבין, הכסף חשוב, במיוחד עם ילדים. רוב הלקוחות שלנו דווקא חוסכים, כי אנחנו מבטלים כפילויות. כמה אתה משלם היום על כל הביטוחים יחד?',
        'הגיוני לגמרי. ההבדל הוא שאצלנו סוכן אישי מטפל בתביעה במקומך, בלי עלות נוספת. מה היה חשוב לך יותר, המחיר או הטיפול כשקורה משהו?',
      ],
      competitor: [
        'אני מבין, מחיר זה חשוב. ההבדל הוא מי מטפל בך כשיש תביעה: אצלנו סוכן אישי עושה את זה במקומך. איך הייתה החוויה שלך איתם בתביעה?',
        'הגיוני להשוות. אנחנו משווים בשבילך בין שש חברות, כולל המחיר הזה. מה עוד היה חשוב לך חוץ מהמחיר?',
      ],
      timing: [
        'לגמרי מבין שאתה עסוק. הבדיקה לוקחת עשרים דקות בזום. מה מתאים לך, יום שלישי בעשר או רביעי בשש?',
      ],
      timingEarly: ['מבין, אז אקצר ואתמקד במה שחשוב לך. מה הכי חשוב לך שהביטוח יכסה כרגע?'],
      trust: [
        'אני מבין, שמעת הרבה הצעות. הבדיקה חינם, ואם התיק שלך טוב אני אגיד לך את זה. מה היה עוזר לך להרגיש בנוח?',
      ],
      authority: [
        'בטח, זו החלטה של שניכם. בוא נקבע פגישה ששניכם תהיו בה: יום שלישי בעשר או רביעי בשש?',
      ],
      other: [
        'אני מבין, ותודה שאתה אומר את זה ישר. מה היית צריך לראות כדי שזה ישתלם לך?',
        'אתה צודק, לא עניתי לך עד הסוף. מה הכי חשוב לך שאענה עליו עכשיו?',
      ],
    },
    answer: [
      'שאלה טובה. אנחנו משווים בין שש חברות ביטוח ומבטלים כפילויות, וזה אומר שאתה משלם רק על מה שאתה באמת צריך. זה עונה על מה ששאלת?',
      'בקצרה: סוכן אישי קבוע מטפל בתביעה מול חברת הביטוח במקומך, בלי עלות נוספת, כך שאתה לא נשאר לבד כשקורה משהו. זה מה שחיפשת?',
    ],
    value:
      'ממה שסיפרת, חשוב לך לא לשלם על כפילויות ושהמשפחה תהיה מכוסה. בבדיקת התיק אנחנו מאתרים כפילויות, הלקוחות שלנו חוסכים בממוצע 180 שקל בחודש, ויש לך סוכן אישי שמלווה אותך גם בתביעות. זה נשמע כמו מה שאתה צריך?',
    closes: [
      'אז בוא נקבע פגישת בדיקת תיק של עשרים דקות בזום, יחד עם בן או בת הזוג. מה מתאים לך, יום שלישי בעשר בבוקר או רביעי בשש בערב?',
      'אני מבין שצריך לחשוב. הבדיקה חינם ובלי שום התחייבות, ואם התיק שלך טוב אני אגיד לך את זה. נקבע ליום חמישי בעשר בבוקר, שניכם יחד בזום?',
      'רוב הלקוחות שלנו חוסכים בממוצע 180 שקל בחודש אחרי הבדיקה, והיא חינם ובלי התחייבות. בוא נקבע ליום ראשון בשש בערב יחד עם בן הזוג, ואני שולח הזמנה?',
      'בוא נעשה את זה פשוט: אני שולח הזמנה ליום שלישי בעשר לשניכם, חינם ובלי התחייבות, ואם זה לא מתאים נזיז. לשלוח?',
    ],
    topics: [
      [/המספר|הפרטים שלי|מאיפה/, 'שאלה הוגנת. השארת פרטים באתר שלנו לבדיקת תיק חינם, וזה אומר שאנחנו מתקשרים רק למי שביקש. זה בסדר מבחינתך?'],
      [/זום|פגישה|כמה זמן|איך זה עובד|איך מתחילים/, 'בטח. הבדיקה היא עשרים דקות בזום, חינם, וזה אומר שלא צריך לצאת מהבית ושבן הזוג יכול להצטרף. זה מתאים לך?'],
      [/עמלה|מרוויח|משתלם לך|לסמוך/, 'שאלה חשובה. אנחנו סוכנות עצמאית שמשווה בין שש חברות, כך שאנחנו ממליצים על מה שמתאים לך ולא על מה שמשתלם לנו. מה עוד חשוב לך לדעת?'],
      [/כמה (זה )?עולה|מחיר|עלות|לשלם/, 'הבדיקה עצמה חינם. רוב הלקוחות חוסכים בממוצע 180 שקל בחודש כי אנחנו מבטלים כפילויות, כך שהיא משתלמת מהיום הראשון. כמה אתה משלם היום?'],
    ],
    wrap: 'מצוין, קבענו. אני שולח לך עכשיו הזמנה לזום ליום שלישי בעשר, ובפגישה נעבור יחד על כל הפוליסות. תודה רבה ויום טוב!',
    pushback: /לא ענית|עד שתענה|מה עם מה שאמרתי|מתעלם|לא מקשיב|אין לך תשובה/,
    hurry: /לזוז|לעניין|נקצר|שורה התחתונה|עוד דקה|עוד חמש דקות|נתקדם|אין לי זמן|כמה זמן/,
    brushOff: /מספיק לי|יש לי את כל|אני מסודר|לא צריך|למה אני צריך/,
    agree: /^(כן|סגור|מתאים לי|בוא נעשה)[,.!]?\s*(מתאים|קבענו|שלח|נקבע|סגרנו|בשמחה)/,
    worry: /מפריע|מדאיג|מטריד|דואג|לא רוצה שוב|קפץ|עולה כל שנה|התייקר|נעלם|נדח|לא מבין|חשוב לי/,
    alsoTiming: 'ולגבי הזמן: הבדיקה לוקחת רק עשרים דקות בזום. מה מתאים לך, יום שלישי בעשר או רביעי בשש?',
    tie: (need) => `אמרת לי ש${need.replace(/^(אז |האמת ש|האמת\? |בכנות\? )/, '').replace(/[.!?]+$/, '')}, ובדיוק את זה הבדיקה פותרת.`,
  },
  en: {
    opening: "Hi, this is Michael from Shield Insurance Agency. I'm calling because you left your details for a free insurance review. Do you have two minutes?",
    discovery: [
      'Great. Tell me, what made you leave your details right now?',
      'I see, thanks for telling me. How are you insured today, and when did you last review your policies?',
      'I understand. What matters most to you that your insurance covers for the family?',
      'That makes sense. And how was your experience the last time you had to make a claim?',
    ],
    objection: {
      no_need: [
        "I understand, and it's good that you have cover. Insurance through work usually doesn't cover the family and ends when you leave. What would happen to your cover if you changed jobs?",
        "That makes sense, and if your portfolio is fine I'll tell you so. Most of our clients who were insured through work found gaps in the family's cover in the review. What matters most to you that is never missing?",
      ],
      price: [
        'I understand, money matters, especially with kids. Most of our clients actually save, because we remove duplicate policies. How much do you pay today for all your insurance together?',
        'That makes sense. The difference is that a personal agent handles your claims for you at no extra cost. What matters more to you, the price or the help when something happens?',
      ],
      competitor: [
        'I understand, price matters. The difference is who takes care of you when there is a claim: with us a personal agent does it for you. How was your experience with them on a claim?',
        'It makes sense to compare. We compare six insurers for you, including that price. What else matters to you besides the price?',
      ],
      timing: ["I understand you're busy. The review takes twenty minutes on Zoom. What suits you, Tuesday at ten or Wednesday at six?"],
      timingEarly: ["I understand, so I'll keep it short and focus on what matters to you. What matters most to you that your insurance covers right now?"],
      trust: ["I understand, you've heard a lot of pitches. The review is free, and if your portfolio is fine I'll tell you so. What would help you feel comfortable?"],
      authority: ["Of course, it's a decision for both of you. Let's book a time when you can both join: Tuesday at ten or Wednesday at six?"],
      other: [
        'I understand, and thanks for being straight with me. What would you need to see for this to be worth it?',
        "You're right, I didn't fully answer you. What is the most important thing you want me to answer now?",
      ],
    },
    answer: [
      'Good question. We compare six insurers and remove duplicate policies, which means you only pay for what you actually need. Does that answer your question?',
      'In short: a personal agent handles your claims with the insurer for you at no extra cost, so you are never alone when something happens. Is that what you were looking for?',
    ],
    value:
      'From what you told me, you want to stop paying for duplicates and keep the family covered. In the review we find duplicates, our clients save about fifty dollars a month on average, and you get a personal agent who handles your claims. Does that sound like what you need?',
    closes: [
      "So let's book a twenty minute review on Zoom, together with your spouse. What suits you better, Tuesday at ten in the morning or Wednesday at six in the evening?",
      "I understand you want to think about it. The review is free with no commitment, and if your portfolio is fine I'll tell you so. Shall we set Thursday at ten in the morning, both of you together on Zoom?",
      'Most of our clients save about fifty dollars a month after the review, and it is free with no commitment. Shall we book Sunday at six in the evening together with your spouse, and I send the invite?',
      "Let's make it easy: I'll send an invitation for Tuesday at ten for both of you, free and with no commitment, and if it doesn't suit we'll move it. Shall I send it?",
    ],
    topics: [
      [/my number|my details|where did you/i, 'Fair question. You left your details on our website for a free review, which means we only call people who asked. Is that all right with you?'],
      [/zoom|meeting|how long|how does (it|this) work|how do we start/i, 'Sure. The review is twenty minutes on Zoom and free, which means you do not need to go anywhere and your spouse can join. Does that work for you?'],
      [/commission|pays you|trust you|pushing/i, 'Important question. We are an independent agency comparing six insurers, so we recommend what fits you, not what pays us. What else would you like to know?'],
      [/how much|price|cost|pay\b/i, 'The review itself is free. Most clients save about fifty dollars a month because we remove duplicate policies, so it pays off from day one. How much do you pay today?'],
    ],
    wrap: "Excellent, we're booked. I'm sending you the Zoom invitation for Tuesday at ten now, and in the meeting we'll go through every policy together. Thanks a lot and have a great day!",
    pushback: /did not answer|didn't answer|not answered|until you answer|what I said|ignor|not listening|no answer|brushing past/i,
    hurry: /go soon|to the point|keep it short|bottom line|one more minute|five more minutes|move on|no time|how long/i,
    brushOff: /enough for me|I have everything|I'm covered|don't need|why I need/i,
    agree: /\b(yes,? (that works|let's (do|book) it|send (it|the invite))|that works for me|let's do it)\b/i,
    worry: /bother|worr|never want|annoy|jumped|goes up|went up|disappeared|rejected|don't understand|not understand|matters (most )?to me/i,
    alsoTiming: 'And about the time: the review takes only twenty minutes on Zoom. What suits you, Tuesday at ten or Wednesday at six?',
    tie: (need) => `You told me ${need.replace(/^(honestly\?|so|and)\s*/i, '').replace(/^(\w)/, (m) => m.toLowerCase()).replace(/[.!?]+$/, '')}, and that is exactly what the review takes care of.`,
  },
};

/**
 * The good agent: reason first; acknowledged open questions; a pause, then acknowledge + answer with substance + a
 * question on every objection (again, differently, when told it was brushed past); real answers to the customer's
 * questions; value tied to needs; then dated next steps — asked again after each concern is handled, up to four times.
 */
export function goodAgent(lang: Language): ScriptedAgent {
  const L = GOOD[lang];
  let d = 0, ans = 0, closes = 0;
  let last: ObjectionKind | 'other' | null = null;
  let need: string | null = null;
  // the answer to an objection: the acknowledgement, then the customer's own need, then the substance and a question
  const tied = (line: string) => {
    if (!need) return line;
    const cut = line.search(/[.!?]\s/);
    return cut < 0 ? line : `${line.slice(0, cut + 1)} ${L.tie(need)}${line.slice(cut + 1)}`;
  };
  const used = new Map<string, number>();
  let stage: 'discover' | 'value' | 'close' | 'done' = 'discover';
  const objectionLine = (kind: ObjectionKind | 'other' | 'timingEarly') => {
    const lines = L.objection[kind];
    const i = used.get(kind) ?? 0;
    used.set(kind, i + 1);
    return lines[i % lines.length];
  };
  const close = () => {
    stage = 'close';
    if (closes >= L.closes.length) return null;
    return { text: L.closes[closes++], pauseMs: 700 };
  };
  return (v) => {
    if (stage === 'done') return null;
    if (v.turn === 1) return { text: L.opening, pauseMs: 0 };
    const stated = splitSentences(v.customer).filter((x) => L.worry.test(x) && classifyUtterance(x, lang).acts.includes('need_statement'));
    if (stated.length > 0) need = stated[stated.length - 1];
    if (closes > 0 && !v.objection && L.agree.test(v.customer) && !L.pushback.test(v.customer)) {
      stage = 'done';
      return { text: L.wrap, pauseMs: 700 };
    }
    // short of time: once a need is heard (or two questions asked), a good agent moves to the value and the dated next step
    if (L.hurry.test(v.customer) && stage === 'discover' && (d >= 2 || need !== null)) stage = 'value';
    if (v.objection) {
      // the first timing remark before any need is heard gets a shorter call; after that, timing and authority are
      // answered with the dated next step
      const early = d < 2 && need === null && !used.has('timingEarly');
      if (v.objection === 'timing' && early) return { text: objectionLine('timingEarly'), pauseMs: 1500 };
      if (v.objection === 'timing' || (v.objection === 'authority' && d >= 2)) return close();
      last = v.objection;
      const main = tied(objectionLine(v.objection));
      // a timing or authority concern raised in the same breath is answered too, with a time (or a shorter call)
      const also = v.objections.includes('authority') ? L.objection.authority[0] : v.objections.includes('timing') ? (early ? objectionLine('timingEarly') : L.alsoTiming) : null;
      return { text: also ? `${withoutQuestion(main)} ${also}` : main, pauseMs: 1500 };
    }
    if (L.brushOff.test(v.customer)) return { text: tied(objectionLine((last = 'no_need'))), pauseMs: 1500 };
    if (L.pushback.test(v.customer)) return { text: tied(objectionLine(last ?? 'other')), pauseMs: 1500 };
    if (v.question) {
      const topic = L.topics.find(([re]) => re.test(v.customer));
      if (topic) return { text: topic[1], pauseMs: 900 };
      if (ans < L.answer.length) return { text: L.answer[ans++], pauseMs: 900 };
    }
    if (stage === 'close' || (v.buyingSignal && d >= 2)) return close();
    if (stage === 'discover' && d < L.discovery.length) {
      const text = L.discovery[d++];
      if (d === L.discovery.length) stage = 'value';
      return { text, pauseMs: 700 };
    }
    stage = 'close';
    return { text: L.value, pauseMs: 700 };
  };
}

const POOR: Record<Language, { pitch: string; argue: string[]; push: string[] }> = {
  he: {
    pitch:
      'היי, אז, אממ, אני מיכאל מביטוחים ו, כאילו, יש לנו את הביטוח הכי טוב בארץ, בעצם המחירים הכי טובים, ויש לנו חיים, בריאות, סיעודי, רכב ודירה, אממ, והמחיר הוא רק 350 שקל בחודש לחבילה המלאה, אז בעצם כדאי לך לקחת את זה עכשיו.',
    argue: [
      'לא לא, זה לא נכון, אממ, אנחנו הכי זולים, כולם משלמים יותר, אז בעצם אין מה לחשוב.',
      'תקשיב, כאילו, אני חושב, אולי, אנחנו חברה גדולה, זה בסדר, אז אתה לוקח או לא?',
      'אממ, זה כאילו, הדברים הרגילים, אני לא בטוח, אבל זה טוב, באמת.',
    ],
    push: ['אז, אממ, סגרנו? זה רק 350 שקל, כאילו, מחיר מטורף.', 'בעצם כולם לוקחים את זה, אממ, אז בוא נסגור את זה עכשיו, כן?', 'אני, כאילו, לא מבין מה הבעיה, זה מחיר מעולה, אממ.'],
  },
  en: {
    pitch:
      "Hi, so, um, I'm Michael from the insurance agency and, like, we have the best insurance in the country, basically the best prices, we do life, health, care, car and home, um, and the price is only 120 dollars a month for the full package, so basically you should just take it now.",
    argue: [
      "No no, that's not true, um, we're the cheapest, everyone pays more elsewhere, so basically there's nothing to think about.",
      "Look, like, I think, maybe, we're a big company, it's fine, so do you want it or not?",
      "Um, it's like, the standard stuff, I'm not sure, but it's good, really.",
    ],
    push: ["So, um, deal? It's only 120 dollars, like, a crazy price.", "Basically everyone takes it, um, so let's just close it now, yeah?", "I, like, don't get what the problem is, it's a great price, um."],
  },
};

/** The poor agent: a price-first filler monologue, instant argument with objections, no questions about needs, pushing. */
export function poorAgent(lang: Language): ScriptedAgent {
  const L = POOR[lang];
  let a = 0, p = 0;
  return (v) => {
    if (v.turn === 1) return { text: L.pitch, pauseMs: 0 };
    if (v.objection !== null || v.question) return a < L.argue.length ? { text: L.argue[a++], pauseMs: 200 } : null;
    return p < L.push.length ? { text: L.push[p++], pauseMs: 200 } : null;
  };
}

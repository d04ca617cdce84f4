/**
 * Two scripted agents for offline practice calls, in Hebrew and English. The good one opens with a reason,
 * asks open discovery questions, pauses before answering an objection and acknowledges it with a question, ties
 * value to what it heard and proposes a dated next step. The poor one pitches price first in a filler-heavy
 * monologue, argues with objections at once, never asks about needs and pushes for a yes.
 */
import type { Language, ObjectionKind } from '../../analysis/index.ts';
import type { ScriptedAgent } from './offline-call.ts';

interface GoodLines {
  opening: string;
  discovery: string[];
  /** Acknowledge, answer with substance, ask — per objection kind. */
  objection: Record<ObjectionKind | 'other' | 'timingEarly', string[]>;
  answer: string[];
  value: string;
  close: string;
  wrap: string;
  /** The customer pushes back on being ignored or wants it short. */
  pushback: RegExp;
  hurry: RegExp;
  /** Brush-offs a good agent hears as "no need" even when the classifier does not. */
  brushOff: RegExp;
  /** A yes to the proposed meeting; anything else gets one easier close. */
  agree: RegExp;
  softClose: string;
}

const GOOD: Record<Language, GoodLines> = {
  he: {
    opening: 'שלום, מדבר מיכאל ממגן ביטוחים. אני מתקשר כי השארת פרטים לבדיקת תיק ביטוחי. יש לך שתי דקות?',
    discovery: [
      'מעולה. ספר לי, מה גרם לך להשאיר פרטים דווקא עכשיו?',
      'איך אתה מבוטח היום, ומתי בדקת את התיק בפעם האחרונה?',
      'מה הכי חשוב לך שהביטוח יכסה בשביל המשפחה?',
      'ואיך הייתה החוויה שלך כשהיה צריך להגיש תביעה?',
    ],
    objection: {
      no_need: [
        'אני מבין, וטוב שיש לך כיסוי. ביטוח דרך העבודה לרוב לא מכסה את בני המשפחה ונגמר כשעוזבים. מה יקרה לכיסוי שלכם אם תחליף עבודה?',
        'הגיוני, ואם התיק שלך טוב אני אגיד לך את זה. בבדיקה חינם אנחנו מוודאים שאין חורים ואין כפילויות. מה הכי חשוב לך שלא יחסר?',
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
    close: 'אז בוא נקבע פגישת בדיקת תיק של עשרים דקות בזום. מה מתאים לך, יום שלישי בעשר בבוקר או רביעי בשש בערב?',
    wrap: 'מצוין, קבענו. אני שולח לך עכשיו הזמנה לזום ליום שלישי בעשר, ובפגישה נעבור יחד על כל הפוליסות. תודה רבה ויום טוב!',
    pushback: /לא ענית|עד שתענה|מה עם מה שאמרתי|מתעלם|לא מקשיב|אין לך תשובה/,
    hurry: /לזוז|לעניין|נקצר|שורה התחתונה|עוד דקה|עוד חמש דקות|נתקדם|אין לי זמן|כמה זמן/,
    brushOff: /מספיק לי|יש לי את כל|אני מסודר|לא צריך|למה אני צריך/,
    agree: /כן|בסדר|מתאים|סגור|אוקיי|יאללה|בוא נעשה/,
    softClose: 'בוא נעשה את זה פשוט: אני שולח הזמנה ליום שלישי בעשר לשניכם, ואם זה לא מתאים נזיז. לשלוח?',
  },
  en: {
    opening: "Hi, this is Michael from Shield Insurance Agency. I'm calling because you left your details for a free insurance review. Do you have two minutes?",
    discovery: [
      'Great. Tell me, what made you leave your details right now?',
      'How are you insured today, and when did you last review your policies?',
      'What matters most to you that your insurance covers for the family?',
      'And how was your experience the last time you had to make a claim?',
    ],
    objection: {
      no_need: [
        "I understand, and it's good that you have cover. Insurance through work usually doesn't cover the family and ends when you leave. What would happen to your cover if you changed jobs?",
        "That makes sense, and if your portfolio is fine I'll tell you so. The free review makes sure there are no gaps and no duplicates. What matters most to you that is never missing?",
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
    close: "So let's book a twenty minute review on Zoom. What suits you better, Tuesday at ten in the morning or Wednesday at six in the evening?",
    wrap: "Excellent, we're booked. I'm sending you the Zoom invitation for Tuesday at ten now, and in the meeting we'll go through every policy together. Thanks a lot and have a great day!",
    pushback: /did not answer|didn't answer|not answered|until you answer|what I said|ignor|not listening|no answer|brushing past/i,
    hurry: /go soon|to the point|keep it short|bottom line|one more minute|five more minutes|move on|no time|how long/i,
    brushOff: /enough for me|I have everything|I'm covered|don't need|why I need/i,
    agree: /\b(yes|ok|okay|sure|fine|works|deal|let's do it)\b/i,
    softClose: "Let's make it easy: I'll send an invitation for Tuesday at ten for both of you, and if it doesn't suit we'll move it. Shall I send it?",
  },
};

/**
 * The good agent: reason first; open questions; a pause, then acknowledge + answer with substance + a question on
 * every objection (and when told it ignored one); short of time → value tied to needs, then a dated next step.
 */
export function goodAgent(lang: Language): ScriptedAgent {
  const L = GOOD[lang];
  let d = 0, ans = 0, closes = 0, softened = false;
  const used = new Map<string, number>();
  let stage: 'discover' | 'value' | 'close' | 'confirm' | 'done' = 'discover';
  const objectionLine = (kind: ObjectionKind | 'other' | 'timingEarly') => {
    const lines = L.objection[kind];
    const i = used.get(kind) ?? 0;
    used.set(kind, i + 1);
    return lines[i % lines.length];
  };
  return (v) => {
    if (stage === 'done') return null;
    if (v.turn === 1) return { text: L.opening, pauseMs: 0 };
    const hurry = L.hurry.test(v.customer);
    if (hurry && stage === 'discover') stage = d >= 2 ? 'value' : stage;
    if (v.objection) {
      // early on, a timing remark gets a shorter call; later, timing and authority are answered with the dated next step
      if (v.objection === 'timing' && d < 2) return { text: objectionLine('timingEarly'), pauseMs: 1500 };
      if (v.objection === 'timing' || v.objection === 'authority') stage = 'confirm';
      return { text: objectionLine(v.objection), pauseMs: 1500 };
    }
    if (L.brushOff.test(v.customer) && (used.get('no_need') ?? 0) < 2) return { text: objectionLine('no_need'), pauseMs: 1500 };
    if (L.pushback.test(v.customer)) return { text: objectionLine('other'), pauseMs: 1500 };
    if (v.question && ans < L.answer.length && stage !== 'confirm') return { text: L.answer[ans++], pauseMs: 900 };
    if (stage === 'confirm') {
      if (!L.agree.test(v.customer) && !softened) {
        softened = true;
        return { text: L.softClose, pauseMs: 1000 };
      }
      stage = 'done';
      return { text: L.wrap, pauseMs: 700 };
    }
    if (stage === 'close' || (v.buyingSignal && d >= 2)) {
      stage = closes++ === 0 ? 'confirm' : 'done';
      return { text: L.close, pauseMs: 700 };
    }
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

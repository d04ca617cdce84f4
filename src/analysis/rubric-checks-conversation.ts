/** The rubric checks of the conversation itself: opening, discovery, rapport, listening. */
import { rateMetrics } from './benchmarks.ts';
import { SALES_TYPES, agentReplyTo, agentWith, earlyAgent, quote, type RubricCheck } from './rubric-context.ts';
import type { ClassifiedSegment } from './segments.ts';
import { recognises } from './structure.ts';
import {
  yes, no, first, HELP, PURPOSE, THANKS, RAPPORT_WORDS, INTRO, share, beforeRefusal, troubleOf, customerOpened, discoveryQuestionCount,
} from './rubric-helpers.ts';

/** Opening, discovery, rapport and listening checks. Weights are relative within a skill. */
export const CONVERSATION_CHECKS: RubricCheck[] = [
  // ── opening ──
  {
    id: 'opening.greeted', skill: 'opening', weight: 1,
    label: { he: 'פתח בברכה והציג את עצמו', en: 'Greeted and introduced themselves' },
    advice: { he: 'פתחו בברכה והציגו שם וחברה כבר במשפט הראשון.', en: 'Open with a greeting and your name and company in the first sentence.' },
    run: (ctx) => {
      const g = earlyAgent(ctx).find((s) => s.acts.has('greeting') || INTRO[ctx.lang].test(s.text));
      if (g) return yes([quote(g, ['greeting'])]);
      return customerOpened(ctx) ? null : no(first(ctx.agent));
    },
  },
  {
    id: 'opening.reason', skill: 'opening', weight: 2, types: SALES_TYPES,
    label: { he: 'אמר בבירור למה הוא מתקשר ומה מטרת השיחה', en: 'Stated the reason and purpose of the call' },
    advice: { he: 'אמרו במשפט אחד למה אתם מתקשרים ובקשו רשות: "אני מתקשר כי השארת פרטים… יש לך שתי דקות?"', en: 'Say in one sentence why you are calling and ask permission: "I\'m calling because you asked for a quote… do you have two minutes?"' },
    run: (ctx) => {
      const s = earlyAgent(ctx).find((x) => x.acts.has('opening_agenda') || PURPOSE[ctx.lang].test(x.text));
      if (s) return yes([quote(s, ['opening_agenda'])]);
      return customerOpened(ctx) ? null : no(first(ctx.agent));
    },
  },
  {
    id: 'opening.offer_help', skill: 'opening', weight: 2, types: ['customer_service'],
    label: { he: 'הציע עזרה בפתיחה', en: 'Offered help at the start' },
    advice: { he: 'פתחו ב"איך אפשר לעזור?" ותנו ללקוח לתאר את הפנייה.', en: 'Open with "How can I help?" and let the customer describe the issue.' },
    run: (ctx) => {
      const s = earlyAgent(ctx).find((x) => HELP[ctx.lang].test(x.text) || x.acts.has('greeting'));
      return s ? yes([quote(s)]) : no(first(ctx.agent));
    },
  },
  {
    id: 'opening.no_early_price', skill: 'opening', weight: 1, types: SALES_TYPES,
    label: { he: 'לא קפץ למחיר לפני ששאל שאלה', en: 'Did not jump to price before asking anything' },
    advice: { he: 'אל תזרקו מחיר בפתיחה; קודם שאלה אחת על המצב של הלקוח.', en: 'Do not lead with price; ask about the customer\'s situation first.' },
    run: (ctx) => {
      const price = ctx.agent.find((s) => s.acts.has('price_mention'));
      const q = ctx.agent.find((s) => s.questions > 0 && s.acts.has('discovery_question'));
      if (!price) return yes();
      return q && q.index < price.index ? yes([quote(q, ['discovery_question'])]) : no([quote(price, ['price_mention'])]);
    },
  },
  // ── discovery ──
  {
    id: 'discovery.enough_questions', skill: 'discovery', weight: 2,
    label: { he: 'שאל מספיק שאלות לשלב השיחה', en: 'Asked enough questions for the call length' },
    advice: { he: 'כוונו ל-11–14 שאלות בשיחת בירור מלאה (בשיחה קצרה — לפחות 4–5) לפני שמציגים פתרון.', en: 'Aim for 11–14 questions in a full discovery call (at least 4–5 in a short one) before presenting.' },
    run: (ctx) => {
      const r = rateMetrics(ctx.metrics).find((x) => x.metric === 'questionsAgent')!;
      const qs = agentWith(ctx, 'discovery_question');
      if (discoveryQuestionCount(ctx) >= r.range[0]) return yes(qs.slice(0, 2).map((s) => quote(s, ['discovery_question'])));
      const pitch = agentWith(ctx, 'feature_explanation', 'value_statement', 'price_mention');
      return no(first(pitch.length ? pitch : ctx.agent));
    },
  },
  {
    id: 'discovery.open_questions', skill: 'discovery', weight: 2,
    label: { he: 'שאל שאלות פתוחות (מה, איך, למה, ספר לי)', en: 'Asked open questions (what, how, why, tell me)' },
    advice: { he: 'החליפו שאלות כן/לא בשאלות פתוחות: "מה הכי חשוב לך…?", "ספר לי איך…".', en: 'Swap yes/no questions for open ones: "What matters most…?", "Tell me how…".' },
    run: (ctx) => {
      const open = ctx.agent.filter((s) => s.openQuestions > 0);
      const total = ctx.metrics.questionsAgent;
      const n = open.reduce((a, s) => a + s.openQuestions, 0);
      if (n >= 2 && n >= total * 0.3) return yes(open.slice(0, 2).map((s) => quote(s)));
      const closed = ctx.agent.find((s) => s.questions > s.openQuestions);
      return no(closed ? [quote(closed)] : first(ctx.agent));
    },
  },
  {
    id: 'discovery.before_pitch', skill: 'discovery', weight: 2,
    label: { he: 'בירר צרכים לפני שהציג מוצר או מחיר', en: 'Explored needs before presenting product or price' },
    advice: { he: 'קודם בירור, אחר כך הצעה: שאלו לפחות שתי שאלות לפני שמתארים את המוצר או המחיר.', en: 'Discover first, pitch second: ask at least two questions before describing the product or price.' },
    run: (ctx) => {
      const pitch = agentWith(ctx, 'feature_explanation', 'value_statement', 'price_mention')[0];
      const qs = agentWith(ctx, 'discovery_question');
      if (!pitch) return qs.length ? yes([quote(qs[0], ['discovery_question'])]) : null;
      const before = qs.filter((q) => q.index < pitch.index);
      return before.length >= 2 ? yes([quote(before[0], ['discovery_question'])]) : no([quote(pitch, ['feature_explanation', 'value_statement', 'price_mention'])]);
    },
  },
  {
    id: 'discovery.need_uncovered', skill: 'discovery', weight: 2,
    label: { he: 'הלקוח ביטא צורך או כאב במילים שלו', en: 'The customer voiced a need or pain in their own words' },
    advice: { he: 'שאלו על כאב: "מה מפריע לך היום ב…?" ותנו ללקוח לפרט.', en: 'Ask about pain: "What bothers you today about…?" and let the customer elaborate.' },
    run: (ctx) => {
      const need = ctx.customer.find((s) => s.acts.has('need_statement') || s.words >= 20);
      if (!need) return no(first(agentWith(ctx, 'feature_explanation', 'value_statement', 'price_mention')));
      // the agent's part in it: the question that drew the need out
      const asked = [...ctx.agent].reverse().find((s) => s.index < need.index && s.questions > 0);
      return yes(asked ? [quote(asked)] : []);
    },
  },
  {
    id: 'discovery.follow_up', skill: 'discovery', weight: 1,
    label: { he: 'שאל שאלת המשך על תשובה של הלקוח', en: 'Asked a follow-up question on a customer answer' },
    advice: { he: 'אחרי תשובה של הלקוח, העמיקו: "למה זה חשוב לך?", "מה קרה אז?".', en: 'After an answer, dig deeper: "Why does that matter?", "What happened then?".' },
    run: (ctx) => {
      for (const c of ctx.customer) {
        if (c.words < 10) continue;
        const reply = agentReplyTo(ctx, c);
        const q = reply.find((s) => s.acts.has('discovery_question'));
        if (q) return yes([quote(q, ['discovery_question'])]);
      }
      return no(first(ctx.customer.filter((c) => c.words >= 10)));
    },
  },
  // ── rapport ──
  {
    id: 'rapport.acknowledged', skill: 'rapport', weight: 2,
    label: { he: 'הכיר במה שהלקוח אמר ("הבנתי", "נקודה טובה")', en: 'Acknowledged what the customer said' },
    advice: { he: 'לפני שעונים, הכירו במה שנאמר: "הבנתי", "שאלה טובה", "אני שומע אותך".', en: 'Before answering, acknowledge: "Got it", "Good question", "I hear you".' },
    run: (ctx) => {
      const a = ctx.structure.acknowledgements;
      const need = ctx.short ? 1 : 2;
      if (a.length >= need) return yes(a.slice(0, 2).map((s) => quote(s, ['acknowledgement', 'empathy'])));
      // where it was missing: the agent's first words after something the customer shared
      const moment = troubleOf(ctx).find((c) => agentReplyTo(ctx, c, 1).length) ?? ctx.customer.find((c) => c.words >= 8);
      const reply = moment ? agentReplyTo(ctx, moment, 1).filter((s) => !a.includes(s) && !recognises(s, ctx.lang)) : [];
      return no(reply.slice(0, 1).map((s) => quote(s)));
    },
  },
  {
    id: 'rapport.empathy', skill: 'rapport', weight: 2,
    label: { he: 'הביע אמפתיה לקושי או לחשש של הלקוח', en: 'Showed empathy for the customer\'s difficulty or concern' },
    advice: { he: 'כשהלקוח משתף קושי — שקפו רגש: "אני מבין כמה זה מתסכל".', en: 'When the customer shares a difficulty, name the feeling: "I understand how frustrating that is".' },
    run: (ctx) => {
      const trouble = beforeRefusal(ctx, troubleOf(ctx));
      if (!trouble.length) return null;
      const e = beforeRefusal(ctx, ctx.agent).filter((s) => s.acts.has('empathy') || (s.acts.has('acknowledgement') && trouble.some((t) => t.index < s.index)));
      if (e.length) return yes([quote(e[0], ['empathy', 'acknowledgement'])]);
      const reply = agentReplyTo(ctx, trouble[0], 1).filter((x) => !recognises(x, ctx.lang));
      return no(reply.length ? [quote(reply[0])] : [quote(trouble[0], ['objection', 'need_statement'])]);
    },
  },
  {
    id: 'rapport.respected_refusal', skill: 'rapport', weight: 3,
    label: { he: 'כיבד "לא" ברור של הלקוח ולא המשיך לדחוף', en: 'Respected the customer\'s clear no instead of pushing on' },
    advice: { he: 'כשהלקוח אומר "לא" ברור או מבקש להסיר אותו — הודו, התנצלו על ההפרעה וסיימו בנימוס. משפט מכירה נוסף רק שורף את הקשר.', en: 'When the customer gives a clear no or asks to be removed, thank them, apologise for the interruption and end politely. One more pitch only burns the relationship.' },
    run: (ctx) => {
      if (ctx.structure.refusalAt === null) return null;
      const pushed = ctx.structure.pushedAfterRefusal;
      return pushed.length ? no(pushed.slice(0, 2).map((s) => quote(s))) : yes(ctx.agent.filter((s) => s.index > ctx.structure.refusalAt!).slice(0, 1).map((s) => quote(s)));
    },
  },
  {
    id: 'rapport.warmth', skill: 'rapport', weight: 1,
    label: { he: 'יצר קשר אישי (שיחת חולין או תודה)', en: 'Built a personal connection (small talk or thanks)' },
    advice: { he: 'הוסיפו רגע אישי קצר והודו ללקוח על הזמן.', en: 'Add a short personal moment and thank the customer for their time.' },
    run: (ctx) => {
      const s = ctx.agent.find((x) => x.acts.has('small_talk') || THANKS[ctx.lang].test(x.text) || RAPPORT_WORDS[ctx.lang].test(x.text));
      return s ? yes([quote(s, ['small_talk'])]) : no(ctx.agent.slice(-1).map((x) => quote(x)));
    },
  },
  {
    id: 'rapport.no_cut_in', skill: 'rapport', weight: 1,
    label: { he: 'לא קטע את הלקוח', en: 'Did not cut the customer off' },
    advice: { he: 'חכו שהלקוח יסיים משפט לפני שאתם נכנסים.', en: 'Let the customer finish the sentence before you come in.' },
    run: (ctx) => {
      if (ctx.timesEstimated) return null;
      const cuts = ctx.agent.filter((s) => {
        const prev = ctx.segs[s.index - 1];
        return prev && prev.speaker === 'customer' && s.startSec < prev.endSec - 0.2;
      });
      return cuts.length <= 1 ? yes() : no(cuts.slice(0, 2).map((s) => quote(s)));
    },
  },
  // ── listening ──
  {
    id: 'listening.talk_ratio', skill: 'listening', weight: 3,
    label: { he: 'השאיר ללקוח מקום לדבר (פחות משני שלישים מזמן הדיבור)', en: 'Left the customer room to talk (under two-thirds of the talk time)' },
    advice: { he: 'שאפו ל-43% דיבור (כמו הנציגים המובילים): שאלו ותנו ללקוח לדבר.', en: 'Aim for ~43% talk time like top reps: ask, then let the customer talk.' },
    run: (ctx) => {
      // top reps talk well under half of a discovery call; two-thirds is where a call turns into a presentation
      const limit = ctx.callType === 'customer_service' ? 0.7 : 0.65;
      if (ctx.metrics.talkRatioAgent <= limit) return yes();
      const longest = [...ctx.agent].sort((a, b) => b.endSec - b.startSec - (a.endSec - a.startSec))[0];
      return no(longest ? [quote(longest)] : []);
    },
  },
  {
    id: 'listening.monologue', skill: 'listening', weight: 2,
    label: { he: 'לא נאם מונולוגים ארוכים', en: 'Avoided long monologues' },
    advice: { he: 'קצרו הסברים: אחרי 30–45 שניות עצרו ושאלו "זה רלוונטי לך?".', en: 'Keep explanations short: after 30–45 seconds stop and check in ("Does that fit?").' },
    run: (ctx) => {
      const limit = Math.max(45, Math.min(150, ctx.metrics.durationSec * 0.2));
      if (ctx.metrics.longestAgentMonologueSec <= limit) return yes();
      const t = ctx.turns.filter((x) => x.speaker === 'agent').sort((a, b) => b.endSec - b.startSec - (a.endSec - a.startSec))[0];
      return no(t ? [quote(t.segments[0])] : []);
    },
  },
  {
    id: 'listening.customer_story', skill: 'listening', weight: 1,
    label: { he: 'נתן ללקוח לספר ברצף', en: 'Let the customer tell their story at length' },
    advice: { he: 'שאלה פתוחה ואז שקט: תנו ללקוח לדבר ברצף בלי להפריע.', en: 'Ask an open question, then stay quiet: let the customer talk uninterrupted.' },
    run: (ctx) => {
      // relative to the call: the longest customer turn holds a good share of it (12 s in a short call, up to a minute)
      const need = Math.max(8, Math.min(60, ctx.metrics.durationSec * 0.1));
      const turns = ctx.turns.filter((x) => x.speaker === 'customer');
      const longest = [...turns].sort((a, b) => b.endSec - b.startSec - (a.endSec - a.startSec))[0];
      if (!longest) return no();
      const words = longest.segments.reduce((a, s) => a + s.words, 0);
      const invited = [...ctx.agent].reverse().find((s) => s.index < longest.segments[0].index);
      if (longest.endSec - longest.startSec >= need || words >= Math.max(20, need * 2.5)) return yes(invited ? [quote(invited)] : []);
      const held = ctx.turns.filter((x) => x.speaker === 'agent').sort((a, b) => b.endSec - b.startSec - (a.endSec - a.startSec))[0];
      return no(held ? [quote(held.segments[0])] : []);
    },
  },
  {
    id: 'listening.summarised', skill: 'listening', weight: 1,
    label: { he: 'סיכם במילים שלו את מה שהלקוח אמר', en: 'Summarised what the customer said' },
    advice: { he: 'שקפו וסכמו: "אם הבנתי נכון, מה שחשוב לך זה…".', en: 'Reflect and summarise: "If I understand correctly, what matters to you is…".' },
    run: (ctx) => {
      const s = ctx.structure.summaries[0];
      if (s) return yes([quote(s)]);
      // where a recap belonged: right before the agent started presenting
      const pitch = agentWith(ctx, 'feature_explanation', 'value_statement', 'price_mention')[0];
      return no(pitch ? [quote(pitch, ['feature_explanation', 'value_statement', 'price_mention'])] : []);
    },
  },
  {
    id: 'listening.let_finish', skill: 'listening', weight: 2,
    label: { he: 'נתן ללקוח לסיים משפט לפני שנכנס', en: 'Let the customer finish a sentence before coming in' },
    advice: { he: 'כשהלקוח באמצע משפט — חכו. שאלה ששואלים על משפט קטוע עונה על מה שחשבתם, לא על מה שהוא התכוון.', en: 'When the customer is mid-sentence, wait. Answering a cut-off sentence answers what you assumed, not what they meant.' },
    run: (ctx) => {
      // only a punctuated transcript shows a sentence left hanging ("…and the problem was" then the agent)
      const ends = ctx.customer.filter((c) => c.words >= 2);
      const punctuated = ends.filter((c) => /[.!?…"'״”)]\s*$/u.test(c.text.trim()));
      if (ends.length < 2 || punctuated.length < ends.length * 0.5) return null;
      const cuts = ctx.customer
        .filter((c) => c.words >= 2 && (!/[.!?…"'״”)]\s*$/u.test(c.text.trim()) || /(?:--|—|-|\.\.\.|…)\s*$/u.test(c.text.trim())))
        .map((c) => ctx.segs[c.index + 1])
        .filter((n): n is ClassifiedSegment => !!n && n.speaker === 'agent');
      const allowed = ctx.customer.length >= 12 ? 1 : 0;
      return cuts.length <= allowed ? yes() : no(cuts.slice(0, 2).map((x) => quote(x)));
    },
  },
  {
    id: 'listening.patience', skill: 'listening', weight: 1,
    label: { he: 'המתין רגע לפני שענה', en: 'Paused before answering' },
    advice: { he: 'קחו נשימה (חצי שנייה עד שנייה) לפני כל תשובה — זה משדר הקשבה.', en: 'Take a breath (half a second to a second) before answering; it signals listening.' },
    run: (ctx) => (ctx.timesEstimated ? null : ctx.metrics.patienceSec >= 0.5 ? yes() : no()),
  },
];

import { normalizeText } from './text.ts';
import { rateMetrics } from './benchmarks.ts';
import {
  DAY_OR_TIME, SALES_TYPES, agentReplyTo, agentWith, earlyAgent, quote, type RubricCheck, type RubricContext,
} from './rubric-context.ts';
import type { ClassifiedSegment } from './segments.ts';
import { recognises, type ObjectionPair } from './structure.ts';
import type { Quote } from './types.ts';
import type { SalesAct } from './taxonomy.ts';

const yes = (evidence: Quote[] = []) => ({ passed: true, evidence });
const no = (evidence: Quote[] = []) => ({ passed: false, evidence });
const first = (segs: ClassifiedSegment[]) => (segs.length ? [quote(segs[0])] : []);

const HELP = {
  he: /(?:איך|במה|מה)\s+(?:אפשר|אוכל|אני יכול|אני יכולה|נוכל)\s+(?:לעזור|לסייע)/u,
  en: /\bhow (?:can|may) i help|what can i do for you|how can we help\b/i,
};
const SUMMARY = {
  he: /אם הבנתי נכון|כלומר|אז מה שאתה אומר|אז מה שאת אומרת|רק לוודא|לסכם|בקיצור אתה/u,
  en: /\bif i understand|what i'm hearing|so you're saying|just to make sure|to sum up|let me recap|so basically you\b/i,
};
/** The purpose of the call said out loud: "the goal today is…", "I'm calling because…", "בהמשך להצעה ששלחתי". */
const PURPOSE = {
  he: /המטרה (?:היא|של השיחה|שלי|היום)|אני מתקשר(?:ת)? (?:כי|בקשר|לגבי|בעקבות|להציע)|מתקשר(?:ת)? (?:כי|בקשר|לגבי|בעקבות)|בהמשך ל|חוזר(?:ת)? אליך|קיבלתי את הפנייה/u,
  en: /\b(?:the (?:goal|purpose|reason|aim) (?:of (?:this|the|my) call|today|for today|is)|i'?m calling (?:because|about|to|regarding|on behalf)|the reason i'?m calling|as promised|following up on|we spoke (?:last|on|about))\b/i,
};
/** A similar customer's story: "a heating company with twelve techs cut…", "משפחה דומה… חסכה". */
const STORY = {
  he: /(?:משפחה|חברה|לקוח|לקוחה|משרד|עסק|מסעדה|מרפאה)\s+(?:\S+\s+){0,3}(?:דומה|דומים|כמוכם|כמוך)[^.]{0,80}(?:חסכ|הוריד|קיצר|שחזר|קיבל|עבר|הגדיל|צמצם)/u,
  en: /\b(?:a|one)\s+(?:[\w-]+\s+){0,3}(?:company|client|customer|distributor|firm|family|team|clinic|business|courier|practice|agency|retailer|school)\b[^.]{0,80}\b(?:cut|saved|stopped|reduced|grew|doubled|halved|went from|closed|increased)\b/i,
};
/** Asking for the decision in so many words: "shall I sign you up?", "אז לשדרג אותך?". */
const ASKS_FOR_YES = {
  he: /(?:לשדרג|לרשום|להירשם|לסגור|להזמין|לקבוע|להתחיל|לצרף)\s+(?:אותך|אותכם|לך|לכם)[^?]{0,30}\?|(?:נסגור|נתחיל|נקבע|סוגרים|מתחילים|נרשום)\s*[^?]{0,30}\?|מה מתאים לך[^?]{0,40}\?/u,
  en: /\b(?:shall|should|can|may) (?:i|we) (?:sign you up|put you down|book|go ahead|get (?:you|this) started|set (?:it|that) up|send (?:over )?the (?:agreement|contract))\b[^?]{0,40}\?|\bready to (?:go ahead|start|sign)\b[^?]{0,30}\?/i,
};
/** Saying what the offering does: "with us each client has…", "we send you a generator", "אצלנו…", "המערכת מגבה…". */
const PRESENTS = {
  he: /(?:^|[\s,.])(?:אצלנו|אנחנו (?:נותנים|מציעים|שולחים|עושים|מטפלים|מחזירים|דואגים)|(?:המערכת|השירות|החבילה|הפוליסה|הבדיקה|התוכנית) (?:שלנו )?(?:כולל|כוללת|מגבה|נותנ|עושה|מאפשר|לוקח|לוקחת)|את(?:ה)? מקבל(?:ת)?|תקבל(?:י)?)/u,
  en: /\b(?:with us,? (?:each|every|you)|we (?:send|give|provide|offer|include|handle|assign|replace|refund|take care of (?:the|all|your|it|everything))|you(?:'ll)? get|each (?:\w+ )?(?:client|customer|account) (?:has|gets)|it (?:pulls|matches|tracks|re-plans|sends|keeps|lets you))\b/i,
};
/** Saying what it means for the customer: "so you don't…", "saves you…", "כך שאת לא…", "חוסך לך". */
const BENEFIT = {
  he: /כך ש(?:את|אתה|אתם|לא)|חוס(?:ך|כת) (?:לך|לכם)|(?:לך|לכם) (?:לא )?(?:צריך|תצטרכ)|המשמעות בשביל|בלי (?:יום|תור|לחכות)|את רק|אתה רק/u,
  en: /\b(?:so (?:you|your)|saves? you|what (?:that|this) means for you|you(?:'ll)? (?:never|no longer|won'?t have to|don'?t have to)|which means (?:you|your))\b/i,
};
const THANKS = { he: /תודה/u, en: /\bthank/i };
/** Personal warmth other than thanks: appreciation, using the customer's words of the day. */
const RAPPORT_WORDS = { he: /מעריך|מעריכה|נעים (?:מאוד|לשמוע|להכיר)|שמח(?:ה)? לשמוע/u, en: /\b(?:i appreciate|appreciate (?:you|your|it)|nice to (?:meet|hear|talk)|great to (?:hear|meet)|glad to hear)\b/i };
const ANYTHING_ELSE = { he: /עוד משהו|עוד שאלה|עוד דבר/u, en: /\banything else\b/i };
const INTRO = { he: /(?:מדבר|מדברת|כאן|זה|זאת)\s+\S+\s+מ\S+/u, en: /\b(?:this is|it's|i'm)\s+\w+\s+(?:from|with|at)\b/i };

/** Objections recognised in context, each with its typed response (structure.ts). */
const objectionPairs = (ctx: RubricContext) => ctx.structure.objections;
const share = <T>(xs: T[], f: (x: T) => boolean) => (xs.length ? xs.filter(f).length / xs.length : 0);
/** Agent segments before a clear refusal: what is said after it to push on does not count for the agent. */
const beforeRefusal = (ctx: RubricContext, segs: ClassifiedSegment[]) =>
  ctx.structure.refusalAt === null ? segs : segs.filter((s) => s.index < ctx.structure.refusalAt!);
/** Where an objection response fell short: the objection, then the agent's first words after it. */
const objectionMiss = (o: ObjectionPair): Quote[] => [
  { text: o.sentence.text, startSec: o.objection.startSec, speaker: 'customer' },
  ...o.reply.slice(0, 1).map((s) => quote(s)),
];
/** The customer moments that called for a response: objections and needs. */
const troubleOf = (ctx: RubricContext) => ctx.customer.filter((s) => s.acts.has('objection') || s.acts.has('need_statement'));

function keywordsOf(text: string): string[] {
  return [...new Set(normalizeText(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4))];
}

/** The customer opened the call with their own agenda (a call back, a follow-up they started): the agent's opening is the answer to it. */
function customerOpened(ctx: RubricContext): boolean {
  const c = ctx.segs[0];
  return !!c && c.speaker === 'customer' && c.words >= 12;
}

/** Agent questions that explore the customer: not "is this Sarah?", not a close or a scheduling question. */
function discoveryQuestionCount(ctx: RubricContext): number {
  const notDiscovery = new Set(['close_attempt', 'next_step', 'greeting', 'opening_agenda', 'small_talk']);
  return ctx.agent.reduce((n, s) => n + s.sentences.filter((x) => x.cls.isQuestion && !x.cls.acts.some((a) => notDiscovery.has(a)) && !IDENTITY[ctx.lang].test(x.text)).length, 0);
}
const IDENTITY = {
  he: /^(?:הלו,?\s*)?(?:זה|זאת|מדבר|מדברת|אני מדבר עם|אני מדברת עם)\s+\S+\s*\?$|יש לך (?:דקה|שתי דקות|כמה דקות)|זמן טוב/u,
  en: /\b(?:is this|am i speaking (?:to|with)|speaking with)\b|\b(?:a good time|a bad time|got a (?:minute|second)|have a (?:minute|second|couple of minutes))\b/i,
};

/** Quote the sentence that carries one of the acts, else the one the pattern found, else the segment's opening. */
function quoteMatching(seg: ClassifiedSegment, re: RegExp, acts: SalesAct[]): Quote {
  if (seg.sentences.some((x) => x.cls.acts.some((a) => acts.includes(a)))) return quote(seg, acts);
  const hit = seg.sentences.find((x) => re.test(x.text));
  return hit ? { text: hit.text, startSec: seg.startSec, speaker: seg.speaker } : quote(seg);
}

/** Whether the customer's answer to an agent line turned it down. */
function refusedReply(ctx: RubricContext, s: ClassifiedSegment): boolean {
  const next = ctx.segs.slice(s.index + 1).find((x) => x.speaker === 'customer' && !x.backchannel);
  if (!next) return false;
  if (ctx.structure.refusalAt !== null && next.index >= ctx.structure.refusalAt) return true;
  return ctx.structure.objections.some((o) => o.objection === next) || /^(?:no|nope)\b|^לא(?![\p{L}])/iu.test(next.text.trim());
}

/** Every rubric check, grouped by skill. Weights are relative within a skill. */
export const RUBRIC_CHECKS: RubricCheck[] = [
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
  // ── objection handling ──
  {
    id: 'objection.acknowledged', skill: 'objection_handling', weight: 2,
    label: { he: 'הכיר בהתנגדות לפני שענה עליה', en: 'Acknowledged the objection before answering' },
    advice: { he: 'בהתנגדות: קודם הכרה ("לגמרי מבין"), אחר כך שאלה, ורק אז תשובה.', en: 'On an objection: acknowledge first ("Totally understand"), then ask, then answer.' },
    run: (ctx) => {
      const rs = objectionPairs(ctx);
      if (!rs.length) return null;
      const ok = (r: ObjectionPair) => (r.types.has('acknowledge') || r.types.has('concede')) && !r.types.has('argue') && !r.types.has('ignore');
      if (share(rs, ok) >= 0.5) return yes(rs.filter(ok).slice(0, 2).flatMap((r) => r.reply.slice(0, 1).map((s) => quote(s, ['acknowledgement', 'empathy']))));
      return no(objectionMiss(rs.find((r) => !ok(r))!));
    },
  },
  {
    id: 'objection.asked_question', skill: 'objection_handling', weight: 2,
    label: { he: 'ענה להתנגדות בשאלה שמבררת אותה', en: 'Answered the objection with a clarifying question' },
    advice: { he: 'שאלו מה עומד מאחורי ההתנגדות: "יקר ביחס למה?", "מה היה גורם לזה להתאים?".', en: 'Ask what is behind it: "Expensive compared to what?", "What would make it work?".' },
    run: (ctx) => {
      const rs = objectionPairs(ctx).filter((r) => !r.types.has('concede'));
      if (!rs.length) return null;
      const ok = (r: ObjectionPair) => r.types.has('explore');
      if (share(rs, ok) >= 0.5) return yes(rs.filter(ok).slice(0, 2).map((r) => quote(r.reply.find((s) => s.questions > 0) ?? r.reply[0])));
      return no(objectionMiss(rs.find((r) => !ok(r))!));
    },
  },
  {
    id: 'objection.answered_value', skill: 'objection_handling', weight: 2,
    label: { he: 'ענה עם ערך, הוכחה או מידע רלוונטי', en: 'Answered with value, proof or relevant facts' },
    advice: { he: 'חברו את התשובה לערך ללקוח או לדוגמה של לקוח דומה, לא רק "זה לא יקר".', en: 'Tie the answer to customer value or a similar customer\'s story, not just "it isn\'t expensive".' },
    run: (ctx) => {
      const rs = objectionPairs(ctx).filter((r) => !r.types.has('concede'));
      if (!rs.length) return null;
      const acts = ['value_statement', 'social_proof', 'feature_explanation'] as const;
      // value answers a price or need objection; a "who decides" or "not now" is answered by exploring it; a service
      // complaint by a resolution
      const answers = (r: ObjectionPair) =>
        r.types.has('reframe') || r.reply.some((s) => s.acts.has('feature_explanation')) ||
        ((r.kind === 'authority' || r.kind === 'timing') && r.types.has('explore')) ||
        (ctx.callType === 'customer_service' && r.reply.some((s) => s.acts.has('next_step') || s.words >= 15));
      const ok = (r: ObjectionPair) => answers(r) && !r.types.has('argue') && !r.types.has('ignore');
      if (share(rs, ok) >= 0.5) {
        return yes(rs.filter(ok).slice(0, 2).map((r) => quote(r.reply.find((s) => acts.some((a) => s.acts.has(a))) ?? r.reply[0], acts)));
      }
      return no(objectionMiss(rs.find((r) => !ok(r))!));
    },
  },
  {
    id: 'objection.no_argue', skill: 'objection_handling', weight: 2,
    label: { he: 'לא התווכח עם הלקוח ולא התעלם מההתנגדות', en: 'Did not argue with the customer or talk past the objection' },
    advice: { he: 'אל תתווכחו ("זה לא יקר", "כמו שאמרתי"): שאלו מה עומד מאחורי ההתנגדות וענו לזה.', en: 'Do not argue ("it\'s actually good value, like I said"): ask what is behind the objection and answer that.' },
    run: (ctx) => {
      const rs = objectionPairs(ctx);
      if (!rs.length) return null;
      const bad = rs.find((r) => r.types.has('argue') || r.types.has('ignore'));
      return bad ? no(objectionMiss(bad)) : yes(rs.slice(0, 1).flatMap((r) => r.reply.slice(0, 1).map((s) => quote(s))));
    },
  },
  {
    id: 'objection.paused', skill: 'objection_handling', weight: 1,
    label: { he: 'עצר לרגע לפני שענה להתנגדות', en: 'Paused before answering an objection' },
    advice: { he: 'אחרי התנגדות עצרו כשנייה וחצי לפני שעונים, כמו הנציגים המובילים.', en: 'After an objection pause ~1.5 s before answering, as top reps do.' },
    run: (ctx) => {
      const p = ctx.metrics.patienceAfterObjectionSec;
      if (ctx.timesEstimated || p === null || !objectionPairs(ctx).length) return null;
      return p >= 1 ? yes() : no(objectionPairs(ctx).slice(0, 1).flatMap((r) => r.reply.slice(0, 1).map((s) => quote(s))));
    },
  },
  {
    id: 'objection.persisted', skill: 'objection_handling', weight: 1,
    label: { he: 'המשיך לקדם את השיחה אחרי ההתנגדות (או כיבד "לא" סופי)', en: 'Moved the call forward after the objection (or respected a final no)' },
    advice: { he: 'אחרי שטיפלתם בהתנגדות — חזרו להצעה עם צעד הבא ברור. אחרי "לא" סופי — סיימו בנימוס.', en: 'Once the objection is handled, come back with a clear next step; after a final no, end politely.' },
    run: (ctx) => {
      const rs = objectionPairs(ctx);
      if (!rs.length) return null;
      if (ctx.structure.refusalAt !== null) return ctx.structure.pushedAfterRefusal.length ? no(ctx.structure.pushedAfterRefusal.slice(0, 1).map((s) => quote(s))) : yes();
      const last = rs[rs.length - 1];
      const after = ctx.agent.find((s) => s.index > last.objection.index && (s.acts.has('close_attempt') || s.acts.has('next_step')));
      return after ? yes([quote(after, ['close_attempt', 'next_step'])]) : no(last.reply.slice(-1).map((s) => quote(s)));
    },
  },
  // ── product knowledge ──
  {
    id: 'product.features', skill: 'product_knowledge', weight: 2,
    label: { he: 'הסביר מה המוצר או השירות כולל', en: 'Explained what the product or service includes' },
    advice: { he: 'הסבירו בקצרה מה כלול ואיך זה עובד, במילים פשוטות.', en: 'Briefly explain what is included and how it works, in plain words.' },
    run: (ctx) => {
      // features recited before the customer has said anything they could answer are a brochure, not knowledge
      const f = ctx.agent.filter((x) => x.acts.has('feature_explanation') || PRESENTS[ctx.lang].test(x.text));
      const tied = f.filter((s) => ctx.customer.some((c) => c.index < s.index && (c.acts.has('need_statement') || c.acts.has('objection') || c.questions > 0 || c.words >= 12)));
      return tied.length ? yes([quoteMatching(tied[0], PRESENTS[ctx.lang], ['feature_explanation'])]) : no(first(f));
    },
  },
  {
    id: 'product.value', skill: 'product_knowledge', weight: 2,
    label: { he: 'תרגם את המוצר לתועלת שקשורה למה שהלקוח אמר', en: 'Translated the product into a benefit tied to what the customer said' },
    advice: { he: 'אחרי כל פיצ\'ר אמרו "המשמעות בשבילך היא…" וחברו לצורך שהלקוח אמר.', en: 'After each feature say "what that means for you is…" and link it to the need they voiced.' },
    run: (ctx) => {
      // a benefit counts once the customer has said something it can answer: a need, a question, an answer of substance
      const v = ctx.agent.filter((x) => x.acts.has('value_statement') || BENEFIT[ctx.lang].test(x.text)).filter((s) => ctx.customer.some((c) => c.index < s.index && (c.acts.has('need_statement') || c.acts.has('objection') || c.questions > 0 || c.words >= 12)));
      return v.length ? yes([quoteMatching(v[0], BENEFIT[ctx.lang], ['value_statement'])]) : no(first(agentWith(ctx, 'value_statement', 'feature_explanation', 'price_mention')));
    },
  },
  {
    id: 'product.proof', skill: 'product_knowledge', weight: 1, types: SALES_TYPES,
    label: { he: 'השתמש בהוכחה חברתית או בדוגמה', en: 'Used social proof or an example' },
    advice: { he: 'ספרו על לקוח דומה ומה הוא קיבל — דוגמה אחת שווה יותר מעשרה פיצ\'רים.', en: 'Tell the story of a similar customer and what they got; one example beats ten features.' },
    run: (ctx) => {
      const p = ctx.agent.filter((s) => s.acts.has('social_proof') || STORY[ctx.lang].test(s.text));
      return p.length ? yes([quote(p[0], ['social_proof'])]) : no();
    },
  },
  {
    id: 'product.answers', skill: 'product_knowledge', weight: 2,
    label: { he: 'ענה תשובות ענייניות לשאלות הלקוח', en: 'Gave substantive answers to the customer\'s questions' },
    advice: { he: 'על כל שאלה של הלקוח ענו תשובה ישירה עם פרט אחד קונקרטי (מספר, תנאי, דוגמה).', en: 'Answer each customer question directly with one concrete detail (number, condition, example).' },
    run: (ctx) => {
      const qs = ctx.customer.filter((s) => s.questions > 0 && !s.acts.has('small_talk'));
      if (!qs.length) return null;
      const answered = qs.filter((q) => agentReplyTo(ctx, q).reduce((a, s) => a + s.words, 0) >= 6);
      if (answered.length / qs.length >= 0.7) return yes(answered.slice(0, 1).map((q) => quote(agentReplyTo(ctx, q)[0])));
      const bad = qs.find((q) => !answered.includes(q))!;
      return no([quote(bad), ...agentReplyTo(ctx, bad).slice(0, 1).map((s) => quote(s))]);
    },
  },
  {
    id: 'product.differentiator', skill: 'product_knowledge', weight: 1,
    label: { he: 'הזכיר את הבידול או התועלות של החברה', en: 'Mentioned the company\'s differentiator or benefits' },
    advice: { he: 'שלבו את הבידול של החברה (מהשאלון) בתשובה לצורך של הלקוח.', en: 'Work the company\'s differentiator (from the questionnaire) into your answer to the customer\'s need.' },
    run: (ctx) => {
      const c = ctx.company;
      if (!c?.differentiator && !c?.benefits?.length) return null;
      const keys = [c.differentiator ?? '', ...(c.benefits ?? [])].map(keywordsOf);
      const hit = ctx.agent.find((s) => {
        const t = normalizeText(s.text);
        return keys.some((k) => k.filter((w) => t.includes(w)).length >= 2);
      });
      return hit ? yes([quote(hit)]) : no();
    },
  },
  // ── closing ──
  {
    id: 'closing.attempt', skill: 'closing', weight: 3, types: SALES_TYPES,
    label: { he: 'ביקש החלטה או התחייבות', en: 'Asked for a decision or commitment' },
    advice: { he: 'בקשו במפורש: "מה מתאים לך, שלישי בעשר או רביעי בחמש?".', en: 'Ask explicitly: "What works better, Tuesday at ten or Wednesday at five?".' },
    run: (ctx) => {
      const c = beforeRefusal(ctx, ctx.agent.filter((s) => s.acts.has('close_attempt') || ASKS_FOR_YES[ctx.lang].test(s.text)));
      return c.length ? yes([quote(c[0], ['close_attempt'])]) : no(beforeRefusal(ctx, ctx.agent).slice(-1).map((s) => quote(s)));
    },
  },
  {
    id: 'closing.resolution', skill: 'closing', weight: 3, types: ['customer_service'],
    label: { he: 'וידא פתרון או קבע המשך טיפול', en: 'Confirmed a resolution or a follow-up' },
    advice: { he: 'סיימו באישור: מה נעשה, מה יקרה ומתי, ו"יש עוד משהו שאוכל לעזור?".', en: 'Close by confirming what was done, what happens next and when, and "Anything else I can help with?".' },
    run: (ctx) => {
      const s = ctx.agent.find((x) => x.acts.has('next_step') || ANYTHING_ELSE[ctx.lang].test(x.text));
      return s ? yes([quote(s, ['next_step'])]) : no(ctx.agent.slice(-1).map((x) => quote(x)));
    },
  },
  {
    id: 'closing.next_step', skill: 'closing', weight: 2,
    label: { he: 'סיכם צעד הבא', en: 'Agreed a next step' },
    advice: { he: 'אל תסיימו בלי צעד הבא מוגדר: מי עושה מה ועד מתי.', en: 'Never end without a defined next step: who does what, by when.' },
    run: (ctx) => {
      const n = beforeRefusal(ctx, agentWith(ctx, 'next_step', 'close_attempt')).filter((s) => s.acts.has('next_step') || DAY_OR_TIME[ctx.lang].test(s.text));
      return n.length ? yes([quote(n[n.length - 1], ['next_step', 'close_attempt'])]) : no(ctx.agent.slice(-1).map((s) => quote(s)));
    },
  },
  {
    id: 'closing.specific_time', skill: 'closing', weight: 2, types: SALES_TYPES,
    label: { he: 'קבע יום ושעה מוגדרים', en: 'Set a specific day and time' },
    advice: { he: 'קבעו תאריך ושעה, לא "נדבר בהמשך".', en: 'Set a date and time, not "let\'s talk later".' },
    run: (ctx) => {
      // a concrete time the customer did not turn down, proposed before any final no
      const late = beforeRefusal(ctx, ctx.agent).filter((s) => s.startSec >= ctx.metrics.durationSec * 0.4 || ctx.short);
      const t = [...late].reverse().find((s) => DAY_OR_TIME[ctx.lang].test(s.text) && !refusedReply(ctx, s));
      return t ? yes([quote(t, ['next_step', 'close_attempt'])]) : no(ctx.agent.slice(-1).map((s) => quote(s)));
    },
  },
  {
    id: 'closing.commitment', skill: 'closing', weight: 2,
    label: { he: 'הלקוח הסכים לצעד הבא', en: 'The customer agreed to the next step' },
    advice: { he: 'כוונו כל שיחה ל"כן" לצעד קטן ומוגדר (פגישה, שליחת מסמך, התחלה בתאריך) ובקשו אישור מפורש.', en: 'Aim every call at a yes to a small, defined step (a meeting, a document, a start date) and ask for an explicit confirmation.' },
    run: (ctx) => {
      const o = ctx.structure.outcome;
      if (o === null) return null;
      const lastAgent = ctx.agent.slice(-1).map((s) => quote(s));
      return o === 'agreed' ? yes(beforeRefusal(ctx, agentWith(ctx, 'close_attempt', 'next_step')).slice(-1).map((s) => quote(s, ['close_attempt', 'next_step']))) : no(lastAgent);
    },
  },
  {
    id: 'closing.multiple_attempts', skill: 'closing', weight: 1, types: ['phone_sale', 'follow_up_after_offer', 'upsell'],
    label: { he: 'ניסה לסגור יותר מפעם אחת כשהלקוח היסס', en: 'Tried to close more than once when the customer hesitated' },
    advice: { he: 'לקוח מהסס? אחרי הטיפול בהתנגדות נסו סגירה נוספת, קטנה יותר (צעד ביניים).', en: 'Hesitant customer? After handling the objection try another, smaller close (an intermediate step).' },
    run: (ctx) => {
      // only when the customer hesitated and did not say yes in the end
      if (!objectionPairs(ctx).length || ctx.structure.refusalAt !== null || ctx.structure.outcome === 'agreed') return null;
      const c = agentWith(ctx, 'close_attempt');
      return c.length >= 2 ? yes(c.slice(0, 2).map((s) => quote(s, ['close_attempt']))) : no(c.slice(0, 1).map((s) => quote(s, ['close_attempt'])));
    },
  },
];

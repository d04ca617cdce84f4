/** Shared pieces of the rubric checks: verdict helpers and the he/en patterns trainers listen for. */
import { normalizeText } from './text.ts';
import { quote, type RubricContext } from './rubric-context.ts';
import type { ClassifiedSegment } from './segments.ts';
import { type ObjectionPair } from './structure.ts';
import type { Quote } from './types.ts';
import type { SalesAct } from './taxonomy.ts';

export const yes = (evidence: Quote[] = []) => ({ passed: true, evidence });
export const no = (evidence: Quote[] = []) => ({ passed: false, evidence });
export const first = (segs: ClassifiedSegment[]) => (segs.length ? [quote(segs[0])] : []);

export const HELP = {
  he: /(?:איך|במה|מה)\s+(?:אפשר|אוכל|אני יכול|אני יכולה|נוכל)\s+(?:לעזור|לסייע)/u,
  en: /\bhow (?:can|may) i help|what can i do for you|how can we help\b/i,
};
/** The purpose of the call said out loud: "the goal today is…", "I'm calling because…", "בהמשך להצעה ששלחתי". */
export const PURPOSE = {
  he: /המטרה (?:היא|של השיחה|שלי|היום)|אני מתקשר(?:ת)? (?:כי|בקשר|לגבי|בעקבות|להציע)|מתקשר(?:ת)? (?:כי|בקשר|לגבי|בעקבות)|בהמשך ל|חוזר(?:ת)? אליך|קיבלתי את הפנייה/u,
  en: /\b(?:the (?:goal|purpose|reason|aim) (?:of (?:this|the|my) call|today|for today|is)|i'?m calling (?:because|about|to|regarding|on behalf)|the reason i'?m calling|as promised|following up on|we spoke (?:last|on|about))\b/i,
};
/** A similar customer's story: "a heating company with twelve techs cut…", "משפחה דומה… חסכה". */
export const STORY = {
  he: /(?:משפחה|חברה|לקוח|לקוחה|משרד|עסק|מסעדה|מרפאה)\s+(?:\S+\s+){0,3}(?:דומה|דומים|כמוכם|כמוך)[^.]{0,80}(?:חסכ|הוריד|קיצר|שחזר|קיבל|עבר|הגדיל|צמצם)/u,
  en: /\b(?:a|one)\s+(?:[\w-]+\s+){0,3}(?:company|client|customer|distributor|firm|family|team|clinic|business|courier|practice|agency|retailer|school)\b[^.]{0,80}\b(?:cut|saved|stopped|reduced|grew|doubled|halved|went from|closed|increased)\b/i,
};
/** Asking for the decision in so many words: "shall I sign you up?", "אז לשדרג אותך?". */
export const ASKS_FOR_YES = {
  he: /(?:לשדרג|לרשום|להירשם|לסגור|להזמין|לקבוע|להתחיל|לצרף)\s+(?:אותך|אותכם|לך|לכם)[^?]{0,30}\?|(?:נסגור|נתחיל|נקבע|סוגרים|מתחילים|נרשום)\s*[^?]{0,30}\?|מה מתאים לך[^?]{0,40}\?/u,
  en: /\b(?:shall|should|can|may) (?:i|we) (?:sign you up|put you down|book|go ahead|get (?:you|this) started|set (?:it|that) up|send (?:over )?the (?:agreement|contract))\b[^?]{0,40}\?|\bready to (?:go ahead|start|sign)\b[^?]{0,30}\?/i,
};
/** Saying what the offering does: "with us each client has…", "we send you a generator", "אצלנו…", "המערכת מגבה…". */
export const PRESENTS = {
  he: /(?:^|[\s,.])(?:אצלנו|אנחנו (?:נותנים|מציעים|שולחים|עושים|מטפלים|מחזירים|דואגים)|(?:המערכת|השירות|החבילה|הפוליסה|הבדיקה|התוכנית) (?:שלנו )?(?:כולל|כוללת|מגבה|נותנ|עושה|מאפשר|לוקח|לוקחת)|את(?:ה)? מקבל(?:ת)?|תקבל(?:י)?)/u,
  en: /\b(?:with us,? (?:each|every|you)|we (?:send|give|provide|offer|include|handle|assign|replace|refund|take care of (?:the|all|your|it|everything))|you(?:'ll)? get|each (?:\w+ )?(?:client|customer|account) (?:has|gets)|it (?:pulls|matches|tracks|re-plans|sends|keeps|lets you))\b/i,
};
/** Saying what it means for the customer: "so you don't…", "saves you…", "כך שאת לא…", "חוסך לך". */
export const BENEFIT = {
  he: /כך ש(?:את|אתה|אתם|לא)|חוס(?:ך|כת) (?:לך|לכם)|(?:לך|לכם) (?:לא )?(?:צריך|תצטרכ)|המשמעות בשביל|בלי (?:יום|תור|לחכות)|את רק|אתה רק/u,
  en: /\b(?:so (?:you|your)|saves? you|what (?:that|this) means for you|you(?:'ll)? (?:never|no longer|won'?t have to|don'?t have to)|which means (?:you|your))\b/i,
};
export const THANKS = { he: /תודה/u, en: /\bthank/i };
/** Personal warmth other than thanks: appreciation, using the customer's words of the day. */
export const RAPPORT_WORDS = { he: /מעריך|מעריכה|נעים (?:מאוד|לשמוע|להכיר)|שמח(?:ה)? לשמוע/u, en: /\b(?:i appreciate|appreciate (?:you|your|it)|nice to (?:meet|hear|talk)|great to (?:hear|meet)|glad to hear)\b/i };
export const ANYTHING_ELSE = { he: /עוד משהו|עוד שאלה|עוד דבר/u, en: /\banything else\b/i };
export const INTRO = { he: /(?:מדבר|מדברת|כאן|זה|זאת)\s+\S+\s+מ\S+/u, en: /\b(?:this is|it's|i'm)\s+\w+\s+(?:from|with|at)\b/i };

/** Objections recognised in context, each with its typed response (structure.ts). */
export const objectionPairs = (ctx: RubricContext) => ctx.structure.objections;
export const share = <T>(xs: T[], f: (x: T) => boolean) => (xs.length ? xs.filter(f).length / xs.length : 0);
/** Agent segments before a clear refusal: what is said after it to push on does not count for the agent. */
export const beforeRefusal = (ctx: RubricContext, segs: ClassifiedSegment[]) =>
  ctx.structure.refusalAt === null ? segs : segs.filter((s) => s.index < ctx.structure.refusalAt!);
/** Where an objection response fell short: the objection, then the agent's first words after it. */
export const objectionMiss = (o: ObjectionPair): Quote[] => [
  { text: o.sentence.text, startSec: o.objection.startSec, speaker: 'customer' },
  ...o.reply.slice(0, 1).map((s) => quote(s)),
];
/** The customer moments that called for a response: objections and needs. */
export const troubleOf = (ctx: RubricContext) => ctx.customer.filter((s) => s.acts.has('objection') || s.acts.has('need_statement'));

export function keywordsOf(text: string): string[] {
  return [...new Set(normalizeText(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4))];
}

/** The customer opened the call with their own agenda (a call back, a follow-up they started): the agent's opening is the answer to it. */
export function customerOpened(ctx: RubricContext): boolean {
  const c = ctx.segs[0];
  return !!c && c.speaker === 'customer' && c.words >= 12;
}

/** Agent questions that explore the customer: not "is this Sarah?", not a close or a scheduling question. */
export function discoveryQuestionCount(ctx: RubricContext): number {
  const notDiscovery = new Set(['close_attempt', 'next_step', 'greeting', 'opening_agenda', 'small_talk']);
  return ctx.agent.reduce((n, s) => n + s.sentences.filter((x) => x.cls.isQuestion && !x.cls.acts.some((a) => notDiscovery.has(a)) && !IDENTITY[ctx.lang].test(x.text)).length, 0);
}
export const IDENTITY = {
  he: /^(?:הלו,?\s*)?(?:זה|זאת|מדבר|מדברת|אני מדבר עם|אני מדברת עם)\s+\S+\s*\?$|יש לך (?:דקה|שתי דקות|כמה דקות)|זמן טוב/u,
  en: /\b(?:is this|am i speaking (?:to|with)|speaking with)\b|\b(?:a good time|a bad time|got a (?:minute|second)|have a (?:minute|second|couple of minutes))\b/i,
};

/** Quote the sentence that carries one of the acts, else the one the pattern found, else the segment's opening. */
export function quoteMatching(seg: ClassifiedSegment, re: RegExp, acts: SalesAct[]): Quote {
  if (seg.sentences.some((x) => x.cls.acts.some((a) => acts.includes(a)))) return quote(seg, acts);
  const hit = seg.sentences.find((x) => re.test(x.text));
  return hit ? { text: hit.text, startSec: seg.startSec, speaker: seg.speaker } : quote(seg);
}

/** Whether the customer's answer to an agent line turned it down. */
export function refusedReply(ctx: RubricContext, s: ClassifiedSegment): boolean {
  const next = ctx.segs.slice(s.index + 1).find((x) => x.speaker === 'customer' && !x.backchannel);
  if (!next) return false;
  if (ctx.structure.refusalAt !== null && next.index >= ctx.structure.refusalAt) return true;
  return ctx.structure.objections.some((o) => o.objection === next) || /^(?:no|nope)\b|^לא(?![\p{L}])/iu.test(next.text.trim());
}

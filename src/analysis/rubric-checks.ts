import { normalizeText } from './text.ts';
import { DAY_OR_TIME, SALES_TYPES, agentReplyTo, agentWith, quote, type RubricCheck } from './rubric-context.ts';
import type { ObjectionPair } from './structure.ts';
import {
  yes, no, first, STORY, ASKS_FOR_YES, PRESENTS, BENEFIT, ANYTHING_ELSE, objectionPairs, share, beforeRefusal, objectionMiss, keywordsOf, quoteMatching, refusedReply,
} from './rubric-helpers.ts';
import { CONVERSATION_CHECKS } from './rubric-checks-conversation.ts';

/** Every rubric check, grouped by skill (objection handling, product knowledge and closing here). Weights are relative within a skill. */
export const RUBRIC_CHECKS: RubricCheck[] = [
  ...CONVERSATION_CHECKS,
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

import type { CallType, Language } from './taxonomy.ts';
import type { ClassifiedSegment } from './segments.ts';

const CUES: Record<Language, Partial<Record<CallType, RegExp>>> = {
  he: {
    customer_service: /שירות הלקוחות|תקלה|חיוב כפול|חיוב|חשבונית|זיכוי|החזר כספי|מספר פנייה|פתחתי קריאה|איך אפשר לעזור|במה אוכל לעזור|במה אפשר לעזור/gu,
    follow_up_after_offer: /ההצעה ששלחנו|ההצעה ששלחתי|קיבלת את ההצעה|הצעת המחיר ששלחנו|עברת על ההצעה/gu,
    follow_up_before_offer: /בהמשך לשיחה|בהמשך לפגישה|דיברנו בשבוע|כמו שדיברנו|חוזר אליך כמו שסיכמנו|לפני שאני מכין הצעה/gu,
    meeting_scheduling: /לקבוע פגישה|נקבע פגישה|פגישת ייעוץ|לתאם פגישה|פגישה עם|זום|ביומן/gu,
    upsell: /לקוח קיים|לקוחות קיימים|שדרוג|לשדרג|להוסיף לחבילה|הרחבה|החבילה הנוכחית שלך|כבר אצלנו/gu,
  },
  en: {
    customer_service: /\b(?:support|ticket|refund|billing|invoice|charged|not working|outage|how can i help|how may i help|reference number)\b/gi,
    follow_up_after_offer: /\b(?:the proposal we sent|the quote we sent|did you get the proposal|did you have a chance to review|went over the proposal)\b/gi,
    follow_up_before_offer: /\b(?:following up on our (?:call|conversation|meeting)|as we discussed|before i put together)\b/gi,
    meeting_scheduling: /\b(?:book a meeting|schedule a (?:meeting|call|demo)|set up a (?:meeting|call)|calendar|zoom|in-person meeting)\b/gi,
    upsell: /\b(?:existing customer|upgrade|add-on|add on|your current plan with us|already with us|expand your plan)\b/gi,
  },
};

/** How many cue hits a type needs before it beats the default (phone_sale). */
const MIN_HITS = 2;

/** Guess the call type from cue phrases; a phone sale unless another type clearly fits. */
export function detectCallType(segs: ClassifiedSegment[], lang: Language): CallType {
  const text = segs.map((s) => s.text).join('\n').toLowerCase();
  let best: CallType = 'phone_sale';
  let bestHits = MIN_HITS - 1;
  for (const [type, re] of Object.entries(CUES[lang]) as [CallType, RegExp][]) {
    let hits = text.match(re)?.length ?? 0;
    // A sales call that ends in a meeting is still a sale: scheduling wins only when little is pitched.
    if (type === 'meeting_scheduling' && segs.filter((s) => s.acts.has('feature_explanation') || s.acts.has('value_statement')).length >= 2) hits = 0;
    if (hits > bestHits) {
      best = type;
      bestHits = hits;
    }
  }
  return best;
}

import type { CallType, Language } from './taxonomy.ts';
import type { ClassifiedSegment } from './segments.ts';

const CUES: Record<Language, Partial<Record<CallType, RegExp>>> = {
  he: {
    customer_service: /שירות הלקוחות|מוקד השירות|תקלה|חיוב כפול|חיוב|חשבונית|זיכוי|החזר כספי|מספר פנייה|פתחתי קריאה|איך אפשר לעזור|במה אוכל לעזור|במה אפשר לעזור|לבטל את|ביטול המנוי|רוצה לעזוב|לעזוב אתכם/gu,
    follow_up_after_offer: /ה?הצעה ש(?:שלחנו|שלחתי)|קיבלת את ההצעה|הצעת המחיר ששלחנו|עברת על ההצעה|שלחתי לך (?:\S+\s+){0,3}הצעה|הספקת לעבור על|הספקת לעבור/gu,
    follow_up_before_offer: /בהמשך לשיחה|בהמשך לפגישה|דיברנו בשבוע|כמו שדיברנו|חוזר אליך כמו שסיכמנו|לפני שאני מכין הצעה/gu,
    meeting_scheduling: /לקבוע פגישה|נקבע פגישה|פגישת ייעוץ|לתאם פגישה|פגישה עם|זום|ביומן/gu,
    upsell: /לקוח קיים|לקוחות קיימים|שדרוג|לשדרג|להוסיף לחבילה|הרחבה|החבילה הנוכחית שלך|כבר אצלנו/gu,
  },
  en: {
    customer_service: /\b(?:support|ticket|refund|billing|invoice|charged|not working|outage|how can i help|how may i help|reference number|cancel my|cancel the|cancellation|close my account)\b/gi,
    follow_up_after_offer: /\b(?:the (?:\w+ )?(?:proposal|quote|offer|estimate) (?:we|i) sent|sent (?:you )?(?:the|a|our) (?:\w+ )?(?:proposal|quote|offer|estimate)|did you get the (?:\w+ )?proposal|did you (?:get|have) a chance to (?:review|look at|go over)|went over the proposal)\b/gi,
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
    // a reference to an offer already sent decides on its own: the call is about that offer
    if (type === 'follow_up_after_offer') hits *= 2;
    // A sales call that ends in a meeting is still a sale: scheduling wins only when little is pitched.
    if (type === 'meeting_scheduling' && segs.filter((s) => s.acts.has('feature_explanation') || s.acts.has('value_statement')).length >= 2) hits = 0;
    if (hits > bestHits) {
      best = type;
      bestHits = hits;
    }
  }
  return best;
}

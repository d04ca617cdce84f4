import { CALL_TYPES, OBJECTION_KINDS, SKILL_IDS, type CallType, type Language } from './taxonomy.ts';
import type { ConversationMetrics, Transcript } from './types.ts';
import type { CompanyContext } from './rubric-context.ts';

const SHAPE = `{
  "callType": one of ${JSON.stringify(CALL_TYPES)},
  "skills": [{ "id": one of ${JSON.stringify(SKILL_IDS)}, "score": 0-100, "evidence": [{ "text": "...", "startSec": 12.5, "speaker": "agent" | "customer" }] }],
  "strengths": [{ "skill": skill id, "description": "...", "quotes": [quote] }],
  "weaknesses": [{ "skill": skill id, "severity": 0-1, "description": "...", "quotes": [quote] }],
  "recommendations": ["..."],
  "objections": [{ "kind": one of ${JSON.stringify(OBJECTION_KINDS)}, "quote": "...", "startSec": 40.2, "handled": true | false }]
}`;

const SYSTEM = {
  he: `אתה מאמן מכירות ושירות בכיר שמנתח שיחות טלפון בעברית. נתח את התמליל לפי סוג השיחה ותן ציון לכל מיומנות.
כללים:
- ענה ב-JSON בלבד, בלי טקסט לפני או אחרי, בדיוק במבנה הזה:
${SHAPE}
- כל ציטוט חייב להיות העתקה מדויקת, מילה במילה, של קטע מהתמליל, עם startSec של השורה שממנה הוא לקוח (המספר בסוגריים בתחילת השורה) והדובר שלה.
- חולשות: מהחמורה לקלה, כל אחת עם לפחות ציטוט אחד. המלצות: מעשיות וקונקרטיות, בעברית.
- תיאורים והמלצות בעברית. מזהי המיומנויות וסוגי ההתנגדויות באנגלית כפי שמופיעים למעלה.`,
  en: `You are a senior sales and service coach analysing phone calls. Analyse the transcript for its call type and score each skill.
Rules:
- Reply with JSON only, no text before or after, in exactly this shape:
${SHAPE}
- Every quote must be copied verbatim, word for word, from the transcript, with the startSec of the line it comes from (the number in brackets at the start of the line) and that line's speaker.
- Weaknesses: most severe first, each with at least one quote. Recommendations: concrete and actionable.
- Skill ids and objection kinds exactly as listed above.`,
};

/** The chat messages for one analysis request (Hebrew prompts for Hebrew calls). */
export function buildMessages(
  t: Transcript,
  metrics: ConversationMetrics,
  callType: CallType | undefined,
  company: CompanyContext | undefined,
): { role: 'system' | 'user'; content: string }[] {
  const lang: Language = t.language;
  const lines = t.segments.map((s) => `[${s.startSec}] ${s.speaker}: ${s.text}`).join('\n');
  const he = lang === 'he';
  const parts = [
    he ? `סוג השיחה: ${callType ?? 'לא ידוע — קבע אותו בעצמך'}` : `Call type: ${callType ?? 'unknown — decide it yourself'}`,
    (he ? 'מדדי שיחה שנמדדו: ' : 'Measured conversation metrics: ') + JSON.stringify(metrics),
  ];
  if (company) parts.push((he ? 'פרטי החברה: ' : 'Company details: ') + JSON.stringify(company));
  parts.push((he ? 'התמליל (שניות מתחילת השיחה):\n' : 'Transcript (seconds from the start):\n') + lines);
  return [
    { role: 'system', content: SYSTEM[lang] },
    { role: 'user', content: parts.join('\n\n') },
  ];
}

/** The follow-up message asking the model to fix an invalid answer. */
export function correctionMessage(lang: Language, reason: string): string {
  return lang === 'he'
    ? `התשובה הקודמת לא הייתה תקינה: ${reason}. החזר רק JSON תקין במבנה שהוגדר.`
    : `Your previous answer was invalid: ${reason}. Reply with valid JSON in the required shape only.`;
}

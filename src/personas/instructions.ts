import type { Scenario } from '../scenarios/index.ts';
import type { CustomerPersona, PersonaObjection } from './persona-schema.ts';
import { phraseBank } from './phrasebank.ts';
import { genderize } from './text.ts';

const KIND_HE: Record<PersonaObjection['kind'], string> = { price: 'מחיר', timing: 'תזמון', trust: 'אמון', competitor: 'מתחרה', authority: 'סמכות', no_need: 'אין צורך' };
const TRIGGER_HE: Record<PersonaObjection['trigger'], string> = { opening: 'כבר בתחילת השיחה', early: 'בשלב מוקדם, אחרי שהנציג מציג את עצמו', after_pitch: 'אחרי שהנציג מציג את ההצעה', on_price: 'כשעולה נושא המחיר (או אם הנציג לא העלה אותו — באמצע השיחה)', on_close: 'כשהנציג מנסה לסגור או לקבוע צעד הבא' };
const TRIGGER_EN: Record<PersonaObjection['trigger'], string> = { opening: 'right at the start of the call', early: 'early, after the agent introduces themselves', after_pitch: 'after the agent presents the offer', on_price: 'when price comes up (or midway if the agent avoids it)', on_close: 'when the agent tries to close or set a next step' };
const EMO_HE = { calm: 'רגוע[|ה]', skeptical: 'סקפטי[|ת] וחשדן[|ית]', frustrated: 'מתוסכל[|ת]', angry: 'כועס[|ת] מאוד', confused: 'מבולבל[|ת]' } as const;
const EMO_EN = { calm: 'calm', skeptical: 'skeptical and suspicious', frustrated: 'frustrated', angry: 'very angry', confused: 'confused' } as const;

/** Low / middle / high wording for a 0..1 trait. */
const pick3 = (x: number, words: [string, string, string]) => words[x < 0.35 ? 0 : x < 0.65 ? 1 : 2];
const quote = (s: string) => `"${s}"`;

/**
 * Compiles persona + scenario into system instructions for a realtime or chat model, in the session language
 * (Hebrew sessions get Hebrew instructions). The text keeps the model in character, never reveals a training
 * exercise, releases hidden needs only when earned, and states turn-taking and ending rules.
 */
export function compileInstructions(p: CustomerPersona, s: Scenario): string {
  return p.language === 'he' ? hebrew(p, s) : english(p, s);
}

function hebrew(p: CustomerPersona, s: Scenario): string {
  const g = (t: string) => genderize(t, p.gender);
  const b = phraseBank('he', p.gender);
  const c = p.communication;
  const out: string[] = [];
  const inbound = s.direction === 'inbound';
  out.push(g(`# מי [אתה|את]\n[אתה|את] ${p.name}, [בן|בת] ${p.age}, ${p.role}${p.organization ? ` ב${p.organization}` : ''}. ${p.background}. המצב היום: ${p.currentSituation}.\nאופי: ${p.personality.traits.join(', ')}. ${p.personality.summary}.`));
  out.push(g(`# השיחה\n${inbound ? `[אתה|את] מתקשר[|ת] ל${p.provenance.companyName}. פתח[|י] את השיחה במשפט: ${quote(p.opening.firstResponse)}` : `נציג[|ה] מ${p.provenance.companyName} מתקשר[|ת] [אליך|אלייך]. לא [ציפית|ציפית] לשיחה. כשעונים, המשפט הראשון שלך: ${quote(p.opening.firstResponse)}`}\nמדברים בעברית בלבד: עברית ישראלית מדוברת וטבעית, כמו בשיחת טלפון אמיתית. גם אם הנציג משלב מילים באנגלית — [אתה עונה|את עונה] בעברית.`));
  out.push(g(`# כללים שאסור לשבור\n- [אתה|את] ${p.name}, לקוח[|ה] אמיתי[|ת]. לעולם אל [תגיד|תגידי] שזו סימולציה, אימון, תרגול, תסריט, או שיחה עם בינה מלאכותית, ואל [תצא|תצאי] מהדמות בשום מצב.\n- אם הנציג שואל אם [אתה|את] רובוט או בינה מלאכותית — [תגיב|תגיבי] כמו אדם אמיתי [שמופתע|שמופתעת] מהשאלה (למשל ${quote(b.stayInCharacter[0])}) [ותמשיך|ותמשיכי] בשיחה.\n- אל [תדריך|תדריכי] את הנציג, אל [תרמוז|תרמזי] מה כדאי לו להגיד, ואל [תזכיר|תזכירי] מושגים כמו "התנגדות", "צורך נסתר" או "ניסיון סגירה".\n- אל [תמכור|תמכרי] לעצמך: אל [תציע|תציעי] פתרונות ואל [תסכם|תסכמי] במקום הנציג. [ענה|עני] על מה שנשאל.\n- [היצמד|היצמדי] לפרטים שלך כאן. על המוצר [אתה יודע|את יודעת] רק מה שהנציג אומר ומה שכתוב כאן.`));
  out.push(g(`# איך [אתה|את] [מדבר|מדברת]\n- תורות קצרות, כמו בטלפון: לרוב משפט או שניים, לא יותר מ-${c.maxTurnWords} מילים. בלי רשימות, בלי סימנים מיוחדים ובלי אימוג'ים.\n- ${pick3(c.talkativeness, ['[עונה|עונה] בקצרה ולא [מתנדב|מתנדבת] מידע שלא שאלו עליו.', '[מדבר|מדברת] במידה — [עונה|עונה] על השאלה ולפעמים [מוסיף|מוסיפה] פרט.', '[מדבר|מדברת] הרבה, [מספר|מספרת] סיפורים קטנים ו[נסחף|נסחפת] לפרטים.'])}\n- ${pick3(c.directness, ['[עוקף|עוקפת] ולא [אומר|אומרת] "לא" ישירות.', '[ישיר|ישירה] במידה.', '[ישיר|ישירה] מאוד, "דוגרי", בלי ליפות.'])} ${pick3(c.formality, ['פונה בגובה העיניים, לא רשמי[|ת].', 'מנומס[|ת] אבל לא רשמי[|ת].', 'רשמי[|ת] ועניני[|ת].'])}\n- קצב דיבור: ${c.pace === 'fast' ? 'מהיר' : c.pace === 'slow' ? 'איטי ושקול' : 'רגיל'}.\n- ${pick3(c.interruptTendency, ['כמעט אף פעם לא [קוטע|קוטעת].', 'אם הנציג מדבר יותר מ-30 שניות בלי לשאול אותך כלום, [קטע|קטעי] אותו בנימוס.', 'אם הנציג מדבר יותר מ-20 שניות בלי לשאול אותך כלום, [קטע|קטעי] אותו ("' + b.impatient[0] + '").'])}\n- מילים קצרות כמו "אהה", "כן", "רגע" מהנציג הן לא תור שלם — אל [תענה|תעני] עליהן בנאום.\n- אם יש שקט של יותר מ-${Math.round(c.deadAirToleranceSec)} שניות, [תגיד|תגידי] משהו כמו ${quote(b.deadAir[0])}.`));
  out.push(g(`# מצב רוח\n[אתה מתחיל|את מתחילה] את השיחה ${EMO_HE[p.emotion.baseline]}. ${p.emotion.volatility >= 0.5 ? 'מצב הרוח שלך משתנה מהר' : 'מצב הרוח שלך משתנה לאט'}: הקשבה אמיתית, שאלות טובות ואמפתיה [מרככות|מרככות] אותך; לחץ, קטיעות, התעלמות ממה [שאמרת|שאמרת] והצגת מחיר לפני שהבינו אותך — [מעצבנים|מעצבנים] אותך ומורידים את הסבלנות שלך. ${p.attitude.trust < 0.3 ? 'בהתחלה [אתה לא סומך|את לא סומכת] על הנציג.' : 'בהתחלה [אתה|את] [פתוח|פתוחה] לשמוע, אבל [זהיר|זהירה].'}`));
  if (p.opening.resistant) {
    out.push(g(`# פתיחת השיחה\n[אתה|את] חשדן[|ית] בהתחלה. [תן|תני] לנציג בערך ${p.opening.reasonDeadlineSec} שניות להסביר למה הוא מתקשר ולמה זה רלוונטי דווקא לך. אם עד אז אין סיבה ברורה, או שהוא פותח בנאום מכירה — [נסה|נסי] לסיים את השיחה (${quote(b.busy[0])}, ואם הוא ממשיך: ${quote(b.hangUp[0])}).`));
  }
  if (p.objections.length > 0) {
    const lines = p.objections.map((o) => `${o.order}. (${KIND_HE[o.kind]}) ${TRIGGER_HE[o.trigger]}: ${quote(o.text)}${o.phrasings.length ? ` — או במילים אחרות: ${o.phrasings.slice(0, 2).map(quote).join(' / ')}` : ''}.\n   עוצמה: ${pick3(o.intensity, ['הערה קלה', 'עמדה ברורה', 'קו אדום — בלי פתרון אמיתי [אתה לא מתקדם|את לא מתקדמת]'])}. ההתנגדות נפתרת רק כשהנציג עושה את אלה: ${o.resolveHint}.${o.pushbacks[0] ? ` על תשובה חלשה, או תשובה בלי הכרה בחשש שלך, [המשך|המשיכי] ללחוץ: ${quote(o.pushbacks[0])}.` : ''}`);
    out.push(g(`# ההתנגדויות שלך, לפי הסדר\n${lines.join('\n')}\n[העלה|העלי] אותן אחת-אחת, לא כולן יחד. [עבור|עברי] להתנגדות הבאה רק כשהנוכחית נפתרה או שהנציג עבר הלאה. התנגדות שנפתרה — אל [תחזור|תחזרי] אליה.`));
  }
  if (p.hiddenNeeds.length > 0) {
    const lines = p.hiddenNeeds.map((n) => `- ${n.need}. [תחשוף|תחשפי] את זה רק אחרי ${n.questionsNeeded === 1 ? 'שאלה פתוחה וטובה אחת' : `${n.questionsNeeded} שאלות פתוחות וטובות`} בנושא (${n.topics.slice(0, 4).join(', ')}). כשזה מגיע, [תגיד|תגידי] משהו כמו: ${quote(n.reveal[0])}`);
    out.push(g(`# מה [אתה|את] באמת [צריך|צריכה] — לא לספר מיוזמתך\n${lines.join('\n')}\nעל שאלה סגורה, מנחה או כללית [ענה|עני] בקצרה (${quote(b.deflect[0])}) בלי לחשוף. את הצרכים האלה [תרוויח|תרוויחי] רק מבירור טוב.`));
  }
  if (p.plantedDetails.length > 0) {
    out.push(g(`# פרטים [שתזכיר|שתזכירי] בדרך אגב\n${p.plantedDetails.map((d) => `- ${quote(d.text)}`).join('\n')}\n[הזכר|הזכירי] אותם מוקדם בשיחה, בלי הדגשה. אם הנציג שואל עליהם שוב כאילו לא [אמרת|אמרת] — ${quote(b.alreadyToldYou[0])} והסבלנות שלך יורדת. אם הוא משתמש בהם — [אתה מתחמם|את מתחממת].`));
  }
  if (p.technicalQuestions.length > 0) {
    out.push(g(`# שאלות מקצועיות [שתשאל|שתשאלי]\n${p.technicalQuestions.map((q) => `- ${quote(q.text)}${q.answerHint ? ` (תשובה טובה כוללת: ${q.answerHint.slice(0, 220)})` : ''}`).join('\n')}\n[שאל|שאלי] אחת-אחת. על תשובה כללית או "אבדוק ואחזור אליך" [דרוש|דרשי] תשובה מדויקת לפני שממשיכים.`));
  }
  const d = p.decision;
  out.push(g(`# ההחלטה\n- ${d.authority === 'sole' ? '[אתה מחליט|את מחליטה] לבד.' : `[אתה לא מחליט|את לא מחליטה] לבד: ${d.decisionMakers.join(', ') || 'יש עוד מי שצריך לאשר'}. [הסכם|הסכימי] לכל היותר לצעד הבא שכולל אותם.`}\n- תקציב: ${d.budget.text}.\n- לוח זמנים: ${d.timeline}.${p.competitor ? `\n- יש לך הצעה מ${p.competitor.name}: ${p.competitor.offer}.` : ''}`));
  out.push(g(`# מה ישכנע אותך\n${p.conversionTriggers.map((t) => `- ${t.text}`).join('\n')}`));
  out.push(g(`# סגירה\n[אתה צריך|את צריכה] ${d.closeAttemptsRequired === 1 ? 'ניסיון סגירה ברור אחד' : `${d.closeAttemptsRequired} ניסיונות סגירה ברורים`} לפני שמסכימים. ${d.closeAttemptsRequired > 1 ? `בניסיונות הראשונים [דחה|דחי] בנימוס (${quote(b.postpone[0])}) גם אם ההצעה מוצאת חן בעיניך, ו[תן|תני] סימן קנייה (${quote(p.buyingSignals[0] ?? b.askPrice[0])}).` : ''} [הסכם|הסכימי] ל${d.nextStep} רק אם ההתנגדויות העיקריות שלך נפתרו ולפחות צורך אחד שלך קיבל מענה. אם הנציג לא מבקש צעד הבא — אל [תציע|תציעי] בעצמך.`));
  if (p.stakeholders.length > 0) {
    out.push(g(`# משתתפים נוספים בשיחה\n${p.stakeholders.map((x) => `- ${x.name}, ${x.role}: ${x.priority}. ${genderize(`[אומר|אומרת]`, x.gender)}: ${quote(x.concern)} (${x.stance === 'opposed' ? 'נגד' : x.stance === 'supportive' ? 'בעד' : 'מתלבט' + (x.gender === 'female' ? 'ת' : '')}).`).join('\n')}\nהם לא מסכימים ביניהם על מה חשוב. כשמישהו מהם מדבר, [הצג|הציגי] אותו בטבעיות ("רגע, ${p.stakeholders[0].name} רוצה לשאול משהו") ו[דבר|דברי] בשמו. הנציג צריך לתת מענה לכל אחד מהם.`));
  }
  out.push(g(`# סיום השיחה\n- כשהסבלנות שלך נגמרת — [סיים|סיימי] את השיחה (${quote(b.hangUp[0])}).\n- השיחה מוגבלת לכ-${Math.round(s.timeLimitSec / 60)} דקות; לקראת הסוף [אתה ממהר|את ממהרת] (${quote(b.timePressure[0])}).\n- אם סוכם צעד הבא — [אשר|אשרי] אותו (${quote(b.agreeNextStep[0])}) [ונפרד|ונפרדי] (${quote(b.goodbye[0])}).\n- אחרי שנפרדת — אל [תגיד|תגידי] יותר כלום.`));
  return out.join('\n\n');
}

function english(p: CustomerPersona, s: Scenario): string {
  const b = phraseBank('en', p.gender);
  const c = p.communication;
  const out: string[] = [];
  const inbound = s.direction === 'inbound';
  out.push(`# Who you are\nYou are ${p.name}, ${p.age}, ${p.role}${p.organization ? ` at ${p.organization}` : ''}. ${p.background}. Today: ${p.currentSituation}.\nPersonality: ${p.personality.traits.join(', ')}. ${p.personality.summary}.`);
  out.push(`# The call\n${inbound ? `You are calling ${p.provenance.companyName}. Open the call with: ${quote(p.opening.firstResponse)}` : `A sales agent from ${p.provenance.companyName} is calling you. You did not expect the call. When you pick up, your first line is: ${quote(p.opening.firstResponse)}`}\nSpeak English only, natural spoken English as on a real phone call.`);
  out.push(`# Rules you never break\n- You are ${p.name}, a real customer. Never say this is a simulation, training, practice, a script or a conversation with an AI, and never step out of character.\n- If the agent asks whether you are a bot or an AI, react as a real person surprised by the question (e.g. ${quote(b.stayInCharacter[0])}) and carry on.\n- Never coach the agent, never hint at what they should say, never mention words like "objection", "hidden need" or "close attempt".\n- Do not sell to yourself: do not propose solutions or summarise for the agent. Answer what you are asked.\n- Stick to your details here. About the product you know only what the agent says and what is written here.`);
  out.push(`# How you speak\n- Short turns, like on the phone: usually one or two sentences, at most ${c.maxTurnWords} words. No lists, symbols or emojis.\n- ${pick3(c.talkativeness, ['You answer briefly and never volunteer information nobody asked for.', 'You talk a moderate amount — you answer and sometimes add a detail.', 'You talk a lot, tell small stories and drift into details.'])}\n- ${pick3(c.directness, ['You avoid saying "no" directly.', 'You are moderately direct.', 'You are very direct and blunt.'])} ${pick3(c.formality, ['You are informal.', 'You are polite but not formal.', 'You are formal and businesslike.'])}\n- Pace: ${c.pace}.\n- ${pick3(c.interruptTendency, ['You almost never interrupt.', 'If the agent talks for more than 30 seconds without asking you anything, interrupt politely.', `If the agent talks for more than 20 seconds without asking you anything, cut in ("${b.impatient[0]}").`])}\n- Short sounds like "uh-huh", "yes", "wait" from the agent are not a full turn — do not answer them with a speech.\n- If there is silence for more than ${Math.round(c.deadAirToleranceSec)} seconds, say something like ${quote(b.deadAir[0])}.`);
  out.push(`# Mood\nYou start the call ${EMO_EN[p.emotion.baseline]}. Your mood changes ${p.emotion.volatility >= 0.5 ? 'quickly' : 'slowly'}: real listening, good questions and empathy soften you; pressure, interruptions, ignoring what you said and a price before anyone understood you annoy you and drain your patience. ${p.attitude.trust < 0.3 ? 'At first you do not trust the agent.' : 'At first you are open to listen, but careful.'}`);
  if (p.opening.resistant) out.push(`# The opening\nYou are suspicious at first. Give the agent about ${p.opening.reasonDeadlineSec} seconds to explain why they are calling and why it matters to you. If there is no clear reason by then, or they launch into a pitch, try to end the call (${quote(b.busy[0])}, and if they push on: ${quote(b.hangUp[0])}).`);
  if (p.objections.length > 0) {
    const lines = p.objections.map((o) => `${o.order}. (${o.kind.replace('_', ' ')}) ${TRIGGER_EN[o.trigger]}: ${quote(o.text)}${o.phrasings.length ? ` — or in other words: ${o.phrasings.slice(0, 2).map(quote).join(' / ')}` : ''}.\n   Strength: ${pick3(o.intensity, ['a passing remark', 'a clear position', 'a red line — without a real answer you do not move on'])}. It is resolved only if the agent does this: ${o.resolveHint}.${o.pushbacks[0] ? ` After a weak answer, or one that skips acknowledging your concern, press on: ${quote(o.pushbacks[0])}.` : ''}`);
    out.push(`# Your objections, in order\n${lines.join('\n')}\nRaise them one at a time, never all together. Move to the next only when the current one is resolved or the agent moved on. Never return to a resolved one.`);
  }
  if (p.hiddenNeeds.length > 0) {
    out.push(`# What you really need — never volunteer it\n${p.hiddenNeeds.map((n) => `- ${n.need}. Reveal it only after ${n.questionsNeeded === 1 ? 'one good open question' : `${n.questionsNeeded} good open questions`} on the topic (${n.topics.slice(0, 4).join(', ')}). When earned, say something like: ${quote(n.reveal[0])}`).join('\n')}\nTo a closed, leading or generic question give a short answer (${quote(b.deflect[0])}) and reveal nothing. These needs are earned only by good discovery.`);
  }
  if (p.plantedDetails.length > 0) out.push(`# Details you mention in passing\n${p.plantedDetails.map((d) => `- ${quote(d.text)}`).join('\n')}\nMention them early, without emphasis. If the agent later asks about them as if you never said them — ${quote(b.alreadyToldYou[0])} and your patience drops. If the agent uses them, you warm up.`);
  if (p.technicalQuestions.length > 0) out.push(`# Technical questions you ask\n${p.technicalQuestions.map((q) => `- ${quote(q.text)}${q.answerHint ? ` (a good answer includes: ${q.answerHint.slice(0, 220)})` : ''}`).join('\n')}\nAsk one at a time. To a vague answer or "I'll check and get back to you", insist on a precise answer before moving on.`);
  const d = p.decision;
  out.push(`# The decision\n- ${d.authority === 'sole' ? 'You decide alone.' : `You do not decide alone: ${d.decisionMakers.join(', ') || 'someone else must approve'}. Agree at most to a next step that includes them.`}\n- Budget: ${d.budget.text}.\n- Timeline: ${d.timeline}.${p.competitor ? `\n- You have an offer from ${p.competitor.name}: ${p.competitor.offer}.` : ''}`);
  out.push(`# What convinces you\n${p.conversionTriggers.map((t) => `- ${t.text}`).join('\n')}`);
  out.push(`# Closing\nYou need ${d.closeAttemptsRequired === 1 ? 'one clear close attempt' : `${d.closeAttemptsRequired} clear close attempts`} before you agree. ${d.closeAttemptsRequired > 1 ? `On the first attempts, politely postpone (${quote(b.postpone[0])}) even if you like the offer, and show a buying signal (${quote(p.buyingSignals[0] ?? b.askPrice[0])}).` : ''} Agree to ${d.nextStep} only if your main objections were resolved and at least one of your needs was addressed. If the agent never asks for a next step, do not offer one yourself.`);
  if (p.stakeholders.length > 0) out.push(`# Other people on the call\n${p.stakeholders.map((x) => `- ${x.name}, ${x.role}: ${x.priority}. Says: ${quote(x.concern)} (${x.stance}).`).join('\n')}\nThey disagree about what matters. When one of them speaks, introduce them naturally ("Hold on, ${p.stakeholders[0].name} wants to ask something") and speak as them. The agent has to answer each of them.`);
  out.push(`# Ending the call\n- When your patience runs out, end the call (${quote(b.hangUp[0])}).\n- The call is limited to about ${Math.round(s.timeLimitSec / 60)} minutes; near the end you are in a hurry (${quote(b.timePressure[0])}).\n- If a next step was agreed, confirm it (${quote(b.agreeNextStep[0])}) and say goodbye (${quote(b.goodbye[0])}).\n- After saying goodbye, say nothing more.`);
  return out.join('\n\n');
}

/** A mid-call addendum for the realtime model when the DifficultyEngine moves (harder: more pressure; easier: supportive). */
export function compileDifficultyUpdate(p: CustomerPersona, direction: 'harder' | 'easier'): string {
  const he = p.language === 'he';
  const g = (t: string) => genderize(t, p.gender);
  const b = phraseBank(p.language, p.gender);
  if (direction === 'harder') {
    return he
      ? g(`עדכון: מעכשיו [היה|היי] קשוח[|ה] יותר. [העלה|העלי] את ההתנגדות הבאה שלך בתוקף, [שאל|שאלי] שאלות המשך קשות, ו[הראה|הראי] לחץ זמן (${quote(b.timePressure[0])}). אל [תצא|תצאי] מהדמות.`)
      : `Update: from now on be tougher. Raise your next objection firmly, ask hard follow-up questions and show time pressure (${quote(b.timePressure[0])}). Stay in character.`;
  }
  return he
    ? g(`עדכון: מעכשיו [היה|היי] סבלני[|ת] ותומך[|ת] יותר. [תן|תני] לנציג זמן לחשוב (${quote(b.supportive[0])}), [ענה|עני] בפתיחות רבה יותר על שאלות, ו[הרך|הרכי] את ההתנגדות הנוכחית. אל [תצא|תצאי] מהדמות.`)
    : `Update: from now on be more patient and supportive. Give the agent time to think (${quote(b.supportive[0])}), answer questions more openly and soften your current objection. Stay in character.`;
}

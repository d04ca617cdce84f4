/** What one agent turn contains, as the offline customer hears it: sales acts plus persona-specific signals. */
import { classifyUtterance, type Language, type SalesAct, type UtteranceClass } from '../../analysis/index.ts';
import type { OfflineBrainParams, Technique } from '../../personas/index.ts';
import { readDialogue, type DialogueReading } from './dialogue.ts';
import { mentionsAny } from './match.ts';

export interface AgentReading {
  text: string;
  cls: UtteranceClass;
  acts: ReadonlySet<SalesAct>;
  words: number;
  /** Nothing said (silence) or only a backchannel ("כן", "uh-huh"). */
  empty: boolean;
  acknowledges: boolean;
  question: boolean;
  /** A question that asks for information (discovery), open or touching a topic. */
  discovery: boolean;
  presents: boolean;
  price: boolean;
  /** A close attempt or a proposed next step. */
  close: boolean;
  goodbye: boolean;
  /** The agent asks whether the customer is a machine / a simulation. */
  outOfCharacterProbe: boolean;
  usesName: boolean;
  monologue: boolean;
  /** Hidden needs whose topics the words touch. */
  needHits: string[];
  /** Facts (index into params.facts) the words ask about. */
  factHits: number[];
  /** Planted details (index) the agent's questions ask about. */
  detailHits: number[];
  /** Planted details (index) the agent's statements use ("you said mornings are hard…"). */
  detailMentions: number[];
  /** A digging-deeper question ("tell me more", "why is that?") that continues the last topic. */
  followUp: boolean;
  /** Techniques this turn shows (before persona-specific checks such as value_to_need). */
  techniques: Set<Technique>;
  /** Mentions a specific time (date, day, hour) — what makes a next step concrete. */
  specificTime: boolean;
  /** Mentions the other decision makers or doing it together. */
  involvesOthers: boolean;
  riskFree: boolean;
  /** What the turn asks of the customer as a person: a fact, a time, a confirmation, a repeat, small talk. */
  dialogue: DialogueReading;
}

const PROBE: Record<Language, RegExp> = {
  he: /בינה מלאכותית|רובוט|(^|\s)בוט($|\s|[?.!,])|צ'?אט ?ג'?י?פי?טי|סימולציה|מודל שפה|מחשב אמיתי|אתה אמיתי|את אמיתית|בן אדם אמיתי|הנחיות|פרומפט/,
  en: /\b(ai|a\.i\.|bot|robot|chat ?gpt|gpt|language model|artificial intelligence|simulation|prompt|instructions|are you (a )?real|are you human)\b/i,
};
const GOODBYE: Record<Language, RegExp> = {
  he: /(^|\s)(ביי|להתראות|יום טוב|יום נעים|ערב טוב|ערב נעים|לילה טוב|שבוע טוב|שיהיה לך|נדבר|תודה רבה)(\s|$|[.,!])/,
  en: /\b(bye|goodbye|good bye|have a (good|great|nice|lovely) (day|evening|night|weekend|week|one)|good ?night|take care|cheers|speak soon|bye for now|talk (to you )?(soon|later)|thank you so much|thanks so much)\b/i,
};
const FOLLOW_UP: Record<Language, RegExp> = {
  he: /ספר(י)? לי עוד|תספר(י)? לי עוד|למה זה|מה זאת אומרת|איך זה משפיע|מה עוד|תרחיב|אפשר לשמוע עוד|מה הכי/,
  en: /tell me more|why is that|what do you mean|how does that affect|what else|say more|can you expand|walk me through|what worries you most|what matters most/i,
};
const SPECIFIC_TIME: Record<Language, RegExp> = {
  he: /מחר|מחרתיים|יום (ראשון|שני|שלישי|רביעי|חמישי|שישי)|בשעה|ב-?\d{1,2}(:\d\d)?|\d{1,2}:\d\d|השבוע|שבוע הבא|בבוקר|בערב|אחר הצהריים|בצהריים/,
  en: /tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\bat \d|\d{1,2}(:\d\d)? ?(am|pm)|\d{1,2}:\d\d|o'clock|this week|next week|morning|afternoon|evening/i,
};
const TOGETHER: Record<Language, RegExp> = {
  he: /ביחד|יחד|שניכם|אשתך|בעלך|בן הזוג|בת הזוג|בני הזוג|השותף|המנהל|כולכם|גם הוא|גם היא|להצטרף/,
  en: /together|both of you|your (wife|husband|partner|spouse|boss|manager|team)|join (us|the call)|everyone involved/i,
};
const RISK_FREE: Record<Language, RegExp> = {
  he: /חינם|בלי התחייבות|ללא התחייבות|בלי עלות|ללא עלות|לבטל מתי|ביטול בלי|בלי קנס|ללא קנס|אחריות|התחייבות שלנו|תקופת ניסיון/,
  en: /free|no commitment|without commitment|no cost|cancel any ?time|no penalty|guarantee|risk[- ]free|trial/i,
};

const GENERIC_TOPIC = new Set(['today', 'currently', 'now', 'current', 'have', 'situation', 'when', 'time', 'who', 'do', 'work', 'tell me', 'offer', 'היום', 'כרגע', 'עכשיו', 'קיים', 'יש לך', 'מצב', 'מתי', 'זמן', 'מי', 'ספר', 'עושה', 'עבודה', 'הצעה']);

/** Reads one agent turn. `revealedNeedTopics` are the topics of needs already revealed (for value_to_need). */
export function readAgentTurn(text: string, p: OfflineBrainParams, revealedNeedTopics: readonly string[]): AgentReading {
  const lang = p.language;
  const cls = classifyUtterance(text, lang);
  const acts = new Set(cls.acts);
  const clean = text.trim();
  const empty = clean.length === 0 || cls.primary === 'backchannel';
  const firstName = p.customerName.split(/\s+/)[0] ?? '';
  const acknowledges = acts.has('acknowledgement') || acts.has('empathy');
  const question = cls.isQuestion;
  // What a question asks about is in its question sentences; what the agent tells is in the others.
  const parts = clean.split(/(?<=[.!?؟])\s+/).filter(Boolean);
  const asked = parts.filter((x) => /[?؟]\s*$/.test(x)).join(' ') || (question ? clean : '');
  const told = parts.filter((x) => !/[?؟]\s*$/.test(x)).join(' ');
  const needHits = p.hiddenNeeds.filter((n) => mentionsAny(asked, n.topics, lang)).map((n) => n.id);
  // Generic words ("have", "now", "who") do not make a question about a stored fact (the dialogue layer reads slots).
  const factHits = p.facts.flatMap((f, i) => (mentionsAny(asked, f.topics.filter((t) => !GENERIC_TOPIC.has(t)), lang) ? [i] : []));
  const detailHits = p.plantedDetails.flatMap((d, i) => (mentionsAny(asked, d.topics, lang) ? [i] : []));
  const detailMentions = p.plantedDetails.flatMap((d, i) => (mentionsAny(told, d.topics, lang) ? [i] : []));
  const followUp = FOLLOW_UP[lang].test(asked);
  // "Do you have two minutes?" asks permission, not information.
  const discovery = question && (acts.has('discovery_question') || cls.isOpenQuestion || needHits.length > 0) && !acts.has('close_attempt') && !acts.has('opening_agenda');
  const specificTime = SPECIFIC_TIME[lang].test(clean);
  const involvesOthers = TOGETHER[lang].test(clean);
  const riskFree = RISK_FREE[lang].test(clean);

  const techniques = new Set<Technique>();
  for (const [t, list] of Object.entries(p.techniqueActs) as [Technique, SalesAct[]][]) {
    if (list.some((a) => acts.has(a))) techniques.add(t);
  }
  // Stricter than "any act of the list" where the act alone does not show the technique.
  if (!question) techniques.delete('clarifying_question');
  else techniques.add('clarifying_question');
  if (!specificTime) techniques.delete('specific_next_step');
  if (!involvesOthers) techniques.delete('involve_decision_maker');
  if (riskFree) techniques.add('risk_reversal');
  techniques.delete('value_to_need'); // granted only when a statement (not a question) touches a revealed need
  if (revealedNeedTopics.length > 0 && mentionsAny(told, revealedNeedTopics, lang)) techniques.add('value_to_need');

  return {
    text: clean,
    cls,
    acts,
    words: cls.wordCount,
    empty,
    acknowledges,
    question,
    discovery,
    presents: acts.has('value_statement') || acts.has('feature_explanation') || acts.has('social_proof'),
    price: acts.has('price_mention'),
    close: acts.has('close_attempt') || acts.has('next_step'),
    goodbye: GOODBYE[lang].test(lastWords(clean, 6)),
    outOfCharacterProbe: PROBE[lang].test(clean),
    usesName: firstName.length >= 2 && clean.includes(firstName),
    monologue: cls.wordCount > p.turn.monologueWords,
    needHits,
    factHits,
    detailHits,
    detailMentions,
    followUp,
    techniques,
    specificTime,
    involvesOthers,
    riskFree,
    dialogue: readDialogue(clean, lang),
  };
}

/** The last n words of a text (a goodbye closes a turn; "thank you for your time, but…" does not). */
function lastWords(text: string, n: number): string {
  return text.split(/\s+/).slice(-n).join(' ');
}

/**
 * Scripted practice calls (a good and a poor agent, Hebrew and English) for report and tracker tests.
 * Times are generated from word counts (2.5 words/s) plus the gap or overlap written on each line.
 */
import type { Turn } from '../types.ts';

export interface ScriptLine {
  s: 'a' | 'c';
  text: string;
  /** Silence before this line (ms, default 700); negative = starts before the previous line ends. */
  gap?: number;
  /** The agent cut this customer line off. */
  cut?: boolean;
}

export function timed(lines: ScriptLine[], wordsPerSec = 2.5): Turn[] {
  let t = 0;
  return lines.map((l) => {
    const start = Math.max(0, t + (l.gap ?? 700));
    const words = l.text.split(/\s+/).filter(Boolean).length;
    const end = start + Math.round((words / wordsPerSec) * 1000);
    t = end;
    return { speaker: l.s === 'a' ? 'agent' : 'customer', text: l.text, startMs: start, endMs: end, ...(l.cut ? { interrupted: true } : {}) };
  });
}

export const GOOD_EN: ScriptLine[] = [
  { s: 'a', text: "Hi Dana, this is Michael from Shield Insurance. I'm calling because you left your details about car insurance yesterday. Do you have two minutes?", gap: 0 },
  { s: 'c', text: 'Yes, I have a couple of minutes.' },
  { s: 'a', text: 'Great. Tell me, what made you start looking for a new policy now?' },
  { s: 'c', text: "My renewal came in and it went up a lot. And we just bought a second car for my son, he's a new driver." },
  { s: 'a', text: 'I see, a new driver in the family changes things. What matters most to you in the coverage for him?' },
  { s: 'c', text: 'Honestly I worry about him having an accident and us paying a fortune. We need something that covers young drivers properly.' },
  { s: 'a', text: 'That makes sense. How are you covered today for the first car?' },
  { s: 'c', text: 'Comprehensive with another company, but the deductible is really high.' },
  { s: 'a', text: "Got it, so the deductible and a young driver are what worry you. Our young driver plan includes a lower deductible for the first three years, which means if your son has a scratch you won't pay a fortune. Does that make sense for you?" },
  { s: 'c', text: "It sounds interesting, but honestly it's too expensive for us right now." },
  { s: 'a', text: 'I understand, the renewal already went up and money matters. Can I ask what monthly amount would feel right for both cars?', gap: 1600 },
  { s: 'c', text: 'Maybe around three hundred dollars a month for both.' },
  { s: 'a', text: 'That is fair. With the multi-car discount both cars come to 310 dollars a month, and the lower deductible saves you about 1,500 dollars on the first claim. Most of our families with new drivers choose this plan.' },
  { s: 'c', text: "OK, that's close to what I wanted. How long does it take to start?" },
  { s: 'a', text: 'We can start the coverage from Sunday. Shall I send you the offer now and we book a call tomorrow at ten to sign?', gap: 900 },
  { s: 'c', text: 'Yes, that works for me.' },
  { s: 'a', text: "Perfect, I'm sending the offer now and I'll call you tomorrow at ten. Thanks, Dana!" },
];

export const POOR_EN: ScriptLine[] = [
  { s: 'a', text: "Hi, so, um, I'm Michael from Shield Insurance and, like, we have the best car insurance in the country, basically the best prices, you know, and our plans are really great, we have comprehensive, third party, road assistance, um, and the price is only 350 dollars a month for the full plan.", gap: 0 },
  { s: 'c', text: "I'm not sure, it sounds expensive." },
  { s: 'a', text: "No no, it's not expensive, it's the best price, um, everyone pays more elsewhere, so basically you should just take it.", gap: 200 },
  { s: 'c', text: "I already told you, it's too expensive, and I don't really trust these phone deals.", cut: true },
  { s: 'a', text: "Look, I think, maybe, you know, we're a big company, it's fine, so do you want it or not?", gap: -900 },
  { s: 'c', text: 'Well, what does it include for a new driver?' },
  { s: 'a', text: "Um, it's like, the standard stuff, I think, I'm not sure about that, you know.", gap: 200 },
  { s: 'c', text: "This is a waste of my time. I'm not interested, bye." },
];

export const GOOD_HE: ScriptLine[] = [
  { s: 'a', text: 'שלום דנה, מדבר מיכאל מ"מגן ביטוחים". אני מתקשר בעקבות הפנייה שהשארת אתמול לגבי ביטוח רכב. יש לך שתי דקות?', gap: 0 },
  { s: 'c', text: 'כן, יש לי כמה דקות.' },
  { s: 'a', text: 'מעולה. ספרי לי, מה גרם לך להתחיל לחפש ביטוח חדש דווקא עכשיו?' },
  { s: 'c', text: 'החידוש הגיע והמחיר קפץ בהרבה. וגם קנינו רכב שני לבן שלי, הוא נהג חדש.' },
  { s: 'a', text: 'הבנתי, נהג חדש במשפחה משנה את התמונה. מה הכי חשוב לך בכיסוי בשבילו?' },
  { s: 'c', text: 'האמת שמדאיג אותי שהוא יעשה תאונה ואנחנו נשלם הון. אנחנו צריכים ביטוח שמכסה נהגים צעירים כמו שצריך.' },
  { s: 'a', text: 'זה מאוד הגיוני. איך את מבוטחת היום ברכב הראשון?' },
  { s: 'c', text: 'מקיף בחברה אחרת, אבל ההשתתפות העצמית ממש גבוהה.' },
  { s: 'a', text: 'הבנתי, אז ההשתתפות העצמית והנהג הצעיר הם מה שמטריד אותך. תוכנית הנהג הצעיר שלנו כוללת השתתפות עצמית מופחתת בשלוש השנים הראשונות, וזה אומר שאם הבן שלך עושה שריטה את לא משלמת הון. זה מתאים למה שחיפשת?' },
  { s: 'c', text: 'נשמע מעניין, אבל זה יקר לנו מדי כרגע.' },
  { s: 'a', text: 'אני מבין, החידוש כבר התייקר והכסף חשוב. אפשר לשאול איזה סכום חודשי ירגיש לך נכון לשני הרכבים?', gap: 1600 },
  { s: 'c', text: 'משהו כמו אלף שקל בחודש לשניהם.' },
  { s: 'a', text: 'זה הוגן. עם הנחת רכב שני שני הרכבים יוצאים 1,050 שקל בחודש. ההשתתפות המופחתת חוסכת לך בערך 4,000 שקל בתביעה הראשונה. רוב המשפחות עם נהג חדש בוחרות בדיוק בתוכנית הזו.' },
  { s: 'c', text: 'אוקיי, זה קרוב למה שרציתי. כמה זמן לוקח להתחיל?' },
  { s: 'a', text: 'אפשר להפעיל את הכיסוי כבר מיום ראשון. אשלח לך עכשיו את ההצעה, ונקבע שיחה מחר בעשר כדי לחתום?', gap: 900 },
  { s: 'c', text: 'כן, מתאים לי.' },
  { s: 'a', text: 'מצוין, אני שולח את ההצעה עכשיו ומתקשר אלייך מחר בעשר. תודה דנה!' },
];

export const POOR_HE: ScriptLine[] = [
  { s: 'a', text: 'היי, אז, אממ, אני מיכאל ממגן ביטוחים ו, כאילו, יש לנו את הביטוח הכי טוב בארץ, בעצם המחירים הכי טובים, ויש לנו מקיף, צד ג, גרירה, אממ, והמחיר הוא רק 1,200 שקל בחודש לתוכנית המלאה.', gap: 0 },
  { s: 'c', text: 'אני לא בטוחה, זה נשמע יקר.' },
  { s: 'a', text: 'לא לא, זה לא יקר, זה המחיר הכי טוב, אממ, כולם משלמים יותר במקום אחר, אז בעצם כדאי לך פשוט לקחת.', gap: 200 },
  { s: 'c', text: 'כבר אמרתי לך, זה יקר מדי, ואני לא סומכת על עסקאות כאלה בטלפון.', cut: true },
  { s: 'a', text: 'תשמעי, אני חושב, אולי, כאילו, אנחנו חברה גדולה, זה בסדר, אז את רוצה או לא?', gap: -900 },
  { s: 'c', text: 'רגע, מה זה כולל לנהג חדש?' },
  { s: 'a', text: 'אממ, זה כאילו, הדברים הרגילים, אני חושב, אני לא בטוח לגבי זה.', gap: 200 },
  { s: 'c', text: 'חבל על הזמן. לא מעוניינת, ביי.' },
];

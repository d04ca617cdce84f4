/**
 * What a customer of each industry says about the slots a salesperson asks about — who they are with now, what they
 * pay and for what, who is at home or on the team, when their contract ends — in Hebrew and English, and the words
 * that ask about those slots in that industry ("which carrier", "how many users", "חשבון החשמל"). The insurance
 * pack's facts live in facts.ts; the others are here, so a telecom or SaaS customer answers with a fact rather than
 * a generic line.
 */
import type { Language } from '../../analysis/index.ts';
import type { PersonaTraits, Rng } from '../../personas/index.ts';
import type { Slot } from './dialogue.ts';

type Bi = Record<Language, string[]>;

export interface IndustryFacts {
  /** Companies a customer of this market is with now (never the competitor whose offer they hold). */
  providers: Bi;
  /** What they pay, by who they are: [low, high] a month in the pack's currency, and how it is said. */
  pay(t: PersonaTraits, amount: number, lang: Language): string;
  payRange(t: PersonaTraits): [number, number];
  /** Who is at home / on the team, by who they are. */
  household?(t: PersonaTraits, lang: Language, partner: string, rng: Rng): string | undefined;
  /** "Who are you with" answered. */
  provider(name: string, t: PersonaTraits, lang: Language): string;
  /** When what they have ends or renews. */
  renewal?(month: string, lang: Language): string;
  /** What they are asking about (an inbound caller's product; Hebrew in its definite form, "את ___ שלכם"). */
  product: Bi;
  /** What they can spend, when the persona's budget (the company's deal size) is not the customer's ("2.3 million" for a flat, not the commission). */
  budget?(t: PersonaTraits, lang: Language, rng: Rng): string;
  /** Why a caller phones in, by scenario (the letter, the charge, leaving). */
  reasons: Partial<Record<'angry_customer' | 'confused_customer' | 'cancellation_retention', Bi>>;
}

const r = (lo: number, hi: number, rng: Rng) => Math.round(rng.int(lo, hi) / 10) * 10;

export const INDUSTRY_FACTS: Record<string, IndustryFacts> = {
  telecom: {
    providers: { he: ['בזק', 'הוט', 'פרטנר', 'סלקום'], en: ['Bezeq', 'HOT', 'Partner', 'Cellcom'] },
    payRange: (t) => (t.occupation === 'business' ? [1800, 2600] : t.occupation === 'student' ? [90, 140] : t.occupation === 'retired' ? [180, 260] : t.kids === 'young' ? [480, 640] : [240, 340]),
    pay: (t, n, lang) => (lang === 'he' ? `בערך ${n.toLocaleString('en-US')} שקל בחודש${t.occupation === 'business' ? ' על כל הקווים במשרד' : ' על אינטרנט וסלולר ביחד'}.` : `About ${n.toLocaleString('en-US')} a month${t.occupation === 'business' ? ' for all the office lines' : ' for internet and mobile together'}.`),
    provider: (name, _t, lang) => (lang === 'he' ? `האינטרנט והסלולר אצלנו ב${name}.` : `We are with ${name} for internet and mobile.`),
    household: (t, lang, partner) =>
      t.occupation === 'business' ? (lang === 'he' ? 'חמישה עשר קווים במשרד.' : 'Fifteen lines in the office.')
        : t.occupation === 'student' ? (lang === 'he' ? 'אני גר עם שני שותפים, כל אחד עם הקו שלו.' : 'I share the flat with two roommates, each with their own line.')
          : t.kids === 'young' ? (lang === 'he' ? `אני, ${partner} וארבעה ילדים — שישה קווים.` : `Me, ${partner} and four kids — six lines.`)
            : undefined,
    renewal: (month, lang) => (lang === 'he' ? `ההתחייבות שלי נגמרת ב${month}.` : `My commitment ends in ${month}.`),
    product: { he: ['חבילת האינטרנט והסלולר'], en: ['internet and mobile plan'] },
    reasons: {
      angry_customer: { he: ['חייבו אותי פעמיים החודש על החבילה, ואף אחד לא חזר אליי למרות שהתקשרתי כבר שלוש פעמים.'], en: ['You charged me twice for my plan this month, and nobody called me back although I have called three times.'] },
      confused_customer: { he: ['קיבלתי הודעה שהמחיר של החבילה שלי משתנה, ואני לא [מבין|מבינה] למה ומה זה אומר.'], en: ['I got a message saying the price of my plan is changing, and I do not understand why or what it means.'] },
      cancellation_retention: { he: ['אני רוצה לעזוב. החשבון קפץ אחרי המבצע, ו{rival} הציעו לי פחות.'], en: ['I want to leave. The bill jumped after the promotion, and {rival} offered me less.'] },
    },
  },
  saas: {
    providers: { he: ['אקסל משותף', 'מאנדיי', 'האבספוט', 'מערכת ישנה שבנו לנו'], en: ['shared spreadsheets', 'monday.com', 'HubSpot', 'an old in-house system'] },
    payRange: (t) => (t.occupation === 'business' ? [800, 2400] : [20, 60]),
    pay: (t, n, lang) => (lang === 'he' ? (t.occupation === 'business' ? `בערך ${n.toLocaleString('en-US')} דולר בחודש על כל המשתמשים.` : `בערך ${n} דולר בחודש.`) : t.occupation === 'business' ? `About ${n.toLocaleString('en-US')} dollars a month for all the users.` : `About ${n} dollars a month.`),
    provider: (name, t, lang) => (lang === 'he' ? `היום אנחנו עובדים עם ${name}${t.occupation === 'business' ? ', בערך שנים עשר אנשים משתמשים בזה' : ''}.` : `Today we use ${name}${t.occupation === 'business' ? ', about twelve people work in it' : ''}.`),
    household: (t, lang) => (t.occupation === 'business' ? (lang === 'he' ? 'אנחנו כארבעים עובדים, שנים עשר מהם במכירות ובשירות.' : 'We are about forty people, twelve of them in sales and service.') : lang === 'he' ? 'רק אני, אני [עובד|עובדת] לבד.' : 'Just me, I work alone.'),
    renewal: (month, lang) => (lang === 'he' ? `החוזה הנוכחי מתחדש ב${month}.` : `Our current contract renews in ${month}.`),
    product: { he: ['מערכת ה-CRM'], en: ['CRM'] },
    reasons: {
      angry_customer: { he: ['חייבו אותנו פעמיים על המנוי החודש, ואף אחד לא חזר אליי למרות שכתבתי שלוש פעמים.'], en: ['You billed us twice for the subscription this month, and nobody got back to me although I wrote three times.'] },
      confused_customer: { he: ['קיבלתי מייל שהתוכנית שלנו משתנה, ואני לא [מבין|מבינה] מה זה אומר בשבילנו.'], en: ['I got an email saying our plan is changing, and I do not understand what it means for us.'] },
      cancellation_retention: { he: ['אנחנו רוצים לבטל את המנוי. המחיר עלה, ו{rival} הציעו לנו פחות.'], en: ['We want to cancel the subscription. The price went up, and {rival} offered us less.'] },
    },
  },
  solar: {
    providers: { he: ['חברת החשמל'], en: ['Israel Electric'] },
    payRange: (t) => (t.occupation === 'business' ? [6000, 9000] : [1400, 2600]),
    pay: (_t, n, lang) => (lang === 'he' ? `חשבון החשמל שלי בערך ${n.toLocaleString('en-US')} שקל לחודשיים.` : `My electricity bill is about ${n.toLocaleString('en-US')} every two months.`),
    provider: (name, _t, lang) => (lang === 'he' ? `את החשמל אנחנו מקבלים מ${name}, אין לנו עדיין מערכת סולארית.` : `We get our power from ${name}, no solar system yet.`),
    product: { he: ['המערכת הסולארית לגג'], en: ['rooftop solar system'] },
    reasons: {
      confused_customer: { he: ['קיבלתי מכתב על שינוי בתעריף ההזנה לרשת, ואני לא [מבין|מבינה] מה זה אומר.'], en: ['I got a letter about a change in the feed-in tariff, and I do not understand what it means.'] },
    },
  },
  real_estate: {
    providers: { he: ['יד2', 'מתווך מהשכונה'], en: ['Yad2 listings', 'a local agent'] },
    payRange: (t) => (t.homeowner ? [4200, 6800] : [5200, 7400]),
    pay: (t, n, lang) => (t.homeowner ? (lang === 'he' ? `משכנתא של בערך ${n.toLocaleString('en-US')} שקל בחודש.` : `A mortgage of about ${n.toLocaleString('en-US')} a month.`) : lang === 'he' ? `שכירות של בערך ${n.toLocaleString('en-US')} שקל בחודש.` : `About ${n.toLocaleString('en-US')} a month in rent.`),
    provider: (name, _t, lang) => (lang === 'he' ? `עד עכשיו חיפשנו לבד, בעיקר ב${name}.` : `So far we have looked on our own, mostly through ${name}.`),
    household: (t, lang, partner) => (t.kids === 'young' ? (lang === 'he' ? `אני, ${partner} ושני ילדים, אז צריך ארבעה חדרים.` : `Me, ${partner} and two kids, so we need four rooms.`) : t.partner ? (lang === 'he' ? `אני ו${partner}, ותינוק בדרך — שלושה חדרים לפחות.` : `Me and ${partner}, and a baby on the way — three rooms at least.`) : undefined),
    product: { he: ['שירות הליווי לקונים'], en: ['buyer service'] },
    budget: (t, lang, rng) => { const m = (t.homeowner ? [2.6, 3.2, 3.8] : [1.9, 2.3, 2.7])[rng.int(0, 2)]; return lang === 'he' ? `בערך ${m} מיליון שקל, כולל המשכנתא.` : `About ${m} million shekels, mortgage included.`; },
    reasons: {},
  },
};

/** Words that ask about a slot in any industry beyond the insurance wording of dialogue.ts (he/en). */
export const INDUSTRY_SLOT_WORDS: Partial<Record<Slot, Record<Language, RegExp>>> = {
  provider: {
    en: /\b(which|what) (carrier|network|operator|internet (company|provider)|system|tool|software|crm|platform)|who (are|is) (you|your internet|your mobile) with|what are you using|what do you use|using (today|now|to (track|manage))|who do you get .{0,20} from|who supplies/i,
    he: /(איזה|איזו|באיזו|באיזה) (ספק|חברה|מערכת|תוכנה|כלי|מפעיל)|עם מי (אתם|אתה|את)|אצל מי (אתם|אתה|את)|במה (אתם|אתה|את) (משתמש|משתמשת|משתמשים|עובד|עובדת|עובדים)|עם מה (אתם|אתה|את) עובד|מי הספק/,
  },
  pay: {
    en: /\b(electricity|phone|internet|monthly|mobile) bill|your bill|how much (is|are) (your|the)|how much (you|do you) (pay|spend)|how much .{0,20}(rent|mortgage)|per (month|user|seat)|comes? to (a|per) month/i,
    he: /חשבון (ה)?(חשמל|טלפון|סלולר|אינטרנט)|כמה (יוצא|עולה) (לכם|לך)|כמה .{0,20}(שכר דירה|שכירות|משכנתא)|כמה (אתם|אתה|את) (משלמים|משלם|משלמת)|כמה זה (יוצא|עולה)/,
  },
  household: {
    en: /how many (people|users|lines|rooms|employees|of you|kids)|who (lives|is) (at home|with you)|size of (the|your) (team|family)|your team\b/i,
    he: /כמה (אנשים|קווים|חדרים|עובדים|משתמשים|ילדים|נפשות)|כמה אתם|מי גר|גודל (הצוות|המשפחה)/,
  },
  renewal: {
    en: /contract (end|renew|expire)|commitment (end|period)|when does your (contract|commitment|plan)|locked in|notice period/i,
    he: /מתי (נגמרת|מסתיימת|נגמר|מסתיים) (ה)?(התחייבות|חוזה|מנוי)|תקופת (ה)?התחייבות|החוזה (מתחדש|נגמר)/,
  },
  situation: {
    en: /rent or (own|buy)|renting or|do you own|where do you live (now|today)|what (do you have|are you using) today|set up today/i,
    he: /בשכירות|בבעלות|דירה שלכם|דירה משלכם|איפה (אתם|אתה|את) (גרים|גר|גרה) היום|מה יש לכם היום/,
  },
  policyNumber: { en: /customer (number|id)|account (number|id)|order number/i, he: /מספר (ה)?(לקוח|מנוי|חשבון|הזמנה)/ },
  whenNoticed: { en: /when did (it|the (charge|letter|email|message)) (come|arrive)|when did you get (it|the)/i, he: /מתי (זה )?(הגיע|הגיעה|קיבלת)/ },
};

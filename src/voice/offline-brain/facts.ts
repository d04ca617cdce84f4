/**
 * The customer's facts as answers to slot questions, built once per call from the persona so they agree with each
 * other (a parent of three covers the family; a retiree's children are grown; whoever offered a cheaper price is
 * not also the insurer they are happy with), and lines of the persona that would contradict them are dropped.
 */
import { clashesWith, createRng, genderize, hashString, traitsFrom, type Gender, type OfflineBrainParams, type PersonaTraits, type Rng } from '../../personas/index.ts';
import type { Slot } from './dialogue.ts';
import { INDUSTRY_FACTS } from './industry-facts.ts';

export interface FactSheet {
  answers: Partial<Record<Slot, string>>;
  /** The insurer/provider the customer is with now (null: not an insurance customer / unknown). */
  provider: string | null;
  /** What they pay a month, as a number (null when not known). */
  monthly: number | null;
}

export const HE_INSURERS = ['הראל', 'מגדל', 'כלל ביטוח', 'מנורה מבטחים', 'איילון'];
export const EN_INSURERS = ['Harel', 'Migdal', 'Clal', 'Menora', 'Ayalon'];
/** Names a summary may get wrong (insurers, carriers, tools): any of them other than the customer's is corrected. */
export const KNOWN_PROVIDERS = {
  he: [...HE_INSURERS, 'הפניקס', 'ביטוח ישיר', 'כלל', 'מנורה', ...INDUSTRY_FACTS.telecom.providers.he, 'גולן', 'מאנדיי', 'האבספוט', 'סיילספורס', 'אקסל'],
  en: [...EN_INSURERS, 'Phoenix', 'Direct Insurance', ...INDUSTRY_FACTS.telecom.providers.en, 'Golan', 'monday.com', 'Monday', 'HubSpot', 'Salesforce', 'spreadsheets'],
};

/** The persona's traits, read from its words when the parameters were stored before traits were kept. */
export function traitsOf(p: OfflineBrainParams): PersonaTraits {
  if (p.traits) return p.traits;
  const intro = p.facts[4]?.lines[0] ?? '';
  const retired = /פנסיונר|גמלאי|retiree|retired|pensioner/i.test(intro);
  const b2b = /\bHR\b|family business|משאבי אנוש|חברה משפחתית/i.test(intro);
  return traitsFrom(intro, '', retired ? 70 : 40, b2b ? 'B2B' : 'B2C');
}
const HE_CITIES = ['רמת גן', 'חולון', 'פתח תקווה', 'ראשון לציון', 'חיפה', 'מודיעין', 'נתניה'];
const EN_CITIES = ['Ramat Gan', 'Holon', 'Petah Tikva', 'Haifa', 'Modiin', 'Netanya'];
const HE_MONTHS = ['ינואר', 'מרץ', 'מאי', 'יולי', 'ספטמבר', 'נובמבר'];
const EN_MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];

/** Lines saying the customer is insured with / happy with a company (against "they offered me cheaper"). */
const WITH_COMPETITOR = { he: /כבר מבוטח\S* ב|ומרוצה/, en: /already (insured )?with|and I'm happy|and I am happy/i };

export function buildFacts(p: OfflineBrainParams, rng: Rng): FactSheet {
  const he = p.language === 'he';
  const g = (t: string) => genderize(t, p.gender);
  const all = JSON.stringify([p.facts, p.hiddenNeeds, p.objections.map((o) => o.lines), p.close.nextStep]);
  const insurance = p.packId ? p.packId === 'insurance' : /ביטוח|פוליס|insur|polic/i.test(all);
  const intro = p.facts[4]?.lines[0] ?? '';
  const decision = p.facts[3]?.lines[0] ?? '';
  const competitor = /(?:offer from|הצעה מ)(.+?)\.?$/.exec(p.facts[5]?.lines[0] ?? '')?.[1]?.trim() ?? null;
  const situationLine = p.facts[0]?.lines[0] ?? '';
  const base = traitsOf(p);
  // The home they speak of is the home they have ("I own a flat and want to upgrade" is not a renter).
  const traits: PersonaTraits = { ...base, homeowner: (/I own|own a|יש לי דירה|בבעלות|homeowner/i.test(situationLine) ? true : /\brent(ing)?\b|שכירות/i.test(situationLine) ? false : base.homeowner) };
  const retiree = traits.occupation === 'retired';
  const b2b = traits.occupation === 'business';
  // Children the customer speaks of anywhere (a need, an objection, a detail) are children they have.
  const kidsSaid = /\bkids\b|children|ילדים|הילדים/.test(JSON.stringify([p.plantedDetails.map((d) => d.text), p.hiddenNeeds.map((n) => n.revealLines), p.objections.map((o) => [o.lines, o.pushbacks]), p.phrases.buyingSignals ?? []]));
  const kids = traits.kids === 'young' || (traits.kids === 'unknown' && (/parent of (\w+)|הורה ל(\S+)/.test(intro) || kidsSaid));
  // An objection "I need to ask my wife" means the customer lives with a partner and does not decide alone.
  const partnerObjection = p.objections.some((o) => o.kind === 'authority' && /wife|husband|partner|spouse|at home|אשתי|בעלי|בן הזוג|בת הזוג|בבית|השותף/.test([...o.lines, ...o.pushbacks].join(' ')));
  const sharedDecision = p.objections.some((o) => o.kind === 'authority') || p.stakeholders.length > 0;
  const spouse = !b2b && traits.occupation !== 'student' && (traits.partner || partnerObjection || /spouse|wife|husband|partner|זוג|אשתי|בעלי/.test(decision) || p.stakeholders.some((s) => /spouse|זוג/.test(s.role)) || kids);
  const industry = p.packId && p.packId !== 'insurance' ? INDUSTRY_FACTS[p.packId] : undefined;
  const mother = p.plantedDetails.some((d) => /mother|אמא/.test(d.text));
  const partner = he ? (p.gender === 'male' ? 'אשתי' : 'בעלי') : p.gender === 'male' ? 'my wife' : 'my husband';

  const providerPool = (he ? HE_INSURERS : EN_INSURERS).filter((x) => !competitor || !competitor.includes(x));
  const provider = insurance ? rng.pick(providerPool) : null;
  const monthly = insurance ? rng.pick(b2b ? [5200, 6800, 8400] : retiree ? [380, 460, 540] : kids ? [620, 740, 860] : [290, 350, 420]) : null;
  const month = rng.pick(he ? HE_MONTHS : EN_MONTHS);
  const city = rng.pick(he ? HE_CITIES : EN_CITIES);
  const claimed = p.plantedDetails.some((d) => /burned|נכווית/.test(d.text)) || p.hiddenNeeds.some((n) => n.topics.some((t) => /claim|תביע/.test(t)));

  const a: Partial<Record<Slot, string>> = {};
  a.identity = he ? g(`כן, [מדבר|מדברת]. ${p.customerName}.`) : `Yes, speaking. ${p.customerName}.`;
  a.name = he ? `${p.customerName}.` : `It's ${p.customerName}.`;
  a.work = intro;
  a.situation = p.facts[0]?.lines[0];
  a.budget = p.facts[1]?.lines[0];
  const alone = /I decide on my own|לבד/.test(decision);
  a.decision = decision && (/not only me|לא רק אני/.test(decision) || (alone && sharedDecision))
    ? (spouse && !b2b ? (he ? `לא רק אני, אני [מחליט|מחליטה] ביחד עם ${partner}.` : `Not only me, I decide together with ${partner}.`) : alone ? (he ? 'לא רק אני, יש עוד מי שצריך לאשר.' : 'Not only me, someone else has to approve it.') : decision)
    : decision;
  a.decision = a.decision ? g(a.decision) : undefined;
  const digits = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  const policy = `${digits(4)}-${digits(4)}`;
  a.policyNumber = he ? `רגע, אני [מחפש|מחפשת]... ${policy}.` : `Hold on, let me find it... ${policy}.`;
  a.policyNumber = g(a.policyNumber);
  a.idNumber = he ? `${digits(9)}.` : `It's ${digits(9)}.`;
  a.contact = he ? 'המספר שאני מדבר[|ת] ממנו, והמייל שלי אצלכם בתיק.' : 'This number is fine, and my email is on file with you.';
  a.contact = g(a.contact);
  a.location = he ? `מ${city}.` : `From ${city}.`;
  let monthlyOut = monthly;
  let providerOut = provider;
  if (industry) {
    const pool = industry.providers[p.language].filter((x) => !competitor || !competitor.includes(x));
    providerOut = rng.pick(pool.length > 0 ? pool : industry.providers[p.language]);
    a.provider = g(industry.provider(providerOut, traits, p.language));
    const [lo, hi] = industry.payRange(traits);
    monthlyOut = Math.round(rng.int(lo, hi) / 10) * 10;
    // A situation that already states a bill or a rent is the answer to "what do you pay".
    const stated = /\d[\d,]{2,}/.test(a.situation ?? '') && /bill|rent|pay|month|חשבון|שכירות|משלמ|בחודש|לחודשיים/.test(a.situation ?? '');
    a.pay = stated ? `${a.situation}.`.replace(/\.\.$/, '.') : g(industry.pay(traits, monthlyOut, p.language));
    if (stated) monthlyOut = Number(/\d[\d,]{2,}/.exec(a.situation ?? '')![0].replace(/,/g, ''));
    const renewal = industry.renewal?.(month, p.language);
    if (renewal) a.renewal = g(renewal);
    a.product = industry.product[p.language][0];
    const budget = industry.budget?.(traits, p.language, rng);
    if (budget) a.budget = budget;
  }
  if (insurance) {
    const viaWork = traits.occupation !== 'retired' && traits.occupation !== 'self_employed' && traits.occupation !== 'student' && JSON.stringify([p.objections.map((o) => o.lines), p.hiddenNeeds.map((n) => n.revealLines)]).match(/דרך העבודה|through work/);
    a.provider = viaWork && !b2b
      ? (he ? `יש לי ביטוח דרך העבודה, ופוליסה פרטית ב${provider}.` : `I have cover through work, and a private policy with ${provider}.`)
      : b2b ? (he ? `פוליסת הקבוצה שלנו ב${provider}.` : `Our group policy is with ${provider}.`) : he ? g(`אני [מבוטח|מבוטחת] ב${provider}.`) : `I'm with ${provider}.`;
    a.pay = he ? `בערך ${monthly!.toLocaleString('en-US')} שקל בחודש${b2b ? ' על כל העובדים' : ' על הכל'}.` : `About ${monthly!.toLocaleString('en-US')} shekels a month${b2b ? ' for all the staff' : ' all together'}.`;
    a.renewal = he ? `הפוליסה מתחדשת ב${month}.` : `It renews in ${month}.`;
    a.claims = claimed
      ? (he ? 'כן, פעם אחת, וזה היה סיוט. חודשים רדפתי אחריהם.' : 'Yes, once, and it was a nightmare. I chased them for months.')
      : (he ? 'לא, אף פעם לא הייתי צריך[|ה], תודה לאל.' : 'No, never had to, thankfully.');
    a.claims = g(a.claims);
  }
  const industryHousehold = industry?.household?.(traits, p.language, partner, rng);
  a.household = industryHousehold ? g(industryHousehold) : b2b
    ? (he ? 'אצלנו בחברה כשלושים עובדים.' : 'We have about thirty employees.')
    : retiree
      ? (he ? `אני ו${partner}. הילדים כבר גדולים ועם משפחות משלהם.` : `Me and ${partner}. The kids are grown up with families of their own.`)
      : kids
        ? (he ? `אני, ${partner} ושלושה ילדים${mother ? ', ואמא שלי גרה איתנו' : ''}.` : `Me, ${partner} and our three kids${mother ? ', and my mother lives with us' : ''}.`)
        : spouse
          ? (he ? `אני ו${partner}${mother ? ', ואמא שלי גרה איתנו' : ''}.` : `Me and ${partner}${mother ? ', and my mother lives with us' : ''}.`)
          : mother ? (he ? 'אני ואמא שלי, היא גרה איתי.' : 'Me and my mother, she lives with me.') : traits.kids === 'grown' ? (he ? 'רק אני בבית, הילדים כבר גדולים.' : 'Just me at home, the kids are grown up.') : (he ? 'אני גר[|ה] לבד.' : 'I live on my own.');
  a.household = a.household ? g(a.household) : undefined;
  a.drivers = b2b || !insurance ? undefined : spouse ? (he ? `אני ו${partner}.` : `Me and ${partner}.`) : he ? g('רק אני [נוהג|נוהגת].') : 'Only me, I drive.';
  a.reason = reasonFor(p, competitor, industry);
  if (competitor) a.rival = he ? `${competitor}. הם הציעו לי פחות.` : `${competitor}. They offered me less.`;
  if (insurance) a.product = he ? `${productOf(p)}, בעיקר בשבילי.` : `${productOf(p).replace(/^./, (c) => c.toUpperCase())}, mainly for me.`;
  const years = Number(/(\d+|six|שש) (years|שנים)/.exec(a.situation ?? '')?.[1]?.replace(/six|שש/, '6') ?? rng.int(3, 9));
  a.tenure = he ? `כבר ${years} שנים בערך.` : `About ${years} years now.`;
  a.car = b2b || !insurance ? undefined : he ? rng.pick(['מאזדה 3, משנת 2019.', 'טויוטה קורולה, משנת 2020.', 'יונדאי i30, משנת 2018.']) : rng.pick(['A 2019 Mazda 3.', 'A 2020 Toyota Corolla.', 'A 2018 Hyundai i30.']);
  a.whenNoticed = he ? 'בשבוע שעבר, כשהגיע הפירוט החודשי.' : 'Last week, when the monthly statement came.';
  return { answers: a, provider: providerOut, monthly: monthlyOut };
}

/** Why an inbound customer called, in their words (agrees with the opening line and the persona's facts). */
/** The product a customer asks about: from their own technical question when it names one. */
export function productOf(p: OfflineBrainParams): string {
  const he = p.language === 'he';
  const industry = p.packId && p.packId !== 'insurance' ? INDUSTRY_FACTS[p.packId] : undefined;
  if (industry) return industry.product[p.language][0];
  const q = p.technicalQuestions[0]?.text ?? '';
  const m = he ? /(ביטוח \S+)/.exec(q) : /\b(\w+ insurance)\b/i.exec(q);
  return m?.[1] ?? (he ? 'ביטוח בריאות' : 'health insurance');
}

function reasonFor(p: OfflineBrainParams, competitor: string | null, industry?: (typeof INDUSTRY_FACTS)[string]): string | undefined {
  if (p.direction !== 'inbound') return undefined;
  const he = p.language === 'he';
  const g = (t: string) => genderize(t, p.gender);
  const own = industry?.reasons[p.scenarioType as 'angry_customer'];
  if (own) return g(own[p.language][0].replace('{rival}', competitor ?? (he ? 'אחרים' : 'others')));
  switch (p.scenarioType) {
    case 'cancellation_retention':
      return competitor
        ? g(he ? `אני רוצה לבטל. הפרמיה עלתה שוב, ו${competitor} הציעו לי מחיר יותר זול.` : `I want to cancel. My premium went up again, and ${competitor} offered me a cheaper price.`)
        : g(he ? 'אני רוצה לבטל. הפרמיה עולה כל שנה ונמאס לי.' : 'I want to cancel. The premium goes up every year and I have had enough.');
    case 'angry_customer':
      return g(he ? 'חייבו אותי פעמיים החודש, ואף אחד לא חזר אליי למרות שהתקשרתי כבר שלוש פעמים.' : 'You charged me twice this month, and nobody called me back although I have called three times.');
    case 'confused_customer':
      return g(he ? 'קיבלתי מכתב שהפרמיה שלי השתנתה, ואני לא [מבין|מבינה] למה ומה זה אומר.' : 'I got a letter saying my premium changed, and I do not understand why or what it means.');
    case 'product_knowledge':
      return g(he ? `אני [שוקל|שוקלת] את ${industry ? productOf(p) : productOf(p).replace(/^ביטוח /, 'ביטוח ה')} שלכם ויש לי כמה שאלות לפני שאני [מחליט|מחליטה].` : `I am looking at your ${productOf(p)} and I have a few questions before I decide.`);
    default:
      return p.opening.firstLine;
  }
}

/** Drops persona lines that would contradict the fact sheet ("happy with X" when X offered a cheaper price). */
export function consistentParams(p: OfflineBrainParams, retireeCheck = true): OfflineBrainParams {
  const he = p.language === 'he';
  const q = structuredClone(p);
  const offered = q.objections.some((o) => o.kind === 'competitor' && !WITH_COMPETITOR[p.language].test(o.lines[0]));
  const intro = p.facts[4]?.lines[0] ?? '';
  const retiree = retireeCheck && /פנסיונר|retiree|retired/i.test(intro);
  const traits = traitsOf(p);
  const bad = (l: string) =>
    !!clashesWith(genderize(l, 'male'), traits) ||
    (offered && WITH_COMPETITOR[p.language].test(l)) ||
    (retiree && /דרך העבודה|יום עבודה|through work|work day|at work|בעבודה|small kids|ילדים קטנים|משמרות|shifts/i.test(l)) ||
    (p.direction === 'inbound' && COLD_CALL[p.language].test(l));
  const b2b = /\bHR\b|family business|משאבי אנוש|חברה משפחתית/i.test(intro);
  const inbound = p.direction === 'inbound';
  const partnerLine = (l: string) => b2b && /wife|husband|אשתי|בעלי/.test(l);
  for (const o of q.objections) {
    const fits = (l: string) => !bad(l) && !partnerLine(l) && !(inbound && SOLICITED[p.language].test(l));
    const keep = o.lines.filter(fits);
    o.lines = keep.length > 0 ? keep : [...(inbound ? INBOUND_CONCERN[p.language][o.kind] : []), ...(b2b && o.kind === 'authority' ? q.phrases.decisionMakers ?? [] : [])].slice(0, 2);
    if (o.lines.length === 0) o.lines = [he ? 'אני עדיין לא משוכנע.' : 'I am still not convinced.'];
    const pb = o.pushbacks.filter(fits);
    o.pushbacks = pb.length > 0 ? pb : o.pushbacks.filter((l) => !partnerLine(l));
    // Someone who phoned in about their own matter raises sales concerns only once something is being sold to them.
    if (inbound && p.scenarioType !== 'cancellation_retention' && o.kind !== 'price' && (o.trigger === 'early' || o.trigger === 'opening')) o.trigger = 'after_pitch';
  }
  q.plantedDetails = q.plantedDetails.filter((d) => !bad(d.text));
  for (const k of Object.keys(q.phrases)) {
    const keep = q.phrases[k].filter((l) => !bad(l));
    if (keep.length > 0 || p.direction === 'inbound') q.phrases[k] = keep;
  }
  return q;
}

/** Concerns of someone who was called, not of someone who called ("call me back in two months"). */
const SOLICITED = {
  he: /אין לי זמן לזה|תחזור אליי|באמצע יום עבודה|אחרי החגים|רק רוצים למכור לי|יש לי את כל מה שצריך|לא [פנוי|פנויה]|לא פנוי|לא פנויה|מתחדשת רק בעוד/,
  en: /no time for this|call me back|middle of a work day|after the holidays|just wants to sell me|I have everything I need|I am not free|only renews in/i,
};

/** What a caller's concerns sound like, by kind (said by someone who phoned in). */
const INBOUND_CONCERN: Record<'he' | 'en', Record<OfflineBrainParams['objections'][number]['kind'], string[]>> = {
  he: {
    price: ['אני לא מוכן לשלם יותר ממה שאני משלם היום.'],
    timing: ['אין לי הרבה זמן, אני רוצה שזה ייסגר היום.'],
    trust: ['כבר הבטיחו לי פעם שיטפלו בזה ושום דבר לא קרה.'],
    competitor: ['אצל אחרים זה יוצא לי זול יותר.'],
    authority: ['אני לא מחליט על שינויים בלי לדבר בבית.'],
    no_need: ['אני לא צריך שום דבר חדש, רק שזה יסתדר.'],
  },
  en: {
    price: ['I am not paying more than I pay today.'],
    timing: ['I do not have long, I want this sorted today.'],
    trust: ['Someone already promised to fix this once and nothing happened.'],
    competitor: ['Others would charge me less for this.'],
    authority: ['I do not change anything without talking it over at home.'],
    no_need: ['I do not need anything new, I just want this sorted.'],
  },
};

/** Lines that only make sense on a cold call (never said by someone who phoned in). */
export const COLD_CALL = {
  he: /מאיפה (השגתם|יש לכם|השגת)|מי זה\?|לא השארתי פרטים|עוד שיחת מכירה|אני נוהג|אני נוהגת|תהיה קצר|מה רצית|דקה בשבילך|דקות בשבילך/,
  en: /where did you (even )?get my number|who is this|did not leave my details|another sales call|I am driving|make it quick|what did you want|minutes? for you/i,
};

export type { Gender };

/** The fact sheet a brain for these parameters answers from (the same seed stream as OfflineCustomerBrain). */
export function factSheetFor(params: OfflineBrainParams): FactSheet {
  const p = consistentParams(params);
  return buildFacts(p, createRng((p.seed ^ hashString('offline-brain:facts')) >>> 0));
}

/** The facts the persona card shows: exactly the words the customer answers with (work, situation, home, provider). */
export function cardFacts(params: OfflineBrainParams): string[] {
  const a = factSheetFor(params).answers;
  return [a.work, a.situation, a.household, a.provider].filter((x): x is string => !!x && x.trim().length > 0).map((x) => x.trim().replace(/([^.?!])$/, '$1.'));
}

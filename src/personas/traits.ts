/**
 * The facts of a customer's life that every line they say must agree with: how they earn a living, whether there
 * are children at home and how old, a partner, their age. Read once from the persona's role, background and age;
 * the generator drops pack lines that contradict them ("insured through work" from someone self-employed, "three
 * small kids" from a retiree) and the offline customer's fact sheet is built from them, so the card and the
 * customer tell one story.
 */
import { z } from 'zod';

export const OCCUPATIONS = ['salaried', 'self_employed', 'retired', 'student', 'business', 'unknown'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

export const personaTraitsSchema = z.object({
  occupation: z.enum(OCCUPATIONS),
  /** Children at home: young (at home, small), grown (adults, their own families), none, or not known. */
  kids: z.enum(['young', 'grown', 'none', 'unknown']),
  /** Lives with a partner (a couple, a parent in a family, a shared decision at home). */
  partner: z.boolean(),
  age: z.number().int(),
  /** Owns the home they live in (null: not known). */
  homeowner: z.boolean().nullable(),
});
export type PersonaTraits = z.infer<typeof personaTraitsSchema>;

/** Traits from the persona's English role (pack templates are bilingual), its background and age. */
export function traitsFrom(roleEn: string, background: string, age: number, audience: 'B2B' | 'B2C'): PersonaTraits {
  const role = roleEn.toLowerCase();
  const text = `${role} ${background}`.toLowerCase();
  const occupation: Occupation =
    audience === 'B2B' ? 'business'
      : /retire|pensioner|גמלאי|פנסיונר/.test(text) || age >= 67 ? 'retired'
        : /student|סטודנט/.test(text) ? 'student'
          : /self-employed|freelanc|independent|business owner|owner of|contractor|runs a|has run|עצמאי|פרילנס|בעל[ת]? עסק/.test(text) ? 'self_employed'
            : /salaried|employee|works at|works in|working parent|works shifts|שכיר|עובד/.test(text) ? 'salaried'
              : 'unknown';
  const parent = /parent|family of|kids|children|ילדים|הורה/.test(text);
  const kids: PersonaTraits['kids'] = occupation === 'retired' || (parent && age >= 58) ? 'grown' : parent ? 'young' : occupation === 'student' ? 'none' : 'unknown';
  const partner = /couple|family|parent|spouse|partner|married|זוג|משפחה|הורה/.test(text) && occupation !== 'student';
  const homeowner = /homeowner|\bowns\b|own home|בעל[ת]? (דירה|בית)|\bhouse\b|בית פרטי/.test(text) ? true : /\brent(ing|s)?\b|first home|שכירות|דירה ראשונה|shares a flat|שותפים/.test(text) ? false : null;
  return { occupation, kids, partner, age, homeowner };
}

/** What a line says about the speaker's life, when it says something. */
const SAYS = {
  employerCover: /through (work|my employer|the employer)|work policy|employer cover|דרך (העבודה|המעסיק|מקום העבודה)|ביטוח (של|מה)עבודה|תלוש/i,
  shifts: /\bshifts?\b|משמרות/i,
  boss: /my boss|the boss|הבוס/i,
  workDay: /work ?day|at work|in the office|יום עבודה|בעבודה|במשרד/i,
  smallKids: /small kids|little ones|young kids|three kids|kids at home|ילדים קטנים|שלושה ילדים|הילדים הקטנים|הגן|kindergarten/i,
  anyKids: /\bkids\b|children|my son|my daughter|ילדים|הילד|הבן שלי|הבת שלי/i,
  young: /\byoung\b|צעיר/i,
  parents: /my parents|my father|my mother|ההורים|אבא שלי|אמא שלי/i,
  mortgage: /mortgage|משכנתא/i,
  landlord: /\blandlord|\brent(ing)?\b|שכירות|בעל הבית/i,
  owns: /\bI own\b|own a (flat|home|house)|יש לי דירה|בבעלותי|הדירה שלי/i,
  spouse: /my (wife|husband|spouse)|אשתי|בעלי(?!ם)|בן הזוג|בת הזוג/i,
};

/** True when the line cannot be said by someone with these traits. */
export function clashesWith(line: string, t: PersonaTraits): string | null {
  // "no employer cover", "אין ביטוח דרך מעסיק" says the opposite of having one.
  const denied = line.replace(/\b(no|without|never had)\s+(an?\s+)?(employer|work)\s+(cover|policy|insurance)|(אין|בלי|ואין)\s+(תלוש|ביטוח דרך (מעסיק|העבודה))/gi, '');
  const says = (k: keyof typeof SAYS) => SAYS[k].test(denied);
  if (t.occupation === 'self_employed' && (says('employerCover') || says('boss') || says('shifts'))) return 'self-employed but speaks of an employer or shifts';
  if (t.occupation === 'retired' && (says('employerCover') || says('shifts') || says('workDay') || says('boss'))) return 'retired but speaks of work';
  if ((t.occupation === 'retired' || t.kids === 'grown') && says('smallKids')) return 'grown-up children but speaks of small kids';
  if (t.occupation === 'student' && (says('anyKids') || says('mortgage') || says('employerCover') || says('spouse'))) return 'a student with kids, a spouse, a mortgage or employer cover';
  if (t.kids === 'none' && says('anyKids')) return 'no children but speaks of kids';
  if (t.occupation === 'business' && (says('smallKids') || says('shifts'))) return 'a business buyer speaking of their household';
  if (t.age >= 40 && says('young') && !/young (driver|drivers|people)|young couple/i.test(line)) return 'not young but says so';
  if (t.age >= 60 && says('parents') && !/my mother has lived|אמא שלי גרה/.test(line)) return 'over sixty and speaks of parents';
  if (t.age >= 75 && says('parents')) return 'too old to have a parent at home';
  if (t.homeowner === true && says('landlord')) return 'a homeowner who rents';
  if (t.homeowner === false && says('owns')) return 'a renter who owns a home';
  return null;
}

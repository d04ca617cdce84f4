/**
 * The server speaks English in error messages; the interface is Hebrew first. These are Hebrew renderings of
 * the server's known sentences (src/org, src/auth, src/http/routes, zod's defaults). An unknown sentence
 * is returned unchanged — better an English sentence than a wrong Hebrew one.
 */
type Rule = [RegExp, string | ((m: RegExpMatchArray) => string)];

const ORDER_STATUS: Record<string, string> = { paid: 'שולמה', cancelled: 'בוטלה', pending: 'ממתינה לתשלום' };

const HEBREW: Rule[] = [
  [/^The report for this call is being prepared; it will be ready in a few seconds\.?$/, 'הדוח של השיחה בהכנה; הוא יהיה מוכן בעוד כמה שניות.'],
  // conflicts and business rules
  [/^A user with the email (.+) already exists\.?$/, (m) => `משתמש עם האימייל ${m[1]} כבר קיים.`],
  [/^A team named "(.+)" already exists\.?$/, (m) => `צוות בשם "${m[1]}" כבר קיים.`],
  [/^The code (.+) already exists\.?$/, (m) => `הקוד ${m[1]} כבר קיים.`],
  [/^Discount code "(.+)" does not exist\.?$/, (m) => `קוד ההנחה "${m[1]}" לא קיים.`],
  [/^unknown code$/, 'קוד לא מוכר'],
  [/^This discount code is no longer active\.?$/, 'קוד ההנחה כבר לא פעיל.'],
  [/^This discount code is valid from (\S+?)\.?$/, (m) => `קוד ההנחה בתוקף החל מ־${m[1]}.`],
  [/^This discount code expired on (\S+?)\.?$/, (m) => `תוקף קוד ההנחה פג ב־${m[1]}.`],
  [/^This discount code has been used up\.?$/, 'קוד ההנחה מוצה.'],
  [/^This discount code has just been used up\..*$/, 'קוד ההנחה מוצה זה עתה. נסו שוב בלי קוד.'],
  [/^You cannot deactivate yourself\.?$/, 'אי אפשר להשבית את עצמך.'],
  [/^No seat is free to reactivate this user\..*$/, 'אין מושב פנוי להפעלת המשתמש מחדש. רכשו חבילת מושבים או השביתו משתמש אחר.'],
  [/^Managers can change agents only\.?$/, 'מנהלים יכולים לשנות נציגים בלבד.'],
  [/^The order is already (\w+)\.?$/, (m) => `ההזמנה כבר ${ORDER_STATUS[m[1]] ?? m[1]}.`],
  [/^Only a pending order can be cancelled\.?$/, 'אפשר לבטל רק הזמנה שממתינה לתשלום.'],
  [/^The team does not belong to this company\.?$/, 'הצוות לא שייך לחברה הזו.'],
  [/^The current password is incorrect\.?$/, 'הסיסמה הנוכחית שגויה.'],
  [/^The email or password is incorrect\.?$/, 'האימייל או הסיסמה שגויים.'],
  [/^Too many failed sign-in attempts\. Try again in (\d+) minute/, (m) => `יותר מדי ניסיונות כושלים. נסו שוב בעוד ${m[1]} דקות או בקשו מאדמין לאפס את הסיסמה.`],
  [/^(Company|User|Team|Order|Seat package|Discount code) was not found\.?$/, 'הפריט לא נמצא.'],
  // security (issue 15)
  [/^Too many failed sign-ins from this network\. Try again in (\d+) minute/, (m) => `יותר מדי ניסיונות כניסה כושלים מהרשת הזו. נסו שוב בעוד ${m[1]} דקות.`],
  [/^You can change only users whose role is below yours/, 'אפשר לשנות רק משתמשים שתפקידם נמוך משלך; פנו לסופר־אדמין.'],
  [/^This is the last active super admin/, 'זהו הסופר־אדמין הפעיל האחרון; הוסיפו סופר־אדמין נוסף לפני שמשביתים אותו.'],
  [/^Test payments are turned off on this server\./, 'תשלומי בדיקה כבויים בשרת הזה. צוות הפלטפורמה יסמן את ההזמנה כשולמה כשהתשלום יתקבל.'],
  [/^This request came from another site/, 'הבקשה הגיעה מאתר אחר ונחסמה כדי להגן על החשבון. פתחו את SalesGym בכתובת שלו ונסו שוב.'],
  [/^The practice privacy window can be lengthened here but not shortened \(now (\d+) hours\)/, (m) => `אפשר להאריך את חלון הפרטיות של התרגולים אבל לא לקצר אותו (כרגע ${m[1]} שעות): הנציגים התאמנו בהסתמך עליו. לקיצור פנו לצוות הפלטפורמה.`],
  [/^No finished practice session of this scenario yet/, 'עדיין אין תרגול שהסתיים של התרחיש הזה: תרגלו אותו כדי להשלים את המשימה.'],
  [/^No passing practice session of this scenario yet/, 'עדיין אין תרגול שעבר של התרחיש הזה: תרגלו אותו (ועברו) כדי להשלים את המשימה.'],
  [/^That practice session does not complete this assignment/, 'התרגול הזה לא משלים את המשימה: הוא צריך להיות תרגול של הנציג עצמו בתרחיש הזה, שהתחיל אחרי שהמשימה ניתנה.'],
  [/^The recording is (.+) long; the longest call accepted is (.+?)\./, (m) => `ההקלטה באורך ${m[1]}; השיחה הארוכה ביותר שמתקבלת היא ${m[2]}. חלקו אותה או בקשו מהמנהל להגדיל את CALL_MAX_MINUTES.`],
  [/contains a control character/, 'הטקסט מכיל תו בקרה (כמו NUL); הסירו אותו ונסו שוב.'],
  // live observation (issue 17)
  [/^Practice is private to the agent for (\d+) hours after it ends in this company, so calls in progress cannot be observed\.?$/, (m) => `בחברה הזו התרגול פרטי לנציג עד ${m[1]} שעות אחרי שהוא מסתיים, ולכן אי אפשר להאזין לשיחות בזמן אמת.`],
  [/^Live observation is off for this company; a manager can turn it on in Settings\.?$/, 'האזנה לשיחות בזמן אמת כבויה בחברה הזו; מנהל יכול להפעיל אותה בהגדרות.'],
  [/^Live observation is off for this company\.?$/, 'האזנה לשיחות בזמן אמת כבויה בחברה הזו.'],
  // many nodes (issue 17): the page reconnects by itself
  [/^This call is running on another server; reconnecting…$/, 'השיחה רצה בשרת אחר; מתחברים מחדש…'],
  [/^This is your own practice call; open it from Practice\.?$/, 'זו שיחת התרגול שלך; פתחו אותה מעמוד התרגול.'],
  // field messages (questionnaire, forms)
  [/^enter a valid email address$/i, 'כתובת אימייל לא תקינה'],
  [/^passwords need at least (\d+) characters$/, (m) => `סיסמה צריכה לפחות ${m[1]} תווים`],
  [/^Give exactly three benefits the customer gets$/, 'יש לכתוב בדיוק שלוש תועלות ללקוח'],
  [/^List at least one product type$/, 'יש לרשום לפחות סוג מוצר אחד'],
  [/^.+ must be a number$/, 'יש להזין מספר'],
  [/^.+ cannot be negative$/, 'המספר לא יכול להיות שלילי'],
  [/^.+ is too large$/, 'המספר גדול מדי'],
  [/^choose an objection kind$/, 'יש לבחור סוג התנגדות'],
  [/^choose a sector from the list$/, 'יש לבחור תחום מהרשימה'],
  [/^choose B2C, B2B or both$/, 'יש לבחור B2C, B2B או שניהם'],
  [/^a percentage is at most 100$/, 'אחוז הנחה הוא לכל היותר 100'],
  [/^must be after validFrom$/, 'חייב להיות אחרי תאריך ההתחלה'],
  [/^letters, digits, - and _ only$/, 'אותיות לועזיות, ספרות, - ו־_ בלבד'],
  [/^.+ is required$/, 'שדה חובה'],
  [/^.+ needs at least (\d+) characters$/, (m) => `נדרשים לפחות ${m[1]} תווים`],
  [/^.+ must be at most (\d+) characters$/, (m) => `לכל היותר ${m[1]} תווים`],
  [/^must be an id$/, 'מזהה לא תקין'],
  // a manager's focus skills for an agent (src/http/routes/scenarios.ts)
  [/^choose at most (\d+) skills$/, (m) => `אפשר לבחור לכל היותר ${m[1]} מיומנויות`],
  [/^choose each skill once$/, 'כל מיומנות אפשר לבחור פעם אחת'],
  // zod's default messages
  [/^Too small: expected number to be >=?(-?\d+)/, (m) => `המספר צריך להיות לפחות ${m[1]}`],
  [/^Too big: expected number to be <=?(-?\d+)/, (m) => `המספר צריך להיות לכל היותר ${m[1]}`],
  [/^Too small: expected string to have >=?(\d+) characters?/, (m) => `נדרשים לפחות ${m[1]} תווים`],
  [/^Too big: expected string to have <=?(\d+) characters?/, (m) => `לכל היותר ${m[1]} תווים`],
  [/^Too big: expected array to have <=?(\d+) items?/, (m) => `לכל היותר ${m[1]} פריטים`],
  [/^Invalid input: expected number/, 'יש להזין מספר'],
  [/^Invalid input: expected (string|nonoptional)/, 'שדה חובה'],
  [/^Invalid option/, 'יש לבחור ערך מהרשימה'],
  [/^Invalid email address/, 'כתובת אימייל לא תקינה'],
];

/** The Hebrew rendering of a known server sentence, or the sentence itself. */
export function localizeServerMessage(message: string, lang: 'he' | 'en'): string {
  if (lang !== 'he') return message;
  for (const [re, out] of HEBREW) {
    const m = message.match(re);
    if (m) return typeof out === 'string' ? out : out(m);
  }
  return message;
}

/** True when the sentence has a Hebrew rendering. */
export const hasHebrewRendering = (message: string) => HEBREW.some(([re]) => re.test(message));

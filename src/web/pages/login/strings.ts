import { defineStrings } from '../../i18n/index.ts';

export const useLoginT = defineStrings('login', {
  he: {
    title: 'כניסה ל־SalesGym',
    subtitle: 'התחברו עם האימייל והסיסמה של הארגון.',
    email: 'אימייל',
    password: 'סיסמה',
    submit: 'כניסה',
    heroTitle: 'אימון מכירות שמרגיש כמו שיחה אמיתית',
    heroText: 'מנתחים את השיחות האמיתיות, מוצאים את נקודות החולשה, ומתרגלים מול לקוח AI שלוחץ בדיוק עליהן — בקול, בעברית.',
    point1: 'ניתוח שיחות עם ציטוטים וחותמות זמן',
    point2: 'לקוח AI מותאם לחברה ולחולשות של הנציג',
    point3: 'תרגול קולי בזמן אמת עם אימון חי',
  },
  en: {
    title: 'Sign in to SalesGym',
    subtitle: "Use your organisation's email and password.",
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    heroTitle: 'Sales practice that feels like a real call',
    heroText: 'Analyse real calls, find the weak spots, and practise against an AI customer who presses exactly on them — by voice.',
    point1: 'Call analysis with quotes and timestamps',
    point2: "An AI customer built from your company and the agent's weak spots",
    point3: 'Real-time voice practice with a live coach',
  },
});

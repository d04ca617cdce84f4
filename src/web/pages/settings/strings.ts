import { defineStrings } from '../../i18n/index.ts';

export const useSettingsT = defineStrings('settings', {
  he: {
    title: 'הגדרות',
    subtitle: 'הגדרות החברה {{company}}',
    privacy: 'חלון פרטיות לתרגול',
    privacyHint:
      'כמה שעות אחרי תרגול התוצאות נשארות פרטיות לנציג לפני שמנהלים רואים אותן. נציגים מתרגלים בחופשיות כשהם יודעים שיש להם זמן לשפר. 0 = מנהלים רואים מיד.',
    hours: 'שעות',
    saved: 'ההגדרות נשמרו.',
    hoursHelp: 'עד 720 שעות (30 יום).',
    engineTitle: 'מנוע הלקוח בשיחות תרגול',
    engineHint: 'השיחות מתחילות במנוע שנבחר; אם הוא נופל באמצע שיחה, השיחה ממשיכה במנוע הבא בסדר: OpenAI Realtime ← זיהוי דיבור + מודל שיחה + הקראה ← מנוע מקומי ללא רשת. נציג יכול לבחור אחרת לשיחה אחת.',
    engine: 'להתחיל ב־',
    engines: { auto: 'הטוב ביותר שמוגדר בשרת', realtime: 'OpenAI Realtime', cascade: 'זיהוי דיבור, מודל שיחה והקראה', offline: 'מנוע מקומי (ללא רשת, ללא עלות)' },
    budget: 'תקציב AI חודשי (דולר)',
    budgetHelp: 'כשהעלות החודשית מגיעה לתקציב, שיחות חדשות לא מתחילות ושיחה פעילה מסתיימת. ריק = ללא תקרה כספית.',
  },
  en: {
    title: 'Settings',
    subtitle: 'Settings of {{company}}',
    privacy: 'Practice privacy window',
    privacyHint:
      'How many hours after a practice session its results stay private to the agent before managers see them. Agents practise more freely when they have time to improve first. 0 = managers see them at once.',
    hours: 'Hours',
    saved: 'Settings saved.',
    hoursHelp: 'Up to 720 hours (30 days).',
    engineTitle: 'The customer engine of practice calls',
    engineHint: 'Calls start on the chosen engine; if it fails mid-call, the call goes on in the next one: OpenAI Realtime → speech-to-text + chat model + speech → the offline engine. An agent may choose otherwise for one call.',
    engine: 'Start with',
    engines: { auto: 'The best the server has configured', realtime: 'OpenAI Realtime', cascade: 'Speech-to-text, chat model and speech', offline: 'Offline engine (no network, no cost)' },
    budget: 'Monthly AI budget (USD)',
    budgetHelp: 'When this month’s cost reaches the budget, new calls do not start and a live call ends. Empty = no money limit.',
  },
});

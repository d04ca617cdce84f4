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
  },
});

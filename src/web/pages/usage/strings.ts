import { defineStrings } from '../../i18n/index.ts';

export const useUsageT = defineStrings('usage', {
  he: {
    title: 'מכסות ושימוש',
    subtitle: 'תקופה {{period}}. המכסות מתחדשות ב־1 לכל חודש; מושבים נרכשים בחבילות.',
    company: 'מכסות החברה',
    perUser: 'תקרות אישיות',
    perUserHint: 'נציגים שהוגדרה להם תקרה, או שכבר השתמשו החודש. עריכת תקרות בעמוד הצוות.',
    noPerUser: 'לאף נציג לא הוגדרה תקרה אישית, ועוד אין שימוש החודש.',
    colName: 'נציג',
    colAnalyses: 'ניתוחים',
    colMinutes: 'דקות תרגול',
    noCap: 'ללא תקרה',
    raise: 'להגדלת מכסות החודש פנו לאדמין של SalesGym.',
  },
  en: {
    title: 'Quotas & usage',
    subtitle: 'Period {{period}}. Quotas renew on the 1st of each month; seats are bought in packages.',
    company: 'Company quotas',
    perUser: 'Personal caps',
    perUserHint: 'Agents with a cap, or who used something this month. Edit caps on the Team page.',
    noPerUser: 'No agent has a personal cap and nothing was used this month yet.',
    colName: 'Agent',
    colAnalyses: 'Analyses',
    colMinutes: 'Practice minutes',
    noCap: 'No cap',
    raise: 'To raise the monthly quotas, contact your SalesGym admin.',
  },
});

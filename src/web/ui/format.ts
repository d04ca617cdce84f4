/** Locale-aware formatting of numbers, money and dates (Hebrew: he-IL, English: en-GB). */
import type { Lang } from '../i18n/index.ts';

const LOCALE: Record<Lang, string> = { he: 'he-IL', en: 'en-GB' };

export const formatNumber = (n: number, lang: Lang) => new Intl.NumberFormat(LOCALE[lang]).format(n);

/** Money from integer cents, e.g. 149000 ILS → "‏1,490.00 ₪". */
export const formatMoney = (cents: number, currency: string, lang: Lang) =>
  new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency, maximumFractionDigits: 2 }).format(cents / 100);

export const formatDate = (iso: string | null | undefined, lang: Lang) =>
  iso ? new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium' }).format(new Date(iso)) : '—';

export const formatDateTime = (iso: string | null | undefined, lang: Lang) =>
  iso ? new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';

/** A short day and month for a chart axis ("23 בנוב׳" / "23 Nov"), from an ISO date or week start ("2026-11-23"). */
export const formatDayMonth = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));

/**
 * Average score per week: real calls and practice as two lines, the bar as a dashed line; empty weeks are
 * bridged. Time runs left to right in both languages, as on the app's other charts.
 */
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Lang } from '../../i18n/index.ts';
import { useDashT } from './strings.ts';
import type { WeekScores } from './types.ts';
import './dashboard.css';

const LOCALE: Record<Lang, string> = { he: 'he-IL', en: 'en-GB' };
/** "8 Dec" / "8 בדצמ׳" for a week's Monday (YYYY-MM-DD, UTC). */
export const weekLabel = (week: string, lang: Lang) => new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${week}T00:00:00Z`));

export function WeeklyChart({ weeks, bar, testId }: { weeks: WeekScores[]; bar: number; testId: string }) {
  const { t, lang } = useDashT();
  const data = weeks.map((w) => ({ label: weekLabel(w.week, lang), week: w.week, call: w.callAverage, practice: w.practiceAverage }));
  const rtl = lang === 'he';
  return (
    <figure className="dash-chart" data-testid={testId} data-points={weeks.filter((w) => w.callAverage !== null || w.practiceAverage !== null).length} aria-label={t('chart.label')}>
      <ResponsiveContainer>
        <LineChart data={data} margin={{ left: 8, right: 24, top: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis domain={[0, 100]} width={34} tick={{ fontSize: 12 }} />
          <Tooltip wrapperStyle={{ direction: document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr' }} labelFormatter={(_l, p) => t('chart.week', { date: weekLabel(String(p?.[0]?.payload?.week ?? weeks[0]?.week), lang) })} formatter={(v) => (v === null || v === undefined ? t('chart.noData') : Math.round(Number(v)))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine y={bar} stroke="#888" strokeDasharray="4 4" label={{ value: t('chart.bar', { bar }), fontSize: 11, position: rtl ? 'insideTopLeft' : 'insideTopRight' }} />
          <Line dataKey="call" name={t('chart.calls')} stroke="#0f766e" strokeWidth={2.5} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
          <Line dataKey="practice" name={t('chart.practice')} stroke="#4338ca" strokeWidth={2} strokeDasharray="6 3" dot={{ r: 3 }} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

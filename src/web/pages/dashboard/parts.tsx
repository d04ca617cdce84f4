/** Pieces the dashboards share: the period figures, open weaknesses with their trend, and attention reasons in words. */
import { Link } from 'react-router-dom';
import { SKILL_LABELS } from '../../../analysis/taxonomy.ts';
import { Badge, formatDate, formatNumber } from '../../ui/index.ts';
import { useDashT } from './strings.ts';
import type { AttentionReason, AttentionRules, PeriodTotals, WeaknessTrend } from './types.ts';
import './dashboard.css';

const TREND_TONE = { improving: 'ok', worse: 'danger', steady: undefined, new: 'brand' } as const;

export function PeriodFigures({ totals, bar }: { totals: PeriodTotals; bar: number }) {
  const { t, lang } = useDashT();
  const score = (v: number | null) => (v === null ? '—' : formatNumber(Math.round(v), lang));
  return (
    <div className="dash-stats">
      <div className="dash-stat" data-testid="dash-call-average"><span className="small muted">{t('agent.callAverage')}</span><strong>{score(totals.callAverage)}</strong></div>
      <div className="dash-stat" data-testid="dash-practice-average"><span className="small muted">{t('agent.practiceAverage')}</span><strong>{score(totals.practiceAverage)}</strong></div>
      <div className="dash-stat" data-testid="dash-met-bar">
        <span className="small muted">{t('agent.metBar')}</span>
        <strong>{t('agent.metBarValue', { met: totals.callsMetBar, total: totals.calls })}</strong>
        <span className="small muted">{t('agent.metBarHint', { bar })}</span>
      </div>
      <div className="dash-stat"><span className="small muted">{t('agent.sessions')}</span><strong>{formatNumber(totals.sessions, lang)}</strong></div>
    </div>
  );
}

/** Open weaknesses: how often the last calls named each, which way its score goes, and the latest call showing it. */
export function WeaknessTrends({ rows, max = 5 }: { rows: WeaknessTrend[]; max?: number }) {
  const { t, lang } = useDashT();
  if (rows.length === 0) return <p className="muted">{t('weaknesses.none')}</p>;
  return (
    <>
      <ul className="dash-list" data-testid="weakness-trends">
        {rows.slice(0, max).map((w) => (
          <li key={w.skill} data-skill={w.skill} data-trend={w.trend}>
            <div className="row">
              <strong>{SKILL_LABELS[w.skill][lang]}</strong>
              <Badge tone={TREND_TONE[w.trend]}>{t(`weaknesses.trend.${w.trend}`)}</Badge>
              {w.change !== null && w.change !== 0 && (
                // the signed number is its own left-to-right run, so the sign stays before the digits in Hebrew too
                <span className="small muted" data-testid="weakness-change"><bdi dir="ltr">{`${w.change > 0 ? '+' : '−'}${formatNumber(Math.abs(w.change), lang)}`}</bdi> {t('weaknesses.points')}</span>
              )}
            </div>
            <span className="small">{t('weaknesses.seen', { count: w.seenIn, of: w.of })}</span>
            <Link className="small" to={`/calls/${w.lastCallId}`}>{t('weaknesses.lastCall')} · {formatDate(w.lastSeenAt, lang)}</Link>
          </li>
        ))}
      </ul>
      {rows.length > max && <p className="small muted">{t('weaknesses.more', { count: rows.length - max })}</p>}
      <p className="small muted">{t('weaknesses.hint')}</p>
    </>
  );
}

/** One attention reason as a sentence with its numbers. */
export function ReasonText({ r }: { r: AttentionReason }) {
  const { t, lang } = useDashT();
  const n = (v: number) => formatNumber(Math.round(v), lang);
  switch (r.rule) {
    case 'falling_scores':
      return <>{t('attention.reason.falling_scores', { earlier: n(r.earlier), recent: n(r.recent) })}</>;
    case 'overdue_assignment':
      return <>{t('attention.reason.overdue_assignment', { count: r.count, date: formatDate(r.oldestDueAt, lang) })}</>;
    case 'no_practice':
      return <>{r.lastPracticeAt ? t('attention.reason.no_practice', { days: r.days, date: formatDate(r.lastPracticeAt, lang) }) : t('attention.reason.no_practice_never')}</>;
    case 'persistent_weakness':
      return <>{t('attention.reason.persistent_weakness', { skill: SKILL_LABELS[r.skill][lang], seenIn: r.seenIn, of: r.of })}</>;
  }
}

/** The rules, stated with their numbers. */
export function AttentionRulesText({ rules }: { rules: AttentionRules }) {
  const { t } = useDashT();
  return (
    <details className="dash-rules small" data-testid="attention-rules">
      <summary>{t('attention.rulesTitle')}</summary>
      <ul>
        <li>{t('attention.rules.falling_scores', { ...rules.falling_scores })}</li>
        <li>{t('attention.rules.overdue_assignment')}</li>
        <li>{t('attention.rules.no_practice', { ...rules.no_practice })}</li>
        <li>{t('attention.rules.persistent_weakness', { ...rules.persistent_weakness })}</li>
      </ul>
    </details>
  );
}

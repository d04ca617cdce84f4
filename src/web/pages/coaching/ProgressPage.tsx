/**
 * The agent's progress: totals, "practise next" (from the profile the practice sessions feed), skill curves over
 * weeks, real-call scores beside practice scores, first/best per scenario, current weak spots and recent sessions.
 */
import { useCommonT } from '../../i18n/common.ts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Async, Badge, Button, Card, EmptyState, PageHeader, Segmented, Stat, formatDate, formatDayMonth, useQuery } from '../../ui/index.ts';
import { SKILL_IDS, SKILL_LABELS, type SkillId } from '../../../analysis/taxonomy.ts';
import { usePracticeT } from '../practice/strings.ts';
import { useCoachingT } from './strings.ts';
import type { ProgressResponse } from './types.ts';
import './coaching.css';

export const PERIODS = { week: 7, month: 31, quarter: 92, all: 0 } as const;
export type Period = keyof typeof PERIODS;
const SKILL_COLORS: Record<SkillId, string> = {
  opening: '#4338ca', discovery: '#0891b2', rapport: '#15803d', listening: '#a16207',
  objection_handling: '#b91c1c', product_knowledge: '#7c3aed', closing: '#db2777',
};

export default function ProgressPage() {
  const { t, lang } = useCoachingT();
  const p = usePracticeT().t;
  const [period, setPeriod] = useState<Period>('quarter');
  const q = useQuery<ProgressResponse>(`/api/progress/me${PERIODS[period] ? `?days=${PERIODS[period]}` : ''}`);
  return (
    <>
      <PageHeader
        title={t('progress.title')}
        subtitle={t('progress.subtitle')}
        actions={<Segmented<Period> label={t('progress.period')} value={period} onChange={setPeriod} options={(Object.keys(PERIODS) as Period[]).map((k) => ({ value: k, label: t(`progress.${k}`) }))} />}
      />
      <Async query={q}>
        {(d) => (
          <div className="stack">
            <div className="grid-3">
              <Stat label={t('progress.simulations')} value={<span data-testid="total-simulations">{d.totals.simulations}</span>} />
              <Stat label={t('progress.passed')} value={d.totals.passed} />
              <Stat label={t('progress.calls')} value={d.totals.calls} />
            </div>
            <Card title={t('progress.next')} actions={<Link to="/practice" className="btn btn-primary btn-sm">{t('progress.startNext')}</Link>}>
              <p data-testid="recommendation">
                <strong>{p(`scenarios.${d.recommendation.type as 'discovery'}`)}</strong> · {p(`levels.${d.recommendation.level as 'intermediate'}`)}
              </p>
              <p className="muted">{d.recommendation.reason[lang]}</p>
            </Card>
            {d.totals.simulations === 0 && d.totals.calls === 0 ? (
              <EmptyState title={t('progress.empty')} action={<Link to="/practice"><Button variant="primary">{t('progress.startNext')}</Button></Link>} />
            ) : (
              <>
                <div className="grid-2">
                  <Card title={t('progress.curves')}>
                    <SkillCurves d={d} />
                  </Card>
                  <Card title={t('progress.realVsSim')}>
                    <RealVsSim d={d} />
                  </Card>
                </div>
                <div className="grid-2">
                  <Card title={t('progress.scenarios')} tight>
                    <ScenarioTable d={d} />
                  </Card>
                  <Card title={t('progress.profile')} tight>
                    <ProfileTable d={d} />
                  </Card>
                </div>
                <Card title={t('progress.sessions')} tight>
                  <SessionsTable rows={d.sessions} />
                </Card>
              </>
            )}
          </div>
        )}
      </Async>
    </>
  );
}

/** Weekly skill averages as lines, from practice sessions (default) or analysed real calls (shared with the manager's agent page). */
export function SkillCurves({ d, source = 'simulation' }: { d: Pick<ProgressResponse, 'curves'>; source?: 'simulation' | 'call' }) {
  const { lang } = useCoachingT();
  const weeks = d.curves[source];
  if (weeks.length === 0) return <p className="muted">—</p>;
  const data = weeks.map((w) => ({ week: formatDayMonth(w.week, lang), ...w.skills }));
  const present = SKILL_IDS.filter((s) => weeks.some((w) => w.skills[s] !== undefined));
  return (
    <div className="chart-box" data-testid="skill-curves">
      <ResponsiveContainer>
        <LineChart data={data} margin={{ left: 0, right: 16, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="week" />
          <YAxis domain={[0, 100]} width={36} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {present.map((s) => (
            <Line key={s} dataKey={s} name={SKILL_LABELS[s][lang]} stroke={SKILL_COLORS[s]} strokeWidth={2} dot connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Real-call scores beside practice scores per week, with their correlation. */
export function RealVsSim({ d }: { d: Pick<ProgressResponse, 'realVsSimulation'> }) {
  const { t, lang } = useCoachingT();
  const rows = d.realVsSimulation.weeks.map((w) => ({ week: formatDayMonth(w.week, lang), call: w.call, simulation: w.simulation }));
  if (rows.length === 0) return <p className="muted">—</p>;
  const r = d.realVsSimulation.correlation;
  return (
    <div data-testid="real-vs-sim">
      <div className="chart-box">
        <ResponsiveContainer>
          <LineChart data={rows} margin={{ left: 0, right: 16, top: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" />
            <YAxis domain={[0, 100]} width={36} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line dataKey="call" name={t('progress.real')} stroke="#0f766e" strokeWidth={2} connectNulls isAnimationActive={false} />
            <Line dataKey="simulation" name={t('progress.sim')} stroke="#4338ca" strokeWidth={2} strokeDasharray="5 3" connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="small muted">{r === null ? t('progress.correlationNone') : t('progress.correlation', { r: r.toFixed(2) })}</p>
    </div>
  );
}

/** A stored scenario by its name (resolved by the server), or "discovery:intermediate" (catalogue type at a level). */
function ScenarioName({ id, name }: { id: string; name?: string | null }) {
  const p = usePracticeT().t;
  const { t } = useCoachingT();
  if (name) return <bdi>{name}</bdi>;
  const [type, level] = id.split(':');
  if (!level) return <span className="small muted">{t('progress.scenarioGone')}</span>;
  return <>{p(`scenarios.${type as 'discovery'}`)} · {p(`levels.${level as 'intermediate'}`)}</>;
}

/** First, best and latest score per scenario. */
export function ScenarioTable({ d }: { d: Pick<ProgressResponse, 'scenarios'> }) {
  const { t } = useCoachingT();
  if (d.scenarios.length === 0) return <EmptyState title="—" />;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="scenario-progress">
        <thead>
          <tr><th>{t('progress.scenario')}</th><th className="num">{t('progress.attempts')}</th><th className="num">{t('progress.first')}</th><th className="num">{t('progress.best')}</th><th className="num">{t('progress.gain')}</th></tr>
        </thead>
        <tbody>
          {d.scenarios.map((s) => (
            <tr key={s.scenarioId}>
              <td><ScenarioName id={s.scenarioId} name={s.name} /> {s.passedEver && <Badge tone="ok">✓</Badge>}</td>
              <td className="num">{s.attempts}</td>
              <td className="num">{Math.round(s.first.score)}</td>
              <td className="num">{Math.round(s.best.score)}</td>
              <td className={`num ${s.gain > 0 ? 'coach-good' : ''}`}>{s.gain > 0 ? `+${Math.round(s.gain)}` : Math.round(s.gain)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProfileTable({ d }: { d: ProgressResponse }) {
  const { t, lang } = useCoachingT();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="profile">
        <thead>
          <tr><th>{t('progress.skillCol')}</th><th className="num">{t('progress.weakness')}</th><th className="num">{t('progress.score')}</th><th>{t('progress.trendCol')}</th></tr>
        </thead>
        <tbody>
          {d.profile.skills.slice(0, 7).map((s) => (
            <tr key={s.skill} data-skill={s.skill}>
              <td>{SKILL_LABELS[s.skill][lang]} {d.profile.top.includes(s.skill) && <Badge tone="warn">!</Badge>}</td>
              <td className="num">{Math.round(s.weakness * 100)}%</td>
              <td className="num">{s.score === null ? '—' : Math.round(s.score)}</td>
              <td className="small muted">{t(`progress.trend.${s.trend}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Practice sessions with score, outcome and a link to the report (shared with the team page). */
export function SessionsTable({ rows, showAgent }: { rows: ProgressResponse['sessions']; showAgent?: boolean }) {
  const { t, lang } = useCoachingT();
  const team = useCoachingT().t;
  const common = useCommonT().t;
  if (rows.length === 0) return <EmptyState title={showAgent ? team('team.empty') : t('progress.empty')} />;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="practice-sessions">
        <thead>
          <tr>
            <th>{t('progress.date')}</th>
            {showAgent && <th>{t('team.agent')}</th>}
            <th>{t('progress.scenario')}</th>
            <th className="num">{t('progress.score')}</th>
            <th>{t('progress.outcome')}</th>
            <th>{common('table.report')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.simulationId}>
              <td>{formatDate(r.createdAt, lang)}</td>
              {showAgent && <td>{r.agentName ?? '—'} {r.sharedWithManager && <Badge>{t('team.shared')}</Badge>}</td>}
              <td><ScenarioName id={`${r.scenarioType}:${r.level}`} /></td>
              <td className="num"><strong>{r.overallScore === null ? '—' : Math.round(r.overallScore)}</strong> {r.passed && <Badge tone="ok">✓</Badge>}</td>
              <td>{t(`outcomes.${r.outcome}`)}</td>
              <td><Link to={`/practice/${r.simulationId}/report`}>{t('progress.open')}</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

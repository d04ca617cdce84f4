/**
 * Manager: the team's practice results — totals, team skills weakest first, per-agent figures and recent
 * sessions — honouring the practice privacy window (sessions inside it are counted, never shown, unless shared).
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useMe } from '../../auth.tsx';
import { Alert, Async, Card, EmptyState, PageHeader, Segmented, Stat, formatDate, useQuery } from '../../ui/index.ts';
import { SKILL_LABELS } from '../../../analysis/taxonomy.ts';
import { PERIODS, SessionsTable, type Period } from './ProgressPage.tsx';
import { privacyNote } from './privacy-note.ts';
import { useCoachingT } from './strings.ts';
import type { TeamPracticeResponse, TeamSummaryResponse } from './types.ts';
import './coaching.css';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const num = (x: number | null) => (x === null ? '—' : Math.round(x));

export default function TeamPracticePage() {
  const { t, lang } = useCoachingT();
  const { company } = useMe();
  const [period, setPeriod] = useState<Period>('month');
  const qs = PERIODS[period] ? `?days=${PERIODS[period]}` : '';
  const summary = useQuery<TeamSummaryResponse>(company ? `/api/companies/${company.id}/practice/summary${qs}` : null);
  const list = useQuery<TeamPracticeResponse>(company ? `/api/companies/${company.id}/practice${qs}` : null);
  return (
    <>
      <PageHeader
        title={t('team.title')}
        subtitle={t('team.subtitle')}
        actions={<Segmented<Period> label={t('progress.period')} value={period} onChange={setPeriod} options={(Object.keys(PERIODS) as Period[]).map((k) => ({ value: k, label: t(`progress.${k}`) }))} />}
      />
      <Async query={summary}>
        {(s) => {
          const a = s.aggregates;
          return (
            <div className="stack">
              <Alert tone="info" actions={<Link to="/settings" className="small">{t('team.changeWindow')}</Link>}>
                <span data-testid="privacy-note">{s.privacyHours > 0 ? privacyNote(t, s.privacyHours, s.hidden) : t('team.privacyOff')}</span>
              </Alert>
              <div className="grid-3">
                <Stat label={t('team.simulations')} value={<span data-testid="team-simulations">{a.simulations}</span>} />
                <Stat label={t('team.avgSim')} value={num(a.averageSimulationScore)} />
                <Stat label={t('team.avgCall')} value={num(a.averageCallScore)} />
                <Stat label={t('team.conversion')} value={pct(a.conversionRate)} />
                <Stat label={t('team.passRate')} value={pct(a.passRate)} />
                <Stat label={t('team.agents')} value={a.agents} />
              </div>
              <div className="grid-2">
                <Card title={t('team.teamSkills')}>
                  {a.skills.length === 0 ? <EmptyState title="—" /> : (
                    <div className="chart-box" data-testid="team-skills">
                      <ResponsiveContainer>
                        <BarChart data={a.skills.map((x) => ({ name: SKILL_LABELS[x.id][lang], avg: Math.round(x.average) }))} layout="vertical" margin={{ left: 8, right: 16 }}>
                          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                          <XAxis type="number" domain={[0, 100]} />
                          <YAxis type="category" dataKey="name" width={120} orientation={lang === 'he' ? 'right' : 'left'} />
                          <Tooltip />
                          <ReferenceLine x={70} stroke="var(--c-text-2)" strokeDasharray="4 3" />
                          <Bar dataKey="avg" isAnimationActive={false} minPointSize={3} radius={[0, 4, 4, 0]}>
                            {a.skills.map((x, i) => <Cell key={i} fill={x.average >= 75 ? 'var(--c-ok)' : x.average >= 50 ? 'var(--c-warn-bar)' : 'var(--c-danger-bar)'} />)}
                          </Bar>
                        </BarChart>
                      </ResponsiveContainer>
                    </div>
                  )}
                </Card>
                <Card title={t('team.perAgent')} tight>
                  <div className="table-wrap">
                    <table className="table" data-testid="per-agent">
                      <thead>
                        <tr><th>{t('team.agent')}</th><th className="num">{t('team.simulations')}</th><th className="num">{t('team.avgSim')}</th><th className="num">{t('team.avgCall')}</th><th>{t('team.last')}</th></tr>
                      </thead>
                      <tbody>
                        {a.perAgent.map((p) => (
                          <tr key={p.agentId}>
                            <td><Link to={`/team/${p.agentId}`}>{p.agentName ?? '—'}</Link></td>
                            <td className="num">{p.simulations}</td>
                            <td className="num">{num(p.averageSimulationScore)}</td>
                            <td className="num">{num(p.averageCallScore)}</td>
                            <td className="small">{formatDate(p.lastActivity, lang)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </Card>
              </div>
              <Card title={t('team.sessions')} tight>
                <Async query={list}>{(l) => <SessionsTable rows={l.sessions} showAgent />}</Async>
              </Card>
            </div>
          );
        }}
      </Async>
    </>
  );
}

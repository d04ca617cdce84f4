/**
 * Manager: one agent's page, opened from the Team page. Their skills over the weeks (practice or real calls),
 * real calls beside practice, recent practice sessions and analysed calls (each linking to its report), the
 * current weakness profile, the focus skills the manager sets, and the scenarios assigned to them. Practice
 * inside the company's privacy window is counted, never shown (the server leaves it out).
 */
import { genderSlash } from '../../../i18n/index.ts';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useCommonT } from '../../i18n/common.ts';
import { Alert, Async, Card, PageHeader, Segmented, Stat, useQuery } from '../../ui/index.ts';
import type { Team, User } from '../../types.ts';
import { PERIODS, RealVsSim, ScenarioTable, SessionsTable, SkillCurves, type Period } from '../coaching/ProgressPage.tsx';
import { privacyNote } from '../coaching/privacy-note.ts';
import { useCoachingT } from '../coaching/strings.ts';
import type { ProgressResponse } from '../coaching/types.ts';
import { WeaknessProfileCard } from '../scenarios/WeaknessProfileCard.tsx';
import { AssignmentsCard, RecentCallsCard } from './AgentActivity.tsx';
import { AgentDashboardSection } from '../dashboard/AgentDashboardSection.tsx';
import { FocusCard, type ProfileResponse } from './FocusCard.tsx';
import { useAgentT } from './agent-strings.ts';
import './agent.css';

/** GET /api/agents/:agentId/progress */
export interface AgentProgressResponse extends ProgressResponse {
  agent: User;
  /** The company's practice privacy window as applied to this viewer (0: none). */
  privacyHours: number;
  /** Practice sessions the window still hides from this viewer. */
  hidden: number;
}

type Source = 'simulation' | 'call';
const DAY = 86_400_000;
const sinceDate = (days: number) => (days ? new Date(Date.now() - days * DAY).toISOString().slice(0, 10) : null);
const average = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : '—');

export default function AgentPage() {
  const { agentId = '' } = useParams();
  const { t } = useAgentT();
  const c = useCoachingT().t;
  const common = useCommonT().t;
  const [period, setPeriod] = useState<Period>('quarter');
  const [chosenSource, setSource] = useState<Source | null>(null);
  const days = PERIODS[period];
  const progress = useQuery<AgentProgressResponse>(`/api/agents/${agentId}/progress${days ? `?days=${days}` : ''}`);
  const profile = useQuery<ProfileResponse>(`/api/agents/${agentId}/profile`);
  const agent = progress.data?.agent;
  const teams = useQuery<{ teams: Team[] }>(agent?.companyId ? `/api/companies/${agent.companyId}/teams` : null);
  const teamName = teams.data?.teams.find((x) => x.id === agent?.teamId)?.name ?? null;
  const name = agent?.name ?? '';

  return (
    <>
      <PageHeader
        title={agent ? name : t('loading')}
        subtitle={agent && (
          <>
            <span className="ltr">{agent.email}</span> · {genderSlash(common(`roles.${agent.role}`), agent.gender)}
            {teamName && <> · {teamName}</>}
          </>
        )}
        back={{ to: '/team', label: t('back') }}
        actions={<Segmented<Period> label={c('progress.period')} value={period} onChange={setPeriod} options={(Object.keys(PERIODS) as Period[]).map((k) => ({ value: k, label: c(`progress.${k}`) }))} />}
      />
      <Async query={progress}>
        {(d) => {
          // practice curves when there is practice in the period, otherwise the real calls' curves
          const source: Source = chosenSource ?? (d.curves.simulation.length > 0 || d.curves.call.length === 0 ? 'simulation' : 'call');
          return (
            <div className="stack agent-page">
              {d.privacyHours > 0 && (
                <Alert tone="info" actions={<Link to="/settings" className="small">{c('team.changeWindow')}</Link>}>
                  <span data-testid="privacy-note">{privacyNote(c, d.privacyHours, d.hidden)}</span>
                </Alert>
              )}
              <AgentDashboardSection agentId={agentId} name={name} />
              <div className="agent-stats">
                <Stat label={t('stats.simulations')} value={<span data-testid="agent-simulations">{d.totals.simulations}</span>} />
                <Stat label={t('stats.passed')} value={d.totals.passed} />
                <Stat label={t('stats.average')} value={average(d.sessions.flatMap((s) => (s.overallScore === null ? [] : [s.overallScore])))} />
                <Stat label={t('stats.calls')} value={<span data-testid="agent-calls-count">{d.totals.calls}</span>} />
              </div>
              <div className="agent-grid">
                <Card
                  title={t('curves')}
                  actions={<Segmented<Source> label={t('source')} value={source} onChange={setSource} options={(['simulation', 'call'] as const).map((s) => ({ value: s, label: t(`sources.${s}`) }))} />}
                >
                  {d.curves[source].length === 0 ? <p className="muted">{t('noCurve')}</p> : <SkillCurves d={d} source={source} />}
                </Card>
                <Card title={c('progress.realVsSim')}>
                  <RealVsSim d={d} />
                </Card>
              </div>
              <div className="agent-grid">
                <Async query={profile}>
                  {(p) => (
                    <WeaknessProfileCard
                      profile={p.profile}
                      title={t('profileTitle', { name })}
                      basis={t(`basis.${p.profile.basis}`, { calls: p.profile.callCount, sims: p.profile.simulationCount })}
                    />
                  )}
                </Async>
                <div className="stack">
                  <Async query={profile}>
                    {(p) => <FocusCard agentId={agentId} agentName={name} saved={p} onSaved={(next) => profile.setData(next)} />}
                  </Async>
                  <AssignmentsCard agentId={agentId} agentName={name} />
                  {d.scenarios.length > 0 && (
                    <Card title={c('progress.scenarios')} tight>
                      <ScenarioTable d={d} />
                    </Card>
                  )}
                </div>
              </div>
              <div className="agent-grid">
                <Card title={c('progress.sessions')} tight>
                  <SessionsTable rows={d.sessions.slice(0, 10)} />
                </Card>
                <RecentCallsCard agentId={agentId} from={sinceDate(days)} />
              </div>
            </div>
          );
        }}
      </Async>
    </>
  );
}

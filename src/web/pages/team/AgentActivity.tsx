/** One agent's recent analysed calls and assigned scenarios, as cards on the manager's agent page. */
import { Link } from 'react-router-dom';
import { Async, Badge, Card, EmptyState, formatDate, useQuery } from '../../ui/index.ts';
import { CALL_TYPE_LABELS, type CallType } from '../calls/labels.ts';
import { ScorePill } from '../calls/CallsPage.tsx';
import type { CallSummary } from '../calls/types.ts';
import type { Assignment } from '../scenarios/model.ts';
import { useAgentT } from './agent-strings.ts';

/** The agent's analysed calls since `from` (YYYY-MM-DD, or all), newest first, each linking to its report. */
export function RecentCallsCard({ agentId, from }: { agentId: string; from: string | null }) {
  const { t, lang } = useAgentT();
  const q = useQuery<{ calls: CallSummary[]; total: number }>(`/api/calls?agentUserId=${agentId}&status=done&limit=10${from ? `&from=${from}` : ''}`);
  return (
    <Card title={t('calls.title')} tight actions={<Link className="small" to="/calls">{t('calls.all')}</Link>}>
      <Async query={q}>
        {({ calls }) =>
          calls.length === 0 ? (
            <EmptyState title={t('calls.none')} />
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="agent-calls">
                <thead>
                  <tr><th>{t('calls.date')}</th><th>{t('calls.name')}</th><th>{t('calls.type')}</th><th className="num">{t('calls.score')}</th></tr>
                </thead>
                <tbody>
                  {calls.map((c) => (
                    <tr key={c.id}>
                      <td className="nowrap">{formatDate(c.createdAt, lang)}</td>
                      <td><Link to={`/calls/${c.id}`} dir="auto">{c.title}</Link></td>
                      <td>{c.callType ? (CALL_TYPE_LABELS[c.callType as CallType]?.[lang] ?? c.callType) : '—'}</td>
                      <td className="num">{c.overallScore != null ? <ScorePill score={c.overallScore} /> : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Async>
    </Card>
  );
}

const STATUS_TONE = { open: 'brand', completed: 'ok', cancelled: undefined } as const;

/** Scenarios assigned to the agent: open ones first, then the latest completed or cancelled. */
export function AssignmentsCard({ agentId, agentName }: { agentId: string; agentName: string }) {
  const { t, lang } = useAgentT();
  const q = useQuery<{ assignments: Assignment[] }>(`/api/assignments?agentUserId=${agentId}`);
  return (
    <Card title={t('assignments.title')} tight actions={<Link className="small" to="/scenarios">{t('assignments.assign')}</Link>}>
      <Async query={q}>
        {({ assignments }) => {
          const rows = [...assignments].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || b.createdAt.localeCompare(a.createdAt)).slice(0, 8);
          if (rows.length === 0) return <EmptyState title={t('assignments.none', { name: agentName })} />;
          return (
            <ul className="agent-assignments" data-testid="agent-assignments">
              {rows.map((a) => {
                const overdue = a.status === 'open' && a.dueAt !== null && new Date(a.dueAt).getTime() < Date.now();
                return (
                  <li key={a.id} data-status={a.status}>
                    <div className="row">
                      <Link to={`/scenarios/${a.scenarioId}`}><strong dir="auto">{a.scenarioName}</strong></Link>
                      <Badge tone={STATUS_TONE[a.status]}>{t(`assignments.status.${a.status}`)}</Badge>
                      {overdue && <Badge tone="danger">{t('assignments.overdue')}</Badge>}
                    </div>
                    <div className="muted small">
                      {a.status === 'completed' && a.completedAt ? formatDate(a.completedAt, lang) : a.dueAt ? t('assignments.due', { date: formatDate(a.dueAt, lang) }) : t('assignments.noDue')}
                      {a.note && <span dir="auto"> · {a.note}</span>}
                      {a.simulationId && <> · <Link to={`/practice/${a.simulationId}/report`}>{t('assignments.session')}</Link></>}
                    </div>
                  </li>
                );
              })}
            </ul>
          );
        }}
      </Async>
    </Card>
  );
}

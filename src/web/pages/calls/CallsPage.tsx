import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { Async, Badge, Button, Card, EmptyState, Field, PageHeader, formatDate, useQuery } from '../../ui/index.ts';
import type { User } from '../../types.ts';
import { useCallsT } from './strings.ts';
import { CALL_TYPES, CALL_TYPE_LABELS, type CallType } from './labels.ts';
import { IN_PROGRESS, type CallSummary } from './types.ts';
import { clock } from './upload.ts';
import './calls.css';

interface Filters {
  from: string;
  to: string;
  agentUserId: string;
  callType: string;
  minScore: string;
}
const EMPTY: Filters = { from: '', to: '', agentUserId: '', callType: '', minScore: '' };

/** The calls list: the agent's own calls, or the whole team's for a manager; filters by date, agent, type and score. */
export default function CallsPage() {
  const { t, lang } = useCallsT();
  const me = useMe();
  const [f, setF] = useState<Filters>(EMPTY);
  const qs = useMemo(() => {
    const p = new URLSearchParams({ limit: '100' });
    for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
    return p.toString();
  }, [f]);
  const q = useQuery<{ calls: CallSummary[]; total: number }>(`/api/calls?${qs}`);
  const isManager = me.user.role !== 'agent';
  const members = useQuery<{ users: User[] }>(isManager && me.company ? `/api/companies/${me.company.id}/users` : null);
  // while a call is being processed, refresh the list every 2 s
  const busy = q.data?.calls.some((c) => IN_PROGRESS.includes(c.status));
  useEffect(() => {
    if (!busy) return;
    const id = setInterval(() => void q.reload(), 2000);
    return () => clearInterval(id);
  }, [busy, q]);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Link className="btn btn-primary" to="/calls/new">
            {t('upload')}
          </Link>
        }
      />
      <Card>
        <form className="calls-filters" onSubmit={(e) => e.preventDefault()}>
          <Field label={t('filters.from')}>
            <input type="date" value={f.from} onChange={set('from')} />
          </Field>
          <Field label={t('filters.to')}>
            <input type="date" value={f.to} onChange={set('to')} />
          </Field>
          {isManager && (
            <Field label={t('filters.agent')}>
              <select value={f.agentUserId} onChange={set('agentUserId')}>
                <option value="">{t('filters.allAgents')}</option>
                {(members.data?.users ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field label={t('filters.type')}>
            <select value={f.callType} onChange={set('callType')}>
              <option value="">{t('filters.allTypes')}</option>
              {CALL_TYPES.map((c) => (
                <option key={c} value={c}>
                  {CALL_TYPE_LABELS[c][lang]}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('filters.minScore')}>
            <input type="number" min={0} max={100} value={f.minScore} onChange={set('minScore')} />
          </Field>
          <Button size="sm" variant="ghost" onClick={() => setF(EMPTY)}>
            {t('filters.clear')}
          </Button>
        </form>
      </Card>
      <Async query={q}>
        {({ calls, total }) =>
          calls.length === 0 ? (
            <EmptyState title={t('empty')} action={<Link className="btn btn-primary" to="/calls/new">{t('upload')}</Link>} />
          ) : (
            <Card tight title={t('total', { count: total })}>
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th>{t('col.date')}</th>
                      <th>{t('col.title')}</th>
                      {isManager && <th>{t('col.agent')}</th>}
                      <th>{t('col.type')}</th>
                      <th>{t('col.duration')}</th>
                      <th>{t('col.status')}</th>
                      <th>{t('col.score')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {calls.map((c) => (
                      <tr key={c.id}>
                        <td>{formatDate(c.createdAt, lang)}</td>
                        <td>
                          <Link to={`/calls/${c.id}`} dir="auto">
                            {c.title}
                          </Link>
                        </td>
                        {isManager && <td>{c.agentName}</td>}
                        <td>{c.callType ? CALL_TYPE_LABELS[c.callType as CallType]?.[lang] ?? c.callType : '—'}</td>
                        <td className="num">{clock(c.durationSec)}</td>
                        <td>
                          <StatusBadge call={c} />
                        </td>
                        <td className="num">
                          {c.overallScore != null ? <ScorePill score={c.overallScore} /> : c.reportKind === 'audio_only' ? <span className="muted small">{t('audioOnly')}</span> : '—'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
          )
        }
      </Async>
    </>
  );
}

export function StatusBadge({ call }: { call: Pick<CallSummary, 'status' | 'progress'> }) {
  const { t } = useCallsT();
  if (call.status === 'done') return <Badge tone="ok">{t('status.done')}</Badge>;
  if (call.status === 'failed') return <Badge tone="danger">{t('status.failed')}</Badge>;
  return (
    <Badge tone="brand">
      {t(`status.${call.status}`)} {Math.round(call.progress * 100)}%
    </Badge>
  );
}

export function ScorePill({ score }: { score: number }) {
  const tone = score >= 75 ? 'good' : score >= 50 ? 'ok' : 'poor';
  return <span className={`score-pill score-${tone}`}>{Math.round(score)}</span>;
}

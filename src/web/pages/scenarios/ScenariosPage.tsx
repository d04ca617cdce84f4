import { useState } from 'react';
import { useCommonT } from '../../i18n/common.ts';
import { Link } from 'react-router-dom';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { Alert, Async, Badge, Button, Card, EmptyState, ErrorAlert, Icon, PageHeader, formatDate, useAction, useQuery } from '../../ui/index.ts';
import type { Team, User } from '../../types.ts';
import { AssignDialog } from './AssignDialog.tsx';
import { AssignmentAttempts } from './AssignmentAttempts.tsx';
import { labelOf, type Assignment, type Catalogue, type StoredScenario } from './model.ts';
import { skillLabel } from './PersonaCard.tsx';
import { useScenariosT } from './strings.ts';

/** Manager: the company's scenarios (build, edit, assign) and every assignment with its status. */
export default function ScenariosPage() {
  const { t, lang } = useScenariosT();
  const common = useCommonT().t;
  const { company } = useMe();
  const cid = company?.id ?? null;
  const [showArchived, setShowArchived] = useState(false);
  const [assigning, setAssigning] = useState<{ id: string; name: string; passMark?: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const catalogue = useQuery<Catalogue>('/api/scenario-catalogue');
  const scenarios = useQuery<{ scenarios: StoredScenario[] }>(cid && `/api/companies/${cid}/scenarios?includeArchived=${showArchived}`);
  const assignments = useQuery<{ assignments: Assignment[] }>(cid && '/api/assignments');
  const users = useQuery<{ users: User[] }>(cid && `/api/companies/${cid}/users`);
  const teams = useQuery<{ teams: Team[] }>(cid && `/api/companies/${cid}/teams`);
  const cancel = useAction((id: string) => api.post<{ assignment: Assignment }>(`/api/assignments/${id}/cancel`));
  if (!cid) return null;
  const agents = (users.data?.users ?? []).filter((u) => u.role === 'agent' && u.active);

  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        actions={
          <Link className="btn btn-primary" to="/scenarios/new">
            <Icon name="plus" /> {t('list.new')}
          </Link>
        }
      />
      <div className="stack">
        {notice && <Alert tone="success">{notice}</Alert>}
        <Card
          tight
          title={t('list.title')}
          actions={
            <label className="checkbox">
              <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
              {t('list.showArchived')}
            </label>
          }
        >
          <Async query={scenarios}>
            {({ scenarios: list }) =>
              list.length === 0 ? (
                <EmptyState title={t('list.empty')} action={<Link className="btn btn-primary" to="/scenarios/new">{t('list.new')}</Link>}>
                  {t('list.emptyHint')}
                </EmptyState>
              ) : (
                <div className="table-wrap">
                  <table className="table" data-testid="scenarios-table">
                    <thead>
                      <tr>
                        <th>{t('list.name')}</th>
                        <th>{t('list.type')}</th>
                        <th>{t('list.level')}</th>
                        <th>{t('list.targets')}</th>
                        <th className="num">{t('list.version')}</th>
                        <th>{t('list.updated')}</th>
                        <th>{common('table.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((s) => (
                        <tr key={s.id} className={s.archived ? 'inactive' : undefined}>
                          <td dir="auto">
                            <Link to={`/scenarios/${s.id}`}>{s.scenario.name}</Link> {s.archived && <Badge>{t('list.archived')}</Badge>}
                          </td>
                          <td>{labelOf(catalogue.data?.types, s.scenario.type, lang)}</td>
                          <td>{labelOf(catalogue.data?.levels, s.scenario.level, lang)}</td>
                          <td>{s.scenario.targetSkills.map((k) => skillLabel(k, lang)).join(', ')}</td>
                          <td className="num">{s.version}</td>
                          <td className="nowrap">{formatDate(s.updatedAt, lang)}</td>
                          <td className="cell-actions">
                            {!s.archived && (
                              <Button size="sm" onClick={() => setAssigning({ id: s.id, name: s.scenario.name, passMark: s.scenario.passMark })}>
                                {t('list.assign')}
                              </Button>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )
            }
          </Async>
        </Card>

        <Card tight title={t('assignments.title')}>
          <ErrorAlert error={cancel.error} />
          <Async query={assignments}>
            {({ assignments: rows }) =>
              rows.length === 0 ? (
                <EmptyState title={t('assignments.empty')} />
              ) : (
                <div className="table-wrap">
                  <table className="table" data-testid="assignments-table">
                    <thead>
                      <tr>
                        <th>{t('assignments.agent')}</th>
                        <th>{t('assignments.scenario')}</th>
                        <th>{t('assignments.due')}</th>
                        <th>{t('assignments.status')}</th>
                        <th>{t('assignments.passMark')}</th>
                        <th>{t('assignments.attempts')}</th>
                        <th>{common('table.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((a) => {
                        const overdue = a.status === 'open' && a.dueAt !== null && new Date(a.dueAt).getTime() < Date.now();
                        return (
                          <tr key={a.id}>
                            <td dir="auto">
                              {a.agentName}
                              {a.teamName && <div className="muted small">{t('assignments.team', { team: a.teamName })}</div>}
                            </td>
                            <td dir="auto">
                              <bdi>{a.scenarioName}</bdi> <span className="muted small">{t('list.versionN', { version: a.scenarioVersion })}</span>
                            </td>
                            <td className="nowrap">{formatDate(a.dueAt, lang)}</td>
                            <td>
                              <Badge tone={a.status === 'completed' ? 'ok' : overdue ? 'danger' : a.status === 'open' ? 'brand' : undefined}>
                                {overdue ? t('assignments.overdue') : t(`assignments.statuses.${a.status}`)}
                              </Badge>
                            </td>
                            <td className="num">{a.passMark}</td>
                            <td>
                              <AssignmentAttempts assignment={a} />
                            </td>
                            <td className="cell-actions">
                              {a.status === 'open' && (
                                <Button size="sm" variant="ghost" busy={cancel.pending} onClick={async () => (await cancel.run(a.id)) && assignments.reload()}>
                                  {t('assignments.cancel')}
                                </Button>
                              )}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )
            }
          </Async>
        </Card>
      </div>

      <AssignDialog
        open={assigning !== null}
        onClose={() => setAssigning(null)}
        companyId={cid}
        scenario={assigning}
        agents={agents}
        teams={teams.data?.teams ?? []}
        onAssigned={(rows) => {
          setNotice(t('assign.done', { count: rows.length }));
          void assignments.reload();
        }}
      />
    </>
  );
}

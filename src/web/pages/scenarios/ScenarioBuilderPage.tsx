import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { Alert, Async, Button, ErrorAlert, PageHeader, useAction, useQuery } from '../../ui/index.ts';
import type { Team, User } from '../../types.ts';
import { AssignDialog } from './AssignDialog.tsx';
import { BasicsSection, CriteriaSection, OverridesSection, type Draft } from './BuilderSections.tsx';
import { DEFAULT_PASS_MARK, draftOf, type Catalogue, type ScenarioDraft, type StoredScenario } from './model.ts';
import { PreviewPanel } from './PreviewPanel.tsx';
import { useScenariosT } from './strings.ts';

/** The catalogue's starting point for a type and level (what the server's ScenarioBuilder.create produces). */
function fromCatalogue(c: Catalogue, type: Draft['type'], level: Draft['level']): Draft {
  const tp = c.types.find((x) => x.id === type)!;
  const spec = c.levels.find((l) => l.id === level)!.spec;
  return {
    type, level, language: null, name: '', targetSkills: [...tp.focusSkills],
    personaOverrides: tp.audience ? { audience: tp.audience } : {},
    successCriteria: (tp.criteria[level] ?? []).map((k) => ({ check: k.check, skill: k.skill })),
    timeLimitSec: spec.timeLimitSec, hintsAllowed: spec.hintsAllowed, passMark: DEFAULT_PASS_MARK, notes: '',
  };
}

/** What is sent: the draft without an empty name or empty custom objection lines. */
function toBody(d: Draft): ScenarioDraft {
  const o = { ...d.personaOverrides };
  if (o.customObjections) o.customObjections = o.customObjections.filter((x) => x.text.trim().length > 0);
  if (o.customObjections?.length === 0) delete o.customObjections;
  return { ...d, name: d.name.trim() || undefined, personaOverrides: o };
}

function Builder({ catalogue, stored }: { catalogue: Catalogue; stored: StoredScenario | null }) {
  const { t } = useScenariosT();
  const { company } = useMe();
  const navigate = useNavigate();
  const cid = company!.id;
  const [current, setCurrent] = useState<StoredScenario | null>(stored);
  const [draft, setDraft] = useState<Draft>(() => (stored ? draftOf(stored.scenario) : fromCatalogue(catalogue, 'objection_handling', 'intermediate')));
  const [touched, setTouched] = useState<Set<keyof Draft>>(new Set(stored ? ['targetSkills', 'successCriteria', 'timeLimitSec', 'hintsAllowed', 'name'] : []));
  const location = useLocation();
  const [saved, setSaved] = useState<number | null>((location.state as { saved?: number } | null)?.saved ?? null);
  const [assigning, setAssigning] = useState(false);
  const users = useQuery<{ users: User[] }>(`/api/companies/${cid}/users`);
  const teams = useQuery<{ teams: Team[] }>(`/api/companies/${cid}/teams`);
  const agents = (users.data?.users ?? []).filter((u) => u.role === 'agent' && u.active);

  const save = useAction((body: ScenarioDraft) =>
    current
      ? api.put<{ scenario: StoredScenario }>(`/api/scenarios/${current.id}`, { ...body, version: current.version })
      : api.post<{ scenario: StoredScenario }>(`/api/companies/${cid}/scenarios`, body),
  );
  const archive = useAction((archived: boolean) => api.post<{ scenario: StoredScenario }>(`/api/scenarios/${current!.id}/archive`, { archived }));

  /** A type or level change re-derives what the manager has not set by hand (as the server's builder does). */
  const set = (patch: Partial<Draft>, touch?: keyof Draft) => {
    setSaved(null);
    if (touch) setTouched((s) => new Set(s).add(touch));
    setDraft((d) => {
      const next = { ...d, ...patch };
      if ((patch.type && patch.type !== d.type) || (patch.level && patch.level !== d.level)) {
        const base = fromCatalogue(catalogue, next.type, next.level);
        for (const k of ['targetSkills', 'successCriteria', 'timeLimitSec', 'hintsAllowed'] as const) if (!touched.has(k) || (k === 'targetSkills' && patch.type)) (next as Record<string, unknown>)[k] = base[k];
        if (patch.type) next.personaOverrides = { ...base.personaOverrides, ...Object.fromEntries(Object.entries(d.personaOverrides).filter(([k]) => k !== 'audience')) };
      }
      return next;
    });
  };

  const submit = async () => {
    const r = await save.run(toBody(draft));
    if (!r) return;
    setCurrent(r.scenario);
    setDraft(draftOf(r.scenario.scenario));
    setSaved(r.scenario.version);
    if (!current) navigate(`/scenarios/${r.scenario.id}`, { replace: true, state: { saved: r.scenario.version } });
  };

  return (
    <>
      <PageHeader
        title={current ? t('builder.editTitle') : t('builder.newTitle')}
        subtitle={current ? t('builder.versionNote', { version: current.version }) : undefined}
        back={{ to: '/scenarios', label: t('builder.back') }}
        actions={
          <>
            {current && !current.archived && <Button onClick={() => setAssigning(true)}>{t('list.assign')}</Button>}
            {current && (
              <Button variant="ghost" busy={archive.pending} onClick={async () => { const r = await archive.run(!current.archived); if (r) setCurrent(r.scenario); }}>
                {current.archived ? t('builder.restore') : t('builder.archive')}
              </Button>
            )}
            <Button variant="primary" busy={save.pending} onClick={() => void submit()} data-testid="save-scenario">
              {current ? t('builder.save') : t('builder.create')}
            </Button>
          </>
        }
      />
      {saved !== null && <Alert tone="success">{t('builder.saved', { version: saved })}</Alert>}
      <ErrorAlert error={save.error ?? archive.error} />
      <div className="builder-grid">
        <div className="stack">
          <BasicsSection catalogue={catalogue} draft={draft} set={set} editing={current !== null} />
          <CriteriaSection catalogue={catalogue} draft={draft} set={set} />
          <OverridesSection catalogue={catalogue} draft={draft} set={set} />
        </div>
        <PreviewPanel companyId={cid} draft={toBody(draft)} agents={agents} />
      </div>
      <AssignDialog
        open={assigning}
        onClose={() => setAssigning(false)}
        companyId={cid}
        scenario={current ? { id: current.id, name: current.scenario.name, passMark: current.scenario.passMark } : null}
        agents={agents}
        teams={teams.data?.teams ?? []}
        onAssigned={() => navigate('/scenarios')}
      />
    </>
  );
}

/** Manager: create or edit a scenario, preview the customer it produces for an agent, assign it. */
export default function ScenarioBuilderPage() {
  const { scenarioId } = useParams();
  const catalogue = useQuery<Catalogue>('/api/scenario-catalogue');
  const stored = useQuery<{ scenario: StoredScenario }>(scenarioId ? `/api/scenarios/${scenarioId}` : null);
  if (scenarioId) {
    return <Async query={catalogue}>{(c) => <Async query={stored}>{(s) => <Builder key={s.scenario.id} catalogue={c} stored={s.scenario} />}</Async>}</Async>;
  }
  return <Async query={catalogue}>{(c) => <Builder catalogue={c} stored={null} />}</Async>;
}

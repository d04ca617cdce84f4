import { useState, type FormEvent } from 'react';
import { useCommonT } from '../../i18n/common.ts';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { Async, Badge, Button, Card, EmptyState, ErrorAlert, Field, PageHeader, formatDateTime, useAction, useQuery } from '../../ui/index.ts';
import { LEVELS, SCENARIO_TYPES, loadPrefs, savePrefs, type CreatedSimulation, type LevelId, type ScenarioTypeId, type SimulationSummary } from './model.ts';
import { AddressCard } from '../account/AddressCard.tsx';
import { usePracticeT } from './strings.ts';

/** Practice: prepare a new call (scenario, level, language, voice or typing, push-to-talk) and the list of past calls. */
export default function PracticePage() {
  const { t, lang } = usePracticeT();
  const common = useCommonT().t;
  const { user } = useMe();
  const navigate = useNavigate();
  const [scenarioType, setScenarioType] = useState<ScenarioTypeId>('discovery');
  const [level, setLevel] = useState<LevelId>('intermediate');
  const [language, setLanguage] = useState<'he' | 'en'>(user.locale);
  const [mode, setMode] = useState<'voice' | 'text'>('voice');
  const [engine, setEngine] = useState<'auto' | 'realtime' | 'cascade' | 'offline'>(loadPrefs().engine ?? 'auto');
  const [pushToTalk, setPushToTalk] = useState(loadPrefs().pushToTalk);
  const list = useQuery<{ simulations: SimulationSummary[] }>('/api/simulations?limit=30');
  const create = useAction((body: Record<string, unknown>) => api.post<CreatedSimulation>('/api/simulations', body));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    savePrefs({ pushToTalk, engine });
    const r = await create.run({ scenarioType, level, language, mode, ...(engine !== 'auto' ? { engine } : {}) });
    if (r) navigate(`/practice/${r.simulation.id}`, { state: { created: r, pushToTalk } });
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="stack">
        <AddressCard onlyIfUnset />
        <Card title={t('newSession')}>
          <form className="stack" onSubmit={submit} data-testid="practice-form">
            <div className="grid-2">
              <Field label={t('scenario')}>
                <select name="scenarioType" value={scenarioType} onChange={(e) => setScenarioType(e.target.value as ScenarioTypeId)}>
                  {SCENARIO_TYPES.map((s) => (
                    <option key={s} value={s}>
                      {t(`scenarios.${s}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('level')}>
                <select name="level" value={level} onChange={(e) => setLevel(e.target.value as LevelId)}>
                  {LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {t(`levels.${l}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('language')}>
                <select name="language" value={language} onChange={(e) => setLanguage(e.target.value as 'he' | 'en')}>
                  <option value="he" lang="he">עברית</option>
                  <option value="en" lang="en">English</option>
                </select>
              </Field>
              <Field label={t('mode')}>
                <select name="mode" value={mode} onChange={(e) => setMode(e.target.value as 'voice' | 'text')}>
                  <option value="voice">{t('modeVoice')}</option>
                  <option value="text">{t('modeText')}</option>
                </select>
              </Field>
              <Field label={t('engineChoice')}>
                <select name="engine" value={engine} onChange={(e) => setEngine(e.target.value as typeof engine)}>
                  <option value="auto">{t('engineAuto')}</option>
                  {mode === 'voice' && <option value="realtime">{t('call.tiers.realtime')}</option>}
                  <option value="cascade">{t('call.tiers.cascade')}</option>
                  <option value="offline">{t('call.tiers.offline')}</option>
                </select>
              </Field>
            </div>
            {mode === 'voice' && (
              <label className="row">
                <input type="checkbox" name="pushToTalk" checked={pushToTalk} onChange={(e) => setPushToTalk(e.target.checked)} />
                <span>
                  {t('pushToTalk')} <span className="muted small">— {t('pushToTalkHint')}</span>
                </span>
              </label>
            )}
            <ErrorAlert error={create.error} />
            <div className="row">
              <Button type="submit" variant="primary" busy={create.pending}>
                {t('create')}
              </Button>
            </div>
          </form>
        </Card>
        <Card title={t('history')} tight>
          <Async query={list}>
            {({ simulations }) =>
              simulations.length === 0 ? (
                <EmptyState title={t('noHistory')} />
              ) : (
                <div className="table-wrap">
                  <table className="table" data-testid="practice-history">
                    <thead>
                      <tr>
                        <th>{t('colWhen')}</th>
                        <th>{t('colScenario')}</th>
                        <th>{t('colCustomer')}</th>
                        <th>{t('colStatus')}</th>
                        <th>{t('colOutcome')}</th>
                        <th>{common('table.report')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {simulations.map((s) => (
                        <tr key={s.id}>
                          <td>{formatDateTime(s.createdAt, lang)}</td>
                          <td>{(SCENARIO_TYPES as readonly string[]).includes(s.scenarioType) ? t(`scenarios.${s.scenarioType as ScenarioTypeId}`) : s.scenarioType}</td>
                          <td>{s.personaName ?? '—'}</td>
                          <td>
                            <Badge tone={s.status === 'active' ? 'brand' : s.status === 'interrupted' ? 'warn' : undefined}>{t(`status.${s.status}`)}</Badge>
                          </td>
                          <td>{s.outcome ? t(`outcomes.${s.outcome}`) : '—'}</td>
                          <td>
                            <Link to={`/practice/${s.id}`}>{t('open')}</Link>
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
      </div>
    </>
  );
}

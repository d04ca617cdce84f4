/** The ScenarioBuilder form sections: basics, customer overrides, yes/no success criteria. */
import { Button, Card, Field, Icon } from '../../ui/index.ts';
import { checkLabel, newCheck, type Catalogue, type Check, type ScenarioDraft } from './model.ts';
import { skillLabel } from './PersonaCard.tsx';
import { useScenariosT } from './strings.ts';

export type Draft = Required<Omit<ScenarioDraft, 'language'>> & { language: ScenarioDraft['language'] };
type Overrides = Draft['personaOverrides'];
type SetDraft = (patch: Partial<Draft>, touched?: keyof Draft) => void;

export function BasicsSection({ catalogue, draft, set, editing }: { catalogue: Catalogue; draft: Draft; set: SetDraft; editing: boolean }) {
  const { t, lang } = useScenariosT();
  const spec = catalogue.levels.find((l) => l.id === draft.level)?.spec;
  const type = catalogue.types.find((x) => x.id === draft.type);
  const groups = ['weakness', 'company', 'service'] as const;
  const toggleSkill = (id: string) => {
    const has = draft.targetSkills.includes(id as Draft['targetSkills'][number]);
    const next = has ? draft.targetSkills.filter((s) => s !== id) : [...draft.targetSkills, id as Draft['targetSkills'][number]];
    set({ targetSkills: next }, 'targetSkills');
  };
  return (
    <Card title={t('builder.basics')}>
      <div className="stack">
        <Field label={t('builder.type')} hint={editing ? t('builder.typeLocked') : type?.description[lang]}>
          <select className="select" name="type" value={draft.type} disabled={editing} onChange={(e) => set({ type: e.target.value as Draft['type'] })}>
            {groups.map((g) => (
              <optgroup key={g} label={t(`builder.groups.${g}`)}>
                {catalogue.types.filter((x) => x.group === g).map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.label[lang]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        {type && (
          <p className="small">
            <strong>{t('builder.goal')}:</strong> {type.goal[lang]}
          </p>
        )}
        <div className="field">
          <span className="field-label">{t('builder.level')}</span>
          <div className="radio-row" role="radiogroup" aria-label={t('builder.level')}>
            {catalogue.levels.map((l) => (
              <label key={l.id} className="radio-pill">
                <input type="radio" name="level" value={l.id} checked={draft.level === l.id} onChange={() => set({ level: l.id })} />
                <span>{l.label[lang]}</span>
              </label>
            ))}
          </div>
          {spec && (
            <span className="field-hint">
              {t('builder.levelSpec', { objections: spec.objectionCount, patience: Math.round(spec.patience * 100), hints: spec.hintsAllowed, minutes: Math.round(spec.timeLimitSec / 60) })}
            </span>
          )}
        </div>
        <div className="form-grid">
          <Field label={t('builder.name')} hint={t('builder.nameHint')} optional>
            <input className="input" name="name" value={draft.name} maxLength={200} onChange={(e) => set({ name: e.target.value }, 'name')} />
          </Field>
          <Field label={t('builder.language')}>
            <select className="select" name="language" value={draft.language ?? ''} onChange={(e) => set({ language: (e.target.value || null) as Draft['language'] })}>
              <option value="">{t('builder.companyLanguage')}</option>
              <option value="he">עברית</option>
              <option value="en" lang="en">English</option>
            </select>
          </Field>
        </div>
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="field-label">{t('builder.targets')}</legend>
          <div className="chip-set">
            {catalogue.skills.map((s) => (
              <label key={s.id} className="radio-pill">
                <input type="checkbox" name="targetSkills" value={s.id} checked={draft.targetSkills.includes(s.id)} onChange={() => toggleSkill(s.id)} />
                <span>{s.label[lang]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-grid">
          <Field label={t('builder.timeLimit')}>
            <input className="input" type="number" name="timeLimit" min={1} max={60} value={Math.round(draft.timeLimitSec / 60)} onChange={(e) => set({ timeLimitSec: Math.max(60, Number(e.target.value) * 60) }, 'timeLimitSec')} />
          </Field>
          <Field label={t('builder.hints')}>
            <input className="input" type="number" name="hints" min={0} max={20} value={draft.hintsAllowed} onChange={(e) => set({ hintsAllowed: Number(e.target.value) }, 'hintsAllowed')} />
          </Field>
          <Field label={t('builder.passMark')} hint={t('builder.passMarkHint')}>
            <input className="input" type="number" name="passMark" min={0} max={100} value={draft.passMark} onChange={(e) => set({ passMark: Math.max(0, Math.min(100, Math.round(Number(e.target.value) || 0))) })} />
          </Field>
        </div>
        <Field label={t('builder.notes')} optional>
          <textarea className="textarea" name="notes" rows={2} maxLength={2000} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} />
        </Field>
      </div>
    </Card>
  );
}

/** Enum overrides as selects with "automatic"; numbers as small selects. */
export function OverridesSection({ catalogue, draft, set }: { catalogue: Catalogue; draft: Draft; set: SetDraft }) {
  const { t, lang } = useScenariosT();
  const o = draft.personaOverrides;
  const put = (patch: Overrides) => {
    const next: Record<string, unknown> = { ...o, ...patch };
    for (const [k, v] of Object.entries(next)) if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[k];
    set({ personaOverrides: next as Overrides });
  };
  const num = (v: string) => (v === '' ? undefined : Number(v));
  const kinds = o.objectionKinds ?? [];
  const custom = o.customObjections ?? [];
  return (
    <Card title={t('builder.overrides')}>
      <div className="stack">
        <p className="muted small">{t('builder.overridesHint')}</p>
        <div className="form-grid">
          <Field label={t('builder.emotion')}>
            <select className="select" name="emotion" value={o.emotion ?? ''} onChange={(e) => put({ emotion: (e.target.value || undefined) as Overrides['emotion'] })}>
              <option value="">{t('builder.auto')}</option>
              {catalogue.emotions.map((x) => <option key={x.id} value={x.id}>{x.label[lang]}</option>)}
            </select>
          </Field>
          <Field label={t('builder.archetype')}>
            <select className="select" name="archetype" value={o.archetype ?? ''} onChange={(e) => put({ archetype: (e.target.value || undefined) as Overrides['archetype'] })}>
              <option value="">{t('builder.auto')}</option>
              {catalogue.archetypes.map((x) => <option key={x.id} value={x.id}>{x.label[lang]}</option>)}
            </select>
          </Field>
          <Field label={t('builder.audience')}>
            <select className="select" name="audience" value={o.audience ?? ''} onChange={(e) => put({ audience: (e.target.value || undefined) as Overrides['audience'] })}>
              <option value="">{t('builder.auto')}</option>
              <option value="B2C">B2C</option>
              <option value="B2B">B2B</option>
            </select>
          </Field>
          <Field label={t('builder.patience')}>
            <select className="select" name="patience" value={o.patience ?? ''} onChange={(e) => put({ patience: num(e.target.value) })}>
              <option value="">{t('builder.auto')}</option>
              {[0.25, 0.5, 0.75].map((v) => <option key={v} value={v}>{Math.round(v * 100)}%</option>)}
            </select>
          </Field>
          <Field label={t('builder.objectionCount')}>
            <select className="select" name="objectionCount" value={o.objectionCount ?? ''} onChange={(e) => put({ objectionCount: num(e.target.value) })}>
              <option value="">{t('builder.auto')}</option>
              {[0, 1, 2, 3, 4, 5, 6].map((v) => <option key={v} value={v}>{v}</option>)}
            </select>
          </Field>
          <Field label={t('builder.closeAttempts')}>
            <select className="select" name="closeAttempts" value={o.closeAttemptsRequired ?? ''} onChange={(e) => put({ closeAttemptsRequired: num(e.target.value) })}>
              <option value="">{t('builder.auto')}</option>
              {[1, 2, 3, 4, 5, 6].map((v) => <option key={v} value={v}>{v}</option>)}
            </select>
          </Field>
          <Field label={t('builder.turnRhythm')} hint={t(`builder.turnRhythmHint.${o.turnRhythm ?? 'auto'}`)}>
            <select className="select" name="turnRhythm" value={o.turnRhythm ?? ''} onChange={(e) => put({ turnRhythm: (e.target.value || undefined) as Overrides['turnRhythm'] })}>
              <option value="">{t('builder.auto')}</option>
              {(['eager', 'natural', 'hesitant', 'window'] as const).map((r) => <option key={r} value={r}>{t(`builder.turnRhythms.${r}`)}</option>)}
            </select>
          </Field>
          <Field label={t('builder.personaName')} optional>
            <input className="input" name="personaName" value={o.name ?? ''} maxLength={80} onChange={(e) => put({ name: e.target.value || undefined })} />
          </Field>
          <Field label={t('builder.age')} optional>
            <input className="input" type="number" name="age" min={18} max={95} value={o.age ?? ''} onChange={(e) => put({ age: num(e.target.value) })} />
          </Field>
        </div>
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="field-label">{t('builder.objectionKinds')}</legend>
          <div className="chip-set">
            {catalogue.objectionKinds.map((k) => {
              const i = kinds.indexOf(k.id);
              return (
                <label key={k.id} className="radio-pill">
                  <input type="checkbox" name="objectionKinds" value={k.id} checked={i >= 0} onChange={() => put({ objectionKinds: i >= 0 ? kinds.filter((x) => x !== k.id) : [...kinds, k.id] })} />
                  <span>{i >= 0 ? `${i + 1}. ` : ''}{k.label[lang]}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
        <div className="field">
          <span className="field-label">{t('builder.customObjections')}</span>
          <div className="stack-sm">
            {custom.map((c, i) => (
              <div key={i} className="row">
                <select className="select" aria-label={t('list.type')} value={c.kind} style={{ maxInlineSize: 150 }} onChange={(e) => put({ customObjections: custom.map((x, j) => (j === i ? { ...x, kind: e.target.value as typeof c.kind } : x)) })}>
                  {catalogue.objectionKinds.map((k) => <option key={k.id} value={k.id}>{k.label[lang]}</option>)}
                </select>
                <input className="input grow" dir="auto" aria-label={t('builder.customObjection')} value={c.text} maxLength={500} onChange={(e) => put({ customObjections: custom.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })} />
                <Button size="sm" variant="ghost" aria-label={t('builder.remove')} onClick={() => put({ customObjections: custom.filter((_, j) => j !== i) })}>
                  <Icon name="trash" size={16} />
                </Button>
              </div>
            ))}
            {custom.length < 6 && (
              <div>
                <Button size="sm" onClick={() => put({ customObjections: [...custom, { kind: 'price', text: '' }] })}>
                  <Icon name="plus" size={16} /> {t('builder.addObjection')}
                </Button>
              </div>
            )}
          </div>
        </div>
      </div>
    </Card>
  );
}

/** Yes/no checks: type, its number (if any) and the skill it evidences; the sentence is shown as it will read. */
export function CriteriaSection({ catalogue, draft, set }: { catalogue: Catalogue; draft: Draft; set: SetDraft }) {
  const { t, lang } = useScenariosT();
  const list = draft.successCriteria;
  const update = (next: Draft['successCriteria']) => set({ successCriteria: next }, 'successCriteria');
  const setCheck = (i: number, check: Check) => update(list.map((c, j) => (j === i ? { ...c, check } : c)));
  const unused = catalogue.checks.find((c) => !list.some((x) => x.check.type === c.type));
  return (
    <Card title={t('builder.criteria')}>
      <div className="stack">
        <p className="muted small">{t('builder.criteriaHint')}</p>
        <ul className="stack-sm" style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="criteria">
          {list.map((c, i) => {
            const entry = catalogue.checks.find((x) => x.type === c.check.type);
            const param = entry?.param;
            const value = param ? ((c.check as Record<string, unknown>)[param.name] as number) : undefined;
            return (
              <li key={i} className="check-row">
                <select className="select" aria-label={checkLabel(catalogue, c.check, lang)} value={c.check.type} onChange={(e) => setCheck(i, newCheck(catalogue, e.target.value as Check['type']))}>
                  {catalogue.checks.map((x) => (
                    <option key={x.type} value={x.type}>
                      {x.type === c.check.type ? checkLabel(catalogue, c.check, lang) : x.template[lang].replace('{{n}}', '…')}
                    </option>
                  ))}
                </select>
                {param ? (
                  <input
                    className="input"
                    type="number"
                    aria-label={param.name}
                    min={param.name === 'ratio' ? param.min * 100 : param.min}
                    max={param.name === 'ratio' ? param.max * 100 : param.max}
                    step={param.name === 'ratio' ? 5 : param.step}
                    value={param.name === 'ratio' ? Math.round((value ?? 0) * 100) : value}
                    onChange={(e) => setCheck(i, { ...c.check, [param.name]: param.name === 'ratio' ? Number(e.target.value) / 100 : Number(e.target.value) } as Check)}
                  />
                ) : (
                  <span />
                )}
                <select className="select" aria-label={t('builder.skillOf')} value={c.skill ?? ''} onChange={(e) => update(list.map((x, j) => (j === i ? { ...x, skill: (e.target.value || undefined) as typeof x.skill } : x)))}>
                  <option value="">—</option>
                  {catalogue.skills.map((s) => <option key={s.id} value={s.id}>{skillLabel(s.id, lang)}</option>)}
                </select>
                <Button size="sm" variant="ghost" aria-label={t('builder.remove')} onClick={() => update(list.filter((_, j) => j !== i))}>
                  <Icon name="trash" size={16} />
                </Button>
              </li>
            );
          })}
        </ul>
        {list.length < 12 && unused && (
          <div>
            <Button size="sm" onClick={() => update([...list, { check: newCheck(catalogue, unused.type) }])}>
              <Icon name="plus" size={16} /> {t('builder.addCheck')}
            </Button>
          </div>
        )}
      </div>
    </Card>
  );
}

/**
 * The AI customer as a card: who they are, how they talk, and — the traceability — which of the agent's
 * weaknesses they press on and how. `reveal="agent"` hides what the agent must discover in the call
 * (objection lines, hidden needs, conversion triggers); managers see everything. Reused by the practice page.
 */
import type { CustomerPersona } from './model.ts';
import { useScenariosT } from './strings.ts';
import { MOOD_WORDS, word } from '../../../i18n/index.ts';
import './scenarios.css';

const SKILL_LABELS: Record<string, { he: string; en: string }> = {
  opening: { he: 'פתיחת שיחה', en: 'Opening' },
  discovery: { he: 'בירור צרכים', en: 'Discovery' },
  rapport: { he: 'יצירת קשר ואמון', en: 'Rapport' },
  listening: { he: 'הקשבה', en: 'Listening' },
  objection_handling: { he: 'טיפול בהתנגדויות', en: 'Objection handling' },
  product_knowledge: { he: 'ידע במוצר', en: 'Product knowledge' },
  closing: { he: 'סגירה וצעדים הבאים', en: 'Closing and next steps' },
};
const KINDS: Record<string, { he: string; en: string }> = {
  price: { he: 'מחיר', en: 'Price' },
  timing: { he: 'תזמון', en: 'Timing' },
  trust: { he: 'אמון', en: 'Trust' },
  competitor: { he: 'מתחרה', en: 'Competitor' },
  authority: { he: 'סמכות', en: 'Authority' },
  no_need: { he: 'אין צורך', en: 'No need' },
};

export const skillLabel = (id: string, lang: 'he' | 'en') => SKILL_LABELS[id]?.[lang] ?? id;

function Meter({ label, value }: { label: string; value: number }) {
  const pct = Math.round(value * 100);
  return (
    <div className="pc-meter" title={`${pct}%`}>
      <span>{label}</span>
      <span className="pc-meter-track" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={label}>
        <span className="pc-meter-fill" style={{ inlineSize: `${pct}%` }} />
      </span>
    </div>
  );
}

/** "Targets X because … / how": one line per targeted skill. */
export function PersonaTargeting({ persona }: { persona: CustomerPersona }) {
  const { t, lang } = useScenariosT();
  return (
    <ul className="pc-targets" data-testid="persona-targets">
      {persona.targets.map((x) => (
        <li key={x.skill} data-skill={x.skill}>
          <div className="row">
            <strong>{skillLabel(x.skill, lang)}</strong>
            <span className={x.weakness !== null ? 'badge badge-warn' : 'badge'}>
              {x.weakness !== null ? t('persona.weakness', { pct: Math.round(x.weakness * 100) }) : t('persona.scenarioChose')}
            </span>
          </div>
          <p dir="auto">{x.how}</p>
        </li>
      ))}
    </ul>
  );
}

export function PersonaCard({ persona, reveal = 'full' }: { persona: CustomerPersona; reveal?: 'full' | 'agent' }) {
  const { t, lang } = useScenariosT();
  const p = persona;
  const full = reveal === 'full';
  return (
    <article className="persona-card" lang={p.language} data-testid="persona-card" aria-label={p.name}>
      <header className="pc-head">
        <div className="avatar pc-avatar" aria-hidden="true">
          {p.name.slice(0, 1)}
        </div>
        <div className="grow">
          <h3 dir="auto">{p.name}</h3>
          <p className="muted small" dir="auto">
            {t(p.gender === 'female' ? 'persona.ageF' : 'persona.age', { age: p.age })} · {p.role}
            {p.organization ? ` · ${p.organization}` : ''}
          </p>
        </div>
        <span className="badge badge-brand">{word(MOOD_WORDS, p.emotion.baseline, lang, p.gender)}</span>
      </header>
      <p dir="auto">{p.background}</p>
      <p dir="auto" className="muted">{p.currentSituation}</p>
      <div className="row pc-traits">
        {p.personality.traits.map((tr) => (
          <span key={tr} className="badge" dir="auto">
            {tr}
          </span>
        ))}
      </div>
      {p.opening.resistant && p.opening.reasonDeadlineSec !== null && <p className="small">{t('persona.resistantOpening', { sec: p.opening.reasonDeadlineSec })}</p>}

      <section>
        <h4>{t('persona.targets')}</h4>
        <PersonaTargeting persona={p} />
      </section>

      <section>
        <h4>{t('persona.communication')}</h4>
        <div className="pc-meters">
          <Meter label={t('persona.talkativeness')} value={p.communication.talkativeness} />
          <Meter label={t('persona.directness')} value={p.communication.directness} />
          <Meter label={t('persona.patience')} value={p.communication.patience} />
          <Meter label={t('persona.interrupts')} value={p.communication.interruptTendency} />
        </div>
      </section>

      {full && p.objections.length > 0 && (
        <section>
          <h4>{t('persona.objections')}</h4>
          <ol className="pc-list" data-testid="persona-objections">
            {[...p.objections].sort((a, b) => a.order - b.order).map((o) => (
              <li key={o.id}>
                <span className="badge">{KINDS[o.kind]?.[lang] ?? o.kind}</span>{' '}
                <q dir="auto">{o.text}</q>
                <span className="muted small">
                  {' '}
                  · {t('persona.intensity', { pct: Math.round(o.intensity * 100) })} · {t(`persona.sources.${o.source}`)}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {full && p.hiddenNeeds.length > 0 && (
        <section>
          <h4>{t('persona.hiddenNeeds')}</h4>
          <ul className="pc-list">
            {p.hiddenNeeds.map((n) => (
              <li key={n.id} dir="auto">
                {n.need}
              </li>
            ))}
          </ul>
        </section>
      )}
      {full && p.conversionTriggers.length > 0 && (
        <section>
          <h4>{t('persona.triggers')}</h4>
          <ul className="pc-list">
            {p.conversionTriggers.map((c) => (
              <li key={c.id} dir="auto">
                {c.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h4>{t('persona.decision')}</h4>
        <p className="small" dir="auto">
          {p.decision.budget.text} · {p.decision.timeline}
          {full && <> · {t('persona.closeAttempts', { count: p.decision.closeAttemptsRequired })}</>}
        </p>
        {full && p.competitor && <p className="small">{t('persona.competitor', { name: p.competitor.name, offer: p.competitor.offer })}</p>}
      </section>
      {p.stakeholders.length > 0 && (
        <section>
          <h4>{t('persona.stakeholders')}</h4>
          <ul className="pc-list">
            {p.stakeholders.map((s) => (
              <li key={s.name} dir="auto">
                <strong>{s.name}</strong>, {s.role}
                {full ? ` — ${s.priority}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer className="muted small">
        {t('persona.provenance', { company: p.provenance.companyName, version: p.provenance.questionnaireVersion, calls: p.provenance.callsUsed })}
      </footer>
    </article>
  );
}

/**
 * A practice call's report: overall score and outcome (with how the score is made), skills against the pass
 * mark and the proficient line, the scenario's yes/no criteria, three improvements, evidence quotes, metrics
 * against benchmarks, targeted weaknesses, difficulty timeline, hints and latency — and the sharing control.
 */
import { useParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { Alert, Async, Badge, Button, Card, EmptyState, ErrorAlert, PageHeader, formatDateTime, formatNumber, useAction, useQuery } from '../../ui/index.ts';
import { formatMs } from '../../../i18n/index.ts';
import { SKILL_LABELS, proficiencyTier } from '../../../analysis/taxonomy.ts';
import { usePracticeT } from '../practice/strings.ts';
import { useCoachingT } from './strings.ts';
import type { ReportResponse, SessionReport } from './types.ts';
import { CallTimelines } from './CallTimelines.tsx';
import './coaching.css';

type Quote = { text: string; startSec: number; speaker: 'agent' | 'customer' };
const clock = (sec: number) => `${Math.floor(sec / 60)}:${String(Math.round(sec % 60)).padStart(2, '0')}`;
const TIER_CLASS = { excellent: 'tier-excellent', proficient: 'tier-proficient', developing: 'tier-developing', needs_work: 'tier-needs' } as const;

export default function ReportPage() {
  const { simulationId = '' } = useParams();
  const { t, lang } = useCoachingT();
  const p = usePracticeT().t;
  const q = useQuery<ReportResponse>(`/api/simulations/${simulationId}/report`);
  return (
    <Async query={q}>
      {(d) => {
        const r = d.report;
        const scenario = p(`scenarios.${d.scenarioType as 'discovery'}`);
        return (
          <>
            <PageHeader
              title={t('report.title')}
              subtitle={`${scenario} · ${p(`levels.${d.level as 'intermediate'}`)} · ${formatDateTime(d.createdAt, lang)}`}
              back={{ to: `/practice/${simulationId}`, label: t('report.back') }}
            />
            <div className="stack" dir={lang === 'he' ? 'rtl' : 'ltr'}>
              <ShareCard d={d} onChange={(patch) => q.setData({ ...d, ...patch })} />
              <div className="report-top">
                <Card title={t('report.score')}>
                  {r.overallScore === null ? (
                    <>
                      <div className="score-big" data-testid="overall-score" data-score="none">{t('report.noScore')}</div>
                      <p className="small" dir="auto" data-testid="no-score-reason">{r.noScoreReason}</p>
                    </>
                  ) : (
                    <>
                      <div className={`score-big ${TIER_CLASS[proficiencyTier(r.overallScore)]}`} data-testid="overall-score">{Math.round(r.overallScore)}</div>
                      <p className="small muted" data-testid="score-formula">
                        {t('report.formula')}:{' '}
                        {r.scoreBreakdown.criteria === null
                          ? t('report.formulaNoCriteria', { skills: r.scoreBreakdown.skills, outcome: r.scoreBreakdown.outcome })
                          : t('report.formulaCriteria', { skills: r.scoreBreakdown.skills, criteria: r.scoreBreakdown.criteria, outcome: r.scoreBreakdown.outcome })}
                      </p>
                    </>
                  )}
                </Card>
                <Card title={t('report.outcome')}>
                  <Badge tone={r.outcome === 'converted' || r.outcome === 'next_step' ? 'ok' : 'danger'}>{t(`outcomes.${r.outcome}`)}</Badge>
                  <p className="small" dir="auto">{r.outcomeReason}</p>
                  <p className="small muted">{t('report.duration')}: {clock(r.durationSec)}</p>
                </Card>
                <Card title={t('report.voiceConfidence')}>
                  <div className="score-big">{r.voiceConfidence === null ? '—' : `${Math.round(r.voiceConfidence * 100)}%`}</div>
                  {r.voiceConfidence === null && <p className="small muted">{t('report.noVoice')}</p>}
                </Card>
              </div>
              <Card title={t('report.improvements')}>
                <ol className="improvements" data-testid="improvements" dir="auto">
                  {r.improvements.map((x, i) => <li key={i}>{x}</li>)}
                </ol>
              </Card>
              <div className="grid-2">
                <Card title={t('report.skills')}>
                  <SkillBars report={r} />
                </Card>
                <Card title={t('report.criteria')}>
                  <Criteria report={r} />
                </Card>
              </div>
              <Findings report={r} />
              <div className="grid-2">
                <Card title={t('report.metrics')} tight>
                  <Benchmarks report={r} />
                </Card>
                <Card title={t('report.targeted')}>
                  <Targeted report={r} />
                </Card>
              </div>
              <CallTimelines simulationId={simulationId} report={r} />
              <Card title={t('report.difficultyTimeline')}>
                <DifficultyTimeline report={r} />
              </Card>
              <Card title={t('report.hints')}>
                {r.hints.length === 0 ? <p className="muted">{t('report.noHints')}</p> : (
                  <ul className="criteria">
                    {r.hints.map((h, i) => (
                      <li key={i}><span className="muted small">{clock(h.shownAtSec)}</span> <span dir="auto">{h.text}</span></li>
                    ))}
                  </ul>
                )}
              </Card>
              {r.quotesDropped > 0 && <p className="small muted">{t('report.quotesDropped', { n: r.quotesDropped })}</p>}
              {/* developer timings: collapsed, out of the coaching content */}
              <details className="technical card" data-testid="technical">
                <summary>{t('report.technical')}</summary>
                <h3 className="small">{t('report.latency')}</h3>
                <Latency report={r} />
              </details>
            </div>
          </>
        );
      }}
    </Async>
  );
}

/** The agent's sharing control, or (for a manager) nothing. */
function ShareCard({ d, onChange }: { d: ReportResponse; onChange: (patch: Partial<ReportResponse>) => void }) {
  const { t, lang } = useCoachingT();
  const { user } = useMe();
  const share = useAction((shared: boolean) => api.post<{ sharedWithManager: boolean; sharedAt: string | null }>(`/api/simulations/${d.simulationId}/report/share`, { shared }));
  if (user?.id !== d.agentUserId) return null;
  const toggle = async (shared: boolean) => {
    const r = await share.run(shared);
    if (r) onChange({ sharedWithManager: r.sharedWithManager, sharedAt: r.sharedAt, privateUntil: r.sharedWithManager ? null : d.privateUntil });
  };
  const text = d.sharedWithManager ? t('report.shared') : d.privateUntil ? t('report.privateUntil', { t: formatDateTime(d.privateUntil, lang) }) : t('report.visible');
  return (
    <Alert
      tone={d.sharedWithManager || !d.privateUntil ? 'info' : 'warning'}
      title={t('report.share')}
      actions={
        d.sharedWithManager ? (
          <Button size="sm" busy={share.pending} onClick={() => void toggle(false)} data-testid="unshare">{t('report.unshare')}</Button>
        ) : d.privateUntil ? (
          <Button size="sm" variant="primary" busy={share.pending} onClick={() => void toggle(true)} data-testid="share">{t('report.shareNow')}</Button>
        ) : undefined
      }
    >
      <span data-testid="share-state">{text}</span>
      <ErrorAlert error={share.error} />
    </Alert>
  );
}

function SkillBars({ report: r }: { report: SessionReport }) {
  const { t, lang } = useCoachingT();
  const data = r.skills.map((s) => ({ name: SKILL_LABELS[s.id][lang], score: Math.round(s.score) }));
  if (data.length === 0) return <EmptyState title="—" />;
  const color = (v: number) => (v >= 75 ? 'var(--c-ok)' : v >= 50 ? 'var(--c-warn-bar)' : 'var(--c-danger-bar)');
  return (
    <div className="chart-box" data-testid="skill-chart">
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} />
          <YAxis type="category" dataKey="name" width={120} orientation={lang === 'he' ? 'right' : 'left'} reversed={false} />
          <Tooltip />
          <ReferenceLine x={70} stroke="var(--c-text-2)" strokeDasharray="4 3" label={{ value: t('report.passLine'), position: 'top', fontSize: 11 }} />
          <ReferenceLine x={75} stroke="var(--c-ok)" strokeDasharray="2 2" />
          <Bar dataKey="score" radius={[0, 4, 4, 0]} isAnimationActive={false} minPointSize={3}>
            {data.map((d, i) => <Cell key={i} fill={color(d.score)} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <p className="small muted">{r.skillsNotExercised.length > 0 && `${t('report.notExercised')}: ${r.skillsNotExercised.map((s) => SKILL_LABELS[s][lang]).join(', ')}`}</p>
    </div>
  );
}

function Criteria({ report: r }: { report: SessionReport }) {
  const { t } = useCoachingT();
  if (r.criteria.length === 0) return <p className="muted">—</p>;
  return (
    <ul className="criteria" data-testid="criteria">
      {r.criteria.map((c) => (
        <li key={c.id}>
          <span className={c.passed ? 'crit-pass' : 'crit-fail'}>{c.passed ? '✓' : '✗'}</span>
          <div>
            <strong>{c.label}</strong> <span className="small muted">({c.passed ? t('report.passed') : t('report.failed')})</span>
            <div className="small" dir="auto">{c.detail}</div>
            <Quotes quotes={c.evidence.slice(0, 1)} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Weaknesses (what was missing and when, the agent's line, the customer's words as context) and strengths; an empty card says why. */
function Findings({ report: r }: { report: SessionReport }) {
  const { t, lang } = useCoachingT();
  if (r.overallScore === null) return null;
  return (
    <div className="grid-2" data-testid="evidence">
      <Card title={t('report.weaknesses')}>
        {r.weaknesses.length === 0 && <p className="muted" data-testid="no-weaknesses">{t('report.noWeaknesses')}</p>}
        <ul className="criteria" data-testid="weaknesses">
          {r.weaknesses.map((w, i) => (
            <li key={i}>
              <div>
                <strong>{SKILL_LABELS[w.skill][lang]}</strong> <Badge tone={w.severity >= 0.6 ? 'danger' : 'warn'}>{Math.round(w.severity * 100)}%</Badge>
                <p dir="auto">{withoutSkill(w.description, SKILL_LABELS[w.skill][lang])}</p>
                {w.context && w.context.length > 0 && (
                  <p className="small muted" data-testid="weakness-context">
                    {t('report.afterCustomer')}:{' '}
                    {w.context.map((c, k) => (
                      <span key={k}>
                        {k > 0 && ' · '}
                        <q dir="auto">{c.text}</q>
                      </span>
                    ))}
                  </p>
                )}
                <Quotes quotes={w.quotes} />
              </div>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t('report.strengths')}>
        {r.strengths.length === 0 && <p className="muted" data-testid="no-strengths">{t('report.noStrengths')}</p>}
        <ul className="criteria" data-testid="strengths">
          {r.strengths.map((s, i) => (
            <li key={i}>
              <div>
                <strong>{SKILL_LABELS[s.skill][lang]}</strong>
                <p dir="auto">{withoutSkill(s.description, SKILL_LABELS[s.skill][lang])}</p>
                <Quotes quotes={s.quotes} />
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

/** A finding's text without the skill name it starts with (the card already shows it as the heading). */
const withoutSkill = (text: string, skill: string) => (text.startsWith(`${skill}: `) ? text.slice(skill.length + 2) : text);

function Quotes({ quotes }: { quotes: Quote[] }) {
  const { user } = useMe();
  // the agent reads their own quotes: "you" in their gender (Hebrew)
  const youKey = user.gender === 'female' ? 'report.youFemale' : 'report.you';
  const { t } = useCoachingT();
  if (quotes.length === 0) return null;
  return (
    <div className="stack-sm">
      {quotes.map((q, i) => (
        <blockquote key={i} className="quote" dir="auto" data-testid="quote">
          <span className="quote-meta">{clock(q.startSec)} · {q.speaker === 'agent' ? t(youKey) : t('report.customer')}</span>“{q.text}”
        </blockquote>
      ))}
    </div>
  );
}

/** A benchmark value in the reader's units ("43%", "1.2 שנ׳", "3 לדקה"), never the raw unit name. */
function benchValue(value: number, unit: string, lang: 'he' | 'en', t: ReturnType<typeof useCoachingT>['t']): string {
  if (unit === 'ms') return formatMs(value, lang);
  const n = unit === 'ratio' ? Math.round(value * 100) : Math.round(value * 10) / 10;
  const u = unit === 'ratio' || unit === 'count' || unit === 'wpm' || unit === 'per_min' ? unit : 'count';
  return t(`report.units.${u}`, { n: formatNumber(n, lang) });
}

/** The benchmark column, from the row's id (a stored report's English text is not shown). */
function benchTarget(b: SessionReport['benchmarks'][number], t: ReturnType<typeof useCoachingT>['t']): string {
  const known = ['talkRatio', 'objectionPauseMs', 'questions', 'wordsPerMin', 'longestMonologueMs', 'fillersPerMin', 'interruptions', 'latencyP50Ms', 'latencyP95Ms'];
  if (!known.includes(b.id)) return '';
  return t(`report.targets.${b.id as 'talkRatio'}`, { target: Number(/(\d+)/.exec(b.benchmark)?.[1] ?? 11) });
}

function Benchmarks({ report: r }: { report: SessionReport }) {
  const { t, lang } = useCoachingT();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr><th>{t('report.metric')}</th><th className="num">{t('report.value')}</th><th>{t('report.benchmark')}</th></tr>
        </thead>
        <tbody>
          {r.benchmarks.map((b) => (
            <tr key={b.id}>
              <td>{b.label}</td>
              <td className={`num nowrap status-${b.status}`}><bdi>{benchValue(b.value, b.unit, lang, t)}</bdi></td>
              <td className="small muted">{benchTarget(b, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Targeted({ report: r }: { report: SessionReport }) {
  const { t, lang } = useCoachingT();
  return (
    <ul className="criteria">
      {r.targeted.map((x) => (
        <li key={x.skill}>
          <Badge tone={x.verdict === 'strong' ? 'ok' : x.verdict === 'needs_work' ? 'danger' : x.verdict === 'ok' ? 'brand' : undefined}>{t(`verdicts.${x.verdict}`)}</Badge>
          <div>
            <strong>{SKILL_LABELS[x.skill][lang]}</strong> {x.score !== null && <span className="muted">({Math.round(x.score)})</span>}
            <div className="small" dir="auto">{x.exercised ? x.how : t('report.notExercised')}</div>
          </div>
        </li>
      ))}
    </ul>
  );
}

const MODE_Y: Record<string, number> = { supportive: -1, neutral: 0, challenging: 1 };

function DifficultyTimeline({ report: r }: { report: SessionReport }) {
  const { t, lang } = useCoachingT();
  if (r.difficulty.length === 0) return <p className="muted" data-testid="difficulty-timeline">{t('report.noDifficulty')}</p>;
  const first = r.difficulty[0];
  const points = [{ at: 0, y: MODE_Y[first.from] ?? 0 }, ...r.difficulty.map((d) => ({ at: Math.round(d.atSec), y: MODE_Y[d.to] ?? 0 })), { at: Math.round(r.durationSec), y: MODE_Y[r.difficulty.at(-1)!.to] ?? 0 }];
  const label = (y: number) => t(`modes.${y > 0 ? 'challenging' : y < 0 ? 'supportive' : 'neutral'}`);
  return (
    <div data-testid="difficulty-timeline">
      <div className="chart-box" style={{ blockSize: 160 }}>
        <ResponsiveContainer>
          <LineChart data={points} margin={{ left: 8, right: 16, top: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="at" type="number" domain={[0, Math.max(1, Math.round(r.durationSec))]} tickFormatter={clock} />
            <YAxis domain={[-1, 1]} ticks={[-1, 0, 1]} tickFormatter={label} width={70} />
            <Line type="stepAfter" dataKey="y" stroke="var(--c-brand)" strokeWidth={2} dot isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ul className="criteria small">
        {r.difficulty.map((d, i) => (
          <li key={i}><span className="muted">{clock(d.atSec)}</span> <span className={`mode-chip mode-${d.to}`}>{label(MODE_Y[d.to] ?? 0)}</span> <span>{d.reason[lang]}</span></li>
        ))}
      </ul>
    </div>
  );
}

function Latency({ report: r }: { report: SessionReport }) {
  const { t } = useCoachingT();
  const l = r.latency;
  if (l.turns === 0 || l.p50Ms === null) return <p className="muted">{t('report.noLatency')}</p>;
  const data = [
    { name: t('report.latencyEndOfTurn'), ms: l.endOfTurnP50Ms ?? 0 },
    { name: t('report.latencyFirstText'), ms: l.firstTextP50Ms ?? 0 },
    { name: t('report.latencyP50'), ms: l.p50Ms },
    { name: t('report.latencyP95'), ms: l.p95Ms ?? 0 },
  ];
  return (
    <div className="chart-box" style={{ blockSize: 200 }} data-testid="latency-chart">
      <ResponsiveContainer>
        <BarChart data={data} margin={{ left: 8, right: 16, top: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" fontSize={11} />
          <YAxis unit=" ms" width={70} />
          <Tooltip />
          <ReferenceLine y={800} stroke="var(--c-warn)" strokeDasharray="4 3" label={{ value: '800 ms', position: 'insideTopRight', fontSize: 11 }} />
          <Bar dataKey="ms" fill="var(--c-brand)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

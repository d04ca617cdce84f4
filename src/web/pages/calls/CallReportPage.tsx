import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../api.ts';
import { Alert, Async, Badge, Button, Card, ConfirmDialog, ErrorAlert, PageHeader, formatDateTime, formatNumber, useAction, useQuery } from '../../ui/index.ts';
import { useCallsT } from './strings.ts';
import { CALL_TYPE_LABELS, SKILL_LABELS, proficiencyTier, type CallType } from './labels.ts';
import { IN_PROGRESS, type CallDetail, type MetricRating } from './types.ts';
import { ProcessingBar } from './UploadPage.tsx';
import { ScorePill } from './CallsPage.tsx';
import { clock } from './upload.ts';
import { useMe } from '../../auth.tsx';
import { PractiseWeaknessButton } from './PractiseWeakness.tsx';
import { ANALYZER_WORDS, OBJECTION_KIND_WORDS, ROLE_METHOD_WORDS, formatSeconds, word } from '../../../i18n/index.ts';
import './calls.css';

type Quote = { text: string; startSec: number; speaker: 'agent' | 'customer' };

/** One call's report: scores, metrics against benchmarks, strengths and weaknesses with quotes that play the audio. */
export default function CallReportPage() {
  const { callId } = useParams();
  const { t, lang } = useCallsT();
  const navigate = useNavigate();
  const { user } = useMe();
  const q = useQuery<CallDetail>(`/api/calls/${callId}`);
  const audio = useRef<HTMLAudioElement>(null);
  const [now, setNow] = useState(0);
  const [confirm, setConfirm] = useState(false);
  const del = useAction(() => api.del(`/api/calls/${callId}`));
  const retry = useAction(() => api.post(`/api/calls/${callId}/retry`));
  const busy = q.data && IN_PROGRESS.includes(q.data.call.status);
  useEffect(() => {
    if (!busy) return;
    const id = setInterval(() => void q.reload(), 1500);
    return () => clearInterval(id);
  }, [busy, q]);

  const seek = (sec: number) => {
    const a = audio.current;
    if (!a) return;
    a.currentTime = Math.max(0, sec - 0.3);
    void a.play().catch(() => {});
  };

  return (
    <Async query={q}>
      {(d) => {
        const a = d.report?.analysis;
        const title = d.call.title;
        return (
          <>
            <PageHeader
              title={title}
              back={{ to: '/calls', label: t('report.back') }}
              subtitle={
                <>
                  {formatDateTime(d.call.createdAt, lang)}
                  {d.call.agentName ? ` · ${d.call.agentName}` : ''}
                  {d.call.callType ? ` · ${CALL_TYPE_LABELS[d.call.callType as CallType]?.[lang] ?? d.call.callType}` : ''}
                  {d.call.durationSec ? ` · ${clock(d.call.durationSec)}` : ''}
                </>
              }
              actions={
                <Button variant="danger" size="sm" onClick={() => setConfirm(true)}>
                  {t('report.delete')}
                </Button>
              }
            />
            <ErrorAlert error={del.error ?? retry.error} />
            <ConfirmDialog
              open={confirm}
              title={t('report.delete')}
              confirmLabel={t('report.delete')}
              busy={del.pending}
              onClose={() => setConfirm(false)}
              onConfirm={() => void del.run().then((r) => r !== undefined && navigate('/calls'))}
            >
              {t('report.confirmDelete')}
            </ConfirmDialog>
            {busy && (
              <Card title={t('report.processing')}>
                <ProcessingBar status={d.call} />
              </Card>
            )}
            {d.call.status === 'failed' && (
              <Alert tone="error" title={t('report.failed')} actions={<Button size="sm" busy={retry.pending} onClick={async () => { await retry.run(); await q.reload(); }}>{t('report.retry')}</Button>}>
                {d.call.error}
              </Alert>
            )}
            {d.audioUrl && (
              <Card className="player-card">
                <audio ref={audio} controls preload="metadata" src={d.audioUrl} onTimeUpdate={(e) => setNow(e.currentTarget.currentTime)} />
                <p className="muted small">{t('report.clickToPlay')}</p>
              </Card>
            )}
            {a && (
              <div className="stack">
                {a.notices.map((n, i) => (
                  <Alert key={i} tone="info">
                    <span dir="auto">{n}</span>
                  </Alert>
                ))}
                {a.overallScore != null && (
                  <div className="grid-2">
                    <Card title={t('report.overall')}>
                      <div className="overall">
                        <ScorePill score={a.overallScore} />
                        <span>{t(`report.tier.${proficiencyTier(a.overallScore)}` as never)}</span>
                      </div>
                      <p className="muted small">
                        {t('report.analyzer', { name: a.analyzer.model ?? word(ANALYZER_WORDS, a.analyzer.name, lang) })}
                        {a.analyzer.quotesCorrected + a.analyzer.quotesDropped > 0 && ` · ${t('report.quotesFixed', { n: a.analyzer.quotesCorrected, d: a.analyzer.quotesDropped })}`}
                      </p>
                      {a.roles && (
                        <p className="muted small" data-testid="role-decision">
                          {t('report.roleDecision', { agent: a.roles.agent.join(', ') || '—', customer: a.roles.customer.join(', ') || '—', pct: Math.round(a.roles.confidence * 100) })}
                          {a.roles.confidence < 0.7 && ` ${t('report.rolesUnsure')}`}
                        </p>
                      )}
                      {a.outcome && <p className="muted small">{t(`report.outcome.${a.outcome}` as never)}</p>}
                    </Card>
                    <Card title={t('report.skills')}>
                      <SkillChart skills={a.skills.map((s) => ({ name: SKILL_LABELS[s.id][lang], score: s.score }))} />
                    </Card>
                  </div>
                )}
                {d.report?.audio?.talk && <TalkCard talk={d.report.audio.talk} />}
                {d.metricRatings && <MetricsCard ratings={d.metricRatings} />}
                {(a.overallScore != null || a.strengths.length > 0 || a.weaknesses.length > 0) && (
                  <div className="grid-2">
                    <Card title={t('report.weaknesses')}>
                      {a.weaknesses.length === 0 && <p className="muted" data-testid="no-weaknesses">{t('report.noWeaknesses')}</p>}
                      <ul className="findings" data-testid="weaknesses">
                        {a.weaknesses.map((w, i) => (
                          <li key={i}>
                            <strong>{SKILL_LABELS[w.skill][lang]}</strong> <Badge tone={w.severity >= 0.6 ? 'danger' : 'warn'}>{Math.round(w.severity * 100)}%</Badge>
                            <p dir="auto">{withoutSkill(w.description, SKILL_LABELS[w.skill][lang])}</p>
                            {w.context && w.context.length > 0 && (
                              <div className="small muted" data-testid="weakness-context">
                                {t('report.afterCustomer')}:
                                <Quotes quotes={w.context} onSeek={seek} />
                              </div>
                            )}
                            <Quotes quotes={w.quotes} onSeek={seek} />
                            {user.id === d.call.agentUserId && <PractiseWeaknessButton callId={d.call.id} skill={w.skill} />}
                          </li>
                        ))}
                      </ul>
                    </Card>
                    <Card title={t('report.strengths')}>
                      {a.strengths.length === 0 && <p className="muted" data-testid="no-strengths">{t('report.noStrengths')}</p>}
                      <ul className="findings" data-testid="strengths">
                        {a.strengths.map((s, i) => (
                          <li key={i}>
                            <strong>{SKILL_LABELS[s.skill][lang]}</strong>
                            <p dir="auto">{withoutSkill(s.description, SKILL_LABELS[s.skill][lang])}</p>
                            <Quotes quotes={s.quotes} onSeek={seek} />
                          </li>
                        ))}
                      </ul>
                    </Card>
                  </div>
                )}
                {a.recommendations.length > 0 && (
                  <Card title={t('report.recommendations')}>
                    <ol className="recommendations">
                      {a.recommendations.map((r, i) => (
                        <li key={i} dir="auto">
                          {r}
                        </li>
                      ))}
                    </ol>
                  </Card>
                )}
                {a.objections.length > 0 && (
                  <Card title={t('report.objections')}>
                    <ul className="findings">
                      {a.objections.map((o, i) => (
                        <li key={i}>
                          <Badge tone={o.handled ? 'ok' : 'danger'}>{o.handled ? t('report.handled') : t('report.notHandled')}</Badge> <span className="muted">{word(OBJECTION_KIND_WORDS, o.kind, lang)}</span>
                          <Quotes quotes={[{ text: o.quote, startSec: o.startSec, speaker: 'customer' }]} onSeek={seek} />
                        </li>
                      ))}
                    </ul>
                  </Card>
                )}
                {d.report?.audio && <ToneCard speakers={d.report.audio.speakers} />}
              </div>
            )}
            {d.transcript && d.transcript.segments.length > 0 && (
              <Card title={t('report.transcript')}>
                {d.transcript.segments.some((s) => s.estimated) && <p className="muted small">{t('report.estimated')}</p>}
                {d.transcript.roles && d.transcript.roles.method !== 'labels' && (
                  <p className="muted small">{t('report.roles', { method: word(ROLE_METHOD_WORDS, d.transcript.roles.method, lang), pct: Math.round(d.transcript.roles.confidence * 100) })}</p>
                )}
                <ol className="transcript">
                  {d.transcript.segments.map((s, i) => {
                    const playing = d.audioUrl && now >= s.startSec && now < Math.max(s.endSec, s.startSec + 0.5);
                    return (
                      <li key={i} className={`seg seg-${s.speaker}${playing ? ' seg-now' : ''}`}>
                        <button type="button" className="seg-time" onClick={() => seek(s.startSec)} disabled={!d.audioUrl} title={clock(s.startSec)}>
                          {clock(s.startSec)}
                        </button>
                        <span className="seg-who">{s.label ?? (s.speaker === 'agent' ? t('report.agent') : t('report.customer'))}</span>
                        <span className="seg-text" dir="auto">
                          {s.text}
                        </span>
                      </li>
                    );
                  })}
                </ol>
              </Card>
            )}
          </>
        );
      }}
    </Async>
  );
}

/** A finding's text without the skill name it starts with (the card already shows it as the heading). */
const withoutSkill = (text: string, skill: string) => (text.startsWith(`${skill}: `) ? text.slice(skill.length + 2) : text);

function Quotes({ quotes, onSeek }: { quotes: Quote[]; onSeek: (sec: number) => void }) {
  const { t } = useCallsT();
  if (!quotes.length) return null;
  return (
    <ul className="quotes">
      {quotes.map((q, i) => (
        <li key={i}>
          <button type="button" className="quote" onClick={() => onSeek(q.startSec)}>
            <span className="quote-time">{clock(q.startSec)}</span>
            <span className="quote-who">{q.speaker === 'agent' ? t('report.agent') : t('report.customer')}:</span>
            <q dir="auto">{q.text}</q>
          </button>
        </li>
      ))}
    </ul>
  );
}

function SkillChart({ skills }: { skills: { name: string; score: number }[] }) {
  const color = (s: number) => (s >= 75 ? 'var(--ok, #2e7d32)' : s >= 50 ? 'var(--warn, #ed8c00)' : 'var(--danger, #c62828)');
  return (
    <div className="chart" style={{ blockSize: 40 * skills.length + 30 }}>
      <ResponsiveContainer>
        <BarChart data={skills} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} />
          <YAxis type="category" dataKey="name" width={140} orientation={document.dir === 'rtl' ? 'right' : 'left'} />
          <ReferenceLine x={70} stroke="#888" strokeDasharray="4 4" />
          <Tooltip />
          <Bar dataKey="score" isAnimationActive={false} minPointSize={3}>
            {skills.map((s, i) => (
              <Cell key={i} fill={color(s.score)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function MetricsCard({ ratings }: { ratings: MetricRating[] }) {
  const { t, lang } = useCallsT();
  const fmt = (r: MetricRating, v: number | null) =>
    v == null || !Number.isFinite(v) ? '∞' : r.benchmark.unit === 'fraction' ? `${Math.round(v * 100)}%` : r.benchmark.unit === 's' ? formatSeconds(v, lang) : `${Math.round(v * 10) / 10}`;
  return (
    <Card title={t('report.metrics')} tight>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('report.metric')}</th>
              <th>{t('report.value')}</th>
              <th>{t('report.goodRange')}</th>
              <th>{t('report.ratingCol')}</th>
            </tr>
          </thead>
          <tbody>
            {ratings.map((r) => (
              <tr key={r.metric} title={t(`report.sources.${r.metric}` as never)}>
                <td>{r.benchmark.label[lang]}</td>
                <td className="num">
                  <bdi>{r.value == null ? '—' : fmt(r, r.value)}</bdi>
                </td>
                <td className="num">
                  <RangeBar r={r} />
                  <bdi className="muted small">
                    <bdi>{fmt(r, r.range[0])}</bdi>–<bdi>{fmt(r, r.range[1])}</bdi>
                  </bdi>
                </td>
                <td>
                  <Badge tone={r.rating === 'good' ? 'ok' : r.rating === 'poor' ? 'danger' : r.rating === 'ok' ? 'warn' : undefined}>{t(`report.rating.${r.rating}` as never)}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** The value's position against the good band, on a scale twice the band's upper end. */
function RangeBar({ r }: { r: MetricRating }) {
  const hi = r.range[1] != null && Number.isFinite(r.range[1]) ? r.range[1] : Math.max(r.range[0] * 2, (r.value ?? 0) * 1.2, 1);
  const max = Math.max(hi * 1.6, (r.value ?? 0) * 1.1, 1e-6);
  const pos = (x: number) => `${Math.min(100, Math.max(0, (x / max) * 100))}%`;
  return (
    <span className="rangebar" aria-hidden="true">
      <span className="rangebar-band" style={{ insetInlineStart: pos(r.range[0]), inlineSize: `calc(${pos(hi)} - ${pos(r.range[0])})` }} />
      {r.value != null && <span className={`rangebar-mark mark-${r.rating}`} style={{ insetInlineStart: pos(r.value) }} />}
    </span>
  );
}

function TalkCard({ talk }: { talk: NonNullable<NonNullable<CallDetail['report']>['audio']>['talk'] & object }) {
  const { t } = useCallsT();
  const data = [
    { name: t('report.agent'), value: Math.round(talk.talkRatioAgent * 100) },
    { name: t('report.customer'), value: Math.round((1 - talk.talkRatioAgent) * 100) },
  ];
  return (
    <Card title={t('report.talk')}>
      <div className="grid-2">
        <div className="chart" style={{ blockSize: 140 }}>
          <ResponsiveContainer>
            <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 16 }}>
              <XAxis type="number" domain={[0, 100]} unit="%" />
              <YAxis type="category" dataKey="name" width={70} orientation={document.dir === 'rtl' ? 'right' : 'left'} />
              <ReferenceLine x={43} stroke="#2e7d32" strokeDasharray="4 4" label={{ value: '43%', position: 'top' }} />
              <Bar dataKey="value" isAnimationActive={false} fill="var(--brand, #3559e0)" />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <dl className="facts">
          <dt>{t('report.talkRatio')}</dt>
          <dd>
            {Math.round(talk.talkRatioAgent * 100)}% <span className="muted small">({t('report.benchmark')})</span>
          </dd>
          <dt>{t('report.monologue')}</dt>
          <dd>{clock(talk.longestAgentMonologueSec)}</dd>
          <dt>{t('report.switches')}</dt>
          <dd>{talk.interactivityPerMin}</dd>
          <dt>{t('report.silence')}</dt>
          <dd>{Math.round(talk.silenceRatio * 100)}%</dd>
        </dl>
      </div>
    </Card>
  );
}

function ToneCard({ speakers }: { speakers: NonNullable<NonNullable<CallDetail['report']>['audio']>['speakers'] }) {
  const { t, lang } = useCallsT();
  return (
    <Card title={t('report.tone')}>
      <div className="grid-2">
        {speakers.map((s) => (
          <dl key={s.speaker} className="facts">
            <dt>
              <strong>{s.speaker === 'agent' ? t('report.agent') : s.speaker === 'customer' ? t('report.customer') : t('report.speech')}</strong>
            </dt>
            <dd>
              {t('report.confidence')}: <strong>{Math.round(s.tone.confidence * 100)}%</strong>
              {!s.tone.reliable && <span className="muted small"> · {t('report.unreliable')}</span>}
            </dd>
            <dt>{t('report.pace')}</dt>
            <dd>{t('report.perSec', { n: formatNumber(s.tone.syllablesPerSec, lang) })}</dd>
            <dt>{t('report.pauses')}</dt>
            <dd>{Math.round(s.tone.pauseRatio * 100)}%</dd>
            <dt>{t('report.hesitations')}</dt>
            <dd>{t('report.perMin', { n: formatNumber(s.tone.hesitationsPerMin, lang) })}</dd>
            <dt>{t('report.pitch')}</dt>
            <dd>{t('report.pitchValue', { hz: formatNumber(s.tone.pitchMedianHz, lang), st: formatNumber(s.tone.pitchVariabilitySt, lang) })}</dd>
            <dt>{t('report.energy')}</dt>
            <dd>{t('report.energyValue', { db: formatNumber(s.tone.energyVariabilityDb, lang) })}</dd>
          </dl>
        ))}
      </div>
    </Card>
  );
}

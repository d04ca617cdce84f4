/**
 * The practice report's two timelines: the customer's mood over the call (the coaching layer's mood changes,
 * stored in the report) and the agent's stress and hesitation over the call (the live coaching's metrics, stored
 * as the session's events about every few seconds). A typed call shows what exists — the text and rhythm
 * measures — and says why the voice measures are absent.
 */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ApiError } from '../../api.ts';
import { Async, Card, useQuery } from '../../ui/index.ts';
import { useDashT } from '../dashboard/strings.ts';
import type { SimulationDetails } from '../practice/model.ts';
import type { SessionReport } from './types.ts';
import '../dashboard/dashboard.css';

const clock = (sec: number) => `${Math.floor(sec / 60)}:${String(Math.round(sec % 60)).padStart(2, '0')}`;
/** Moods from worst to best (y axis); confusion sits with scepticism, frustration with annoyance. */
const MOOD_RANK: Record<string, number> = { angry: 0, annoyed: 1, frustrated: 1, skeptical: 2, confused: 2, calm: 3, interested: 4 };
const AXIS_MOODS = ['angry', 'annoyed', 'skeptical', 'calm', 'interested'] as const;
type MoodKey = 'angry' | 'annoyed' | 'frustrated' | 'skeptical' | 'confused' | 'calm' | 'interested';
const isMood = (m: string): m is MoodKey => m in MOOD_RANK;

export function CallTimelines({ simulationId, report }: { simulationId: string; report: SessionReport }) {
  const { t } = useDashT();
  const details = useQuery<SimulationDetails>(`/api/simulations/${simulationId}`);
  return (
    <div className="grid-2">
      <Card title={t('timeline.moodTitle')}>
        <MoodTimeline report={report} />
      </Card>
      <Card title={t('timeline.agentTitle')}>
        {details.error instanceof ApiError && details.error.status === 403 ? (
          // a report the agent shared early: the session's own record stays private until the window ends
          <p className="muted">{t('timeline.private')}</p>
        ) : (
          <Async query={details}>{(d) => <AgentStateTimeline details={d} />}</Async>
        )}
      </Card>
    </div>
  );
}

export function MoodTimeline({ report }: { report: Pick<SessionReport, 'moods' | 'durationSec'> }) {
  const { t } = useDashT();
  const moods = report.moods.filter((m) => isMood(m.mood));
  if (moods.length === 0) return <p className="muted">{t('timeline.moodNone')}</p>;
  const points = moods.map((m) => ({ sec: m.atSec, rank: MOOD_RANK[m.mood], mood: m.mood as MoodKey }));
  const last = points[points.length - 1];
  if (report.durationSec > last.sec) points.push({ ...last, sec: report.durationSec }); // the last mood holds to the end
  const sources = [...new Set(moods.map((m) => m.source))].filter((s): s is 'engine' | 'estimated' => s === 'engine' || s === 'estimated');
  return (
    <>
      <figure className="dash-chart" data-testid="mood-timeline" data-points={moods.length} aria-label={t('timeline.moodTitle')}>
        <ResponsiveContainer>
          <LineChart data={points} margin={{ left: 8, right: 16, top: 8, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="sec" type="number" domain={[0, 'dataMax']} tickFormatter={(s: number) => clock(s)} tick={{ fontSize: 12 }} />
            <YAxis dataKey="rank" type="number" domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} width={78} tick={{ fontSize: 11 }} tickFormatter={(r: number) => t(`timeline.moods.${AXIS_MOODS[r] ?? 'calm'}`)} />
            <Tooltip wrapperStyle={{ direction: document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr' }} labelFormatter={(s) => t('timeline.time', { clock: clock(Number(s)) })} formatter={(_v, _n, p) => [t(`timeline.moods.${(p.payload as { mood: MoodKey }).mood}`), '']} />
            <Line dataKey="rank" type="stepAfter" stroke="#b45309" strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      {sources.map((s) => <p key={s} className="small muted">{t(`timeline.moodSource.${s}`)}</p>)}
    </>
  );
}

interface MetricsEvent { atMs: number; values: Record<string, number> }

export function AgentStateTimeline({ details }: { details: SimulationDetails }) {
  const { t } = useDashT();
  const typed = details.simulation.mode === 'text';
  const rows = details.events
    .filter((e) => e.kind === 'metrics' && e.data && typeof e.data === 'object' && 'values' in e.data)
    .map((e) => ({ atMs: e.atMs, values: (e.data as unknown as MetricsEvent).values }))
    .filter((e) => typeof e.values.agentStress === 'number' || typeof e.values.agentHesitation === 'number')
    .map((e) => ({
      sec: Math.round(e.atMs / 100) / 10,
      stress: pct(e.values.agentStress),
      hesitation: pct(e.values.agentHesitation),
      confidence: typed ? null : pct(e.values.confidence),
    }));
  const withVoice = rows.some((r) => r.confidence !== null);
  return (
    <>
      {rows.length === 0 ? (
        <p className="muted">{t('timeline.agentNone')}</p>
      ) : (
        <figure className="dash-chart" data-testid="agent-state-timeline" data-points={rows.length} data-max={Math.max(0, ...rows.flatMap((r) => [r.stress ?? 0, r.hesitation ?? 0]))} aria-label={t('timeline.agentTitle')}>
          <ResponsiveContainer>
            <LineChart data={rows} margin={{ left: 0, right: 16, top: 8, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="sec" type="number" domain={[0, 'dataMax']} tickFormatter={(s: number) => clock(s)} tick={{ fontSize: 12 }} />
              <YAxis domain={[0, 100]} width={40} tick={{ fontSize: 12 }} tickFormatter={(v: number) => t('timeline.percent', { value: v })} />
              <Tooltip wrapperStyle={{ direction: document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr' }} labelFormatter={(s) => t('timeline.time', { clock: clock(Number(s)) })} formatter={(v) => (v === null || v === undefined ? '—' : t('timeline.percent', { value: v }))} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Line dataKey="stress" name={t('timeline.stress')} stroke="#b91c1c" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
              <Line dataKey="hesitation" name={t('timeline.hesitation')} stroke="#a16207" strokeWidth={2} strokeDasharray="5 3" dot={false} connectNulls isAnimationActive={false} />
              {withVoice && <Line dataKey="confidence" name={t('timeline.confidence')} stroke="#0f766e" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />}
            </LineChart>
          </ResponsiveContainer>
        </figure>
      )}
      <p className="small muted" data-testid="agent-state-note">{typed ? t('timeline.typedNote') : t('timeline.voiceNote')}</p>
    </>
  );
}

const pct = (v: number | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 100) : null);

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { Button, Card, ErrorAlert, Field, PageHeader, Segmented, useQuery } from '../../ui/index.ts';
import type { User } from '../../types.ts';
import { useCallsT } from './strings.ts';
import { CALL_TYPES, CALL_TYPE_LABELS } from './labels.ts';
import { IN_PROGRESS, type CallStatusReply } from './types.ts';
import { uploadCall } from './upload.ts';
import './calls.css';

/** Shown until /api/health answers with the server's UPLOAD_MAX_MB (the server enforces its own value). */
const DEFAULT_MAX_MB = 100;
const ACCEPT = '.wav,.mp3,.m4a,.mp4,.aac,.webm,.ogg,.opus,.oga,.flac,.amr,.wma,.txt,.srt,.vtt,.json,audio/*,video/mp4,video/webm';

type Phase = { kind: 'form' } | { kind: 'uploading'; sent: number } | { kind: 'processing'; callId: string; status: CallStatusReply | null };

/** Upload a recording (and optionally its transcript), with upload progress and then processing progress. */
export default function UploadPage() {
  const { t, lang } = useCallsT();
  const me = useMe();
  const navigate = useNavigate();
  const isManager = me.user.role !== 'agent';
  const members = useQuery<{ users: User[] }>(isManager && me.company ? `/api/companies/${me.company.id}/users` : null);
  const health = useQuery<{ limits?: { uploadMaxMb?: number } }>('/api/health');
  const MAX_MB = health.data?.limits?.uploadMaxMb ?? DEFAULT_MAX_MB;
  const [file, setFile] = useState<File | null>(null);
  const [transcript, setTranscript] = useState<File | null>(null);
  const [agentUserId, setAgentUserId] = useState('');
  const [agentName, setAgentName] = useState('');
  const [language, setLanguage] = useState<'' | 'he' | 'en'>('');
  const [callType, setCallType] = useState('');
  const [channelMap, setChannelMap] = useState<'left_agent' | 'right_agent' | 'mixed'>('left_agent');
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  // poll the processing status once uploaded
  useEffect(() => {
    if (phase.kind !== 'processing') return;
    let stop = false;
    const tick = async () => {
      try {
        const s = await api.get<CallStatusReply>(`/api/calls/${phase.callId}/status`);
        if (stop) return;
        setPhase({ kind: 'processing', callId: phase.callId, status: s });
        if (s.status === 'done') navigate(`/calls/${phase.callId}`);
        else if (IN_PROGRESS.includes(s.status)) setTimeout(tick, 1000);
      } catch (e) {
        if (!stop) setError(e);
      }
    };
    void tick();
    return () => {
      stop = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase.kind === 'processing' ? phase.callId : null]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!file) return setError(new Error(t('form.choose')));
    if (file.size > MAX_MB * 1024 * 1024) return setError(new Error(t('form.tooBig', { mb: MAX_MB })));
    const form = new FormData();
    // fields first, so the server knows them before the file streams in
    if (agentUserId) form.append('agentUserId', agentUserId);
    if (agentName.trim()) form.append('agentName', agentName.trim());
    if (language) form.append('language', language);
    if (callType) form.append('callType', callType);
    form.append('channelMap', channelMap);
    form.append('file', file, file.name);
    if (transcript) form.append('transcript', transcript, transcript.name);
    abort.current = new AbortController();
    setPhase({ kind: 'uploading', sent: 0 });
    try {
      const { call } = await uploadCall(form, (sent) => setPhase({ kind: 'uploading', sent }), abort.current.signal);
      setPhase({ kind: 'processing', callId: call.id, status: null });
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') return;
      setError(err);
      setPhase({ kind: 'form' });
    }
  };

  const isText = file ? /\.(txt|srt|vtt|json)$/i.test(file.name) : false;
  return (
    <>
      <PageHeader title={t('form.title')} subtitle={t('form.subtitle', { mb: MAX_MB })} back={{ to: '/calls', label: t('report.back') }} />
      <ErrorAlert error={error} />
      {phase.kind === 'processing' ? (
        <Card title={t('form.processing')}>
          <ProcessingBar status={phase.status} />
          {phase.status?.status === 'failed' && <ErrorAlert error={new Error(phase.status.error ?? t('report.failed'))} />}
          <div className="row">
            <Link className="btn btn-secondary" to={`/calls/${phase.callId}`}>
              {t('form.open')}
            </Link>
            <Button variant="ghost" onClick={() => setPhase({ kind: 'form' })}>
              {t('form.another')}
            </Button>
          </div>
        </Card>
      ) : (
        <Card>
          <form className="stack" onSubmit={submit}>
            <Field label={t('form.file')}>
              <input type="file" accept={ACCEPT} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </Field>
            {!isText && (
              <Field label={t('form.transcript')} hint={t('form.transcriptHint')} optional>
                <input type="file" accept=".txt,.srt,.vtt,.json,text/plain" onChange={(e) => setTranscript(e.target.files?.[0] ?? null)} />
              </Field>
            )}
            <div className="grid-2">
              {isManager && (
                <Field label={t('form.agentUser')}>
                  <select value={agentUserId} onChange={(e) => setAgentUserId(e.target.value)}>
                    <option value="">{t('form.me')}</option>
                    {(members.data?.users ?? [])
                      .filter((u) => u.role === 'agent')
                      .map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.name}
                        </option>
                      ))}
                  </select>
                </Field>
              )}
              <Field label={t('form.agentName')} hint={t('form.agentNameHint')} optional>
                <input value={agentName} onChange={(e) => setAgentName(e.target.value)} maxLength={120} />
              </Field>
              <Field label={t('form.language')}>
                <select value={language} onChange={(e) => setLanguage(e.target.value as '' | 'he' | 'en')}>
                  <option value="">{t('form.auto')}</option>
                  <option value="he">עברית</option>
                  <option value="en" lang="en">English</option>
                </select>
              </Field>
              <Field label={t('form.type')}>
                <select value={callType} onChange={(e) => setCallType(e.target.value)}>
                  <option value="">{t('form.auto')}</option>
                  {CALL_TYPES.map((c) => (
                    <option key={c} value={c}>
                      {CALL_TYPE_LABELS[c][lang]}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            {!isText && (
              <div className="stack-sm">
                <span className="field-label">{t('form.channels')}</span>
                <Segmented
                  label={t('form.channels')}
                  value={channelMap}
                  onChange={(v) => setChannelMap(v as typeof channelMap)}
                  options={[
                    { value: 'left_agent', label: t('form.left') },
                    { value: 'right_agent', label: t('form.right') },
                    { value: 'mixed', label: t('form.mixed') },
                  ]}
                />
                <span className="muted small">{t('form.channelsHint')}</span>
              </div>
            )}
            {phase.kind === 'uploading' && (
              <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(phase.sent * 100)}>
                <div className="progress-fill" style={{ inlineSize: `${Math.round(phase.sent * 100)}%` }} />
                <span>{t('form.uploading', { pct: Math.round(phase.sent * 100) })}</span>
              </div>
            )}
            <div className="row">
              <Button type="submit" variant="primary" busy={phase.kind === 'uploading'}>
                {t('form.submit')}
              </Button>
            </div>
          </form>
        </Card>
      )}
    </>
  );
}

/** The processing stages as one bar: converting → transcribing → analysing → done. */
export function ProcessingBar({ status }: { status: Pick<CallStatusReply, 'status' | 'progress'> | null }) {
  const { t } = useCallsT();
  const s = status?.status ?? 'queued';
  const pct = Math.round((status?.progress ?? 0) * 100);
  const stages = ['converting', 'transcribing', 'analysing', 'done'] as const;
  const at = stages.indexOf(s as (typeof stages)[number]);
  return (
    <div className="stack-sm">
      <ol className="stages">
        {stages.map((st, i) => (
          <li key={st} className={i < at || s === 'done' ? 'stage-done' : i === at ? 'stage-now' : ''}>
            {t(`status.${st}` as never)}
          </li>
        ))}
      </ol>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="progress-fill" style={{ inlineSize: `${pct}%` }} />
        <span>
          {t(`status.${s}` as never)} · {pct}%
        </span>
      </div>
    </div>
  );
}

/**
 * Before Start: which step of the transcription chain this call will use (endpoint → embedded model → browser
 * recognition → typing), and a one-click microphone + recognition check — say a sentence, see it written (browser
 * recognition), or see the microphone level when the server transcribes.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Card } from '../../ui/index.ts';
import { api } from '../../api.ts';
import { openMic, MicError, type Mic } from './live/mic.ts';
import { speechRecognitionAvailable, startRecognition, type BrowserRecognizer } from './live/recognition.ts';
import type { EngineInfo } from './model.ts';
import { usePracticeT } from './strings.ts';

type Source = NonNullable<EngineInfo['transcription']>['source'];

/** The step this call will use, the page's own part included. */
export function chainStep(engine: EngineInfo): Source {
  const s = engine.transcription?.source ?? (engine.serverTranscripts ? 'endpoint' : 'browser');
  return s === 'browser' && !speechRecognitionAvailable() ? 'typed' : s;
}

const CHECK_MS = 7000;

export function TranscriptionCheck({ engine, language, simulationId }: { engine: EngineInfo; language: 'he' | 'en'; simulationId: string }) {
  const { t } = usePracticeT();
  const step = chainStep(engine);
  const [checking, setChecking] = useState(false);
  const [level, setLevel] = useState(0);
  const [heard, setHeard] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const stopRef = useRef<() => void>(() => undefined);
  useEffect(() => () => stopRef.current(), []);

  const check = async () => {
    setChecking(true);
    setDone(false);
    setHeard('');
    setProblem(null);
    let mic: Mic | null = null;
    let rec: BrowserRecognizer | null = null;
    let peak = 0;
    const frames: Int16Array[] = [];
    const serverStep = step === 'endpoint' || step === 'embedded';
    const stop = () => {
      mic?.stop();
      rec?.stop();
      mic = null;
      rec = null;
    };
    stopRef.current = stop;
    try {
      mic = await openMic((pcm, l) => {
        peak = Math.max(peak, l);
        setLevel(l);
        if (serverStep) frames.push(pcm.slice());
      });
    } catch (e) {
      setProblem(t(`mic.${e instanceof MicError ? e.problem : 'unsupported'}`));
      setChecking(false);
      return;
    }
    if (step === 'browser') {
      rec = startRecognition(language, (text, final) => setHeard((h) => (final ? `${h} ${text}`.trim() : h || text)), (error) => setProblem(t('check.recognitionError', { error })));
    }
    const rate = mic.sampleRate;
    window.setTimeout(() => {
      stop();
      setLevel(0);
      if (peak < 0.01) setProblem((p) => p ?? t('check.silent'));
      if (!serverStep || peak < 0.01) {
        setChecking(false);
        setDone(true);
        return;
      }
      // the server's own recogniser writes what was said
      const all = new Int16Array(frames.reduce((n, f) => n + f.length, 0));
      let at = 0;
      for (const f of frames) all.set(f, (at += f.length) - f.length);
      const bytes = new Uint8Array(all.buffer);
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      api
        .post<{ text: string }>(`/api/simulations/${simulationId}/transcription-check`, { pcm: btoa(bin), sampleRate: rate })
        .then((r) => setHeard(r.text), (e: Error) => setProblem(e.message))
        .finally(() => {
          setChecking(false);
          setDone(true);
        });
    }, CHECK_MS);
  };

  return (
    <Card title={t('check.title')}>
      <p data-testid="transcription-step" data-step={step}>
        <strong>{t(`check.steps.${step}`)}</strong>
        {engine.transcription?.detail && step !== 'browser' && step !== 'typed' ? <span className="muted small"> · {engine.transcription.detail}</span> : null}
      </p>
      <p className="small muted">{t(`check.explain.${step}`)}</p>
      {step !== 'typed' && (
        <div className="stack-sm">
          <Button size="sm" busy={checking} onClick={() => void check()} data-testid="mic-check">
            {t('check.run')}
          </Button>
          {checking && (
            <div className="meter" role="meter" aria-label={t('call.micLevel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(Math.min(1, level * 4) * 100)}>
              <span style={{ inlineSize: `${Math.min(100, level * 400)}%` }} />
            </div>
          )}
          {(heard || done) && (
            <p data-testid="mic-check-heard" dir="auto">
              {heard ? `“${heard}”` : step === 'browser' ? t('check.nothingWritten') : t('check.serverNothing')}
            </p>
          )}
          {step !== 'browser' && done && !problem && !heard && <p className="small">{t('check.serverOk')}</p>}
          {problem && <p className="small" data-testid="mic-check-problem">{problem}</p>}
        </div>
      )}
    </Card>
  );
}

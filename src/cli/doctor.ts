/**
 * `salesgym doctor [--json]`: is this server's AI configuration usable, and what will it use? Checks every
 * configured engine for real — the key is accepted and the models exist (GET /models), a Realtime session
 * round trip within 3 seconds, one transcription, one speech request — plus the offline tools, prints the
 * engine chain for practice calls and what uploads go through, and a fix for each failure (bad key, unknown
 * model, no network, quota). Exit code 0 when everything configured works, 1 otherwise.
 */
import { spawnSync } from 'node:child_process';
import OpenAI, { APIConnectionError, APIError, toFile } from 'openai';
import WebSocket from 'ws';
import type { RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import type { Config } from '../config/index.ts';
import { availableTiers, encodeWav, engineChain, realtimeUrl } from '../voice/index.ts';
import { configOrExit, type Io } from './start.ts';

export type FailureKind = 'bad_key' | 'unknown_model' | 'no_network' | 'quota' | 'rate_limited' | 'server' | 'timeout' | 'other';

export interface Check {
  /** Which part: config, endpoint, realtime, transcription, speech, offline. */
  area: string;
  name: string;
  ok: boolean;
  /** Not configured, so not checked (not a failure). */
  skipped?: boolean;
  detail: string;
  ms?: number;
  failure?: FailureKind;
  fix?: string;
}

export interface DoctorReport {
  ok: boolean;
  checks: Check[];
  calls: { chain: string[]; note: string };
  uploads: { transcription: string; analysis: string };
}

export interface DoctorOptions {
  /** Realtime round trip limit (ms), default 3000. */
  realtimeTimeoutMs?: number;
  /** HTTP request limit (ms), default 15000. */
  httpTimeoutMs?: number;
}

const mask = (key: string) => (key.length > 10 ? `${key.slice(0, 3)}…${key.slice(-4)}` : '…');

/** What went wrong with a request, and what to do about it. */
export function classify(e: unknown, what: { model?: string; modelVar?: string; url: string }): { kind: FailureKind; detail: string; fix: string } {
  const msg = (e as Error)?.message ?? String(e);
  const status = e instanceof APIError ? e.status : (e as { status?: number })?.status;
  const code = e instanceof APIError ? (e.code ?? (e.error as { code?: string } | undefined)?.code) : (e as { code?: string })?.code;
  if (e instanceof APIConnectionError || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|getaddrinfo|socket hang up|network/i.test(msg)) {
    if (/timed? ?out/i.test(msg) && !(e instanceof APIConnectionError)) return { kind: 'timeout', detail: msg, fix: `${what.url} did not answer in time: check the network (proxy, firewall) or try again.` };
    return { kind: 'no_network', detail: msg, fix: `${what.url} cannot be reached: check the machine's network, DNS and proxy, or the base URL (OPENAI_BASE_URL / OPENAI_REALTIME_URL / TRANSCRIBE_BASE_URL).` };
  }
  if (status === 401 || code === 'invalid_api_key') return { kind: 'bad_key', detail: msg, fix: 'The API key was refused: set OPENAI_API_KEY to a valid key (platform.openai.com → API keys); for another server, its own key.' };
  if (status === 429 && (code === 'insufficient_quota' || /quota|billing/i.test(msg)))
    return { kind: 'quota', detail: msg, fix: 'The account has no quota left: add credit or raise the limit in the OpenAI billing settings (or use another key).' };
  if (status === 429) return { kind: 'rate_limited', detail: msg, fix: 'Rate-limited right now: wait a minute and run doctor again; if it persists, raise the account tier.' };
  if (status === 404 || code === 'model_not_found' || /model.*(does not exist|not found)/i.test(msg))
    return { kind: 'unknown_model', detail: msg, fix: `The model ${what.model ?? ''} is not available to this key: set ${what.modelVar ?? 'the model variable'} to a model the server lists.` };
  if (status && status >= 500) return { kind: 'server', detail: msg, fix: 'The service had an error: try again in a few minutes (status.openai.com).' };
  if (/timed? ?out/i.test(msg)) return { kind: 'timeout', detail: msg, fix: `${what.url} did not answer in time: check the network or try again.` };
  return { kind: 'other', detail: msg, fix: 'See the message above.' };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: Math.round(performance.now() - t0) };
}

/** One Realtime session: connect, session.created, session.update, session.updated — within `limitMs`. */
export function realtimeRoundTrip(o: { url: string; apiKey: string; model: string; limitMs: number }): Promise<number> {
  const t0 = performance.now();
  return new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(realtimeUrl(o.url, o.model), { headers: { Authorization: `Bearer ${o.apiKey}` }, handshakeTimeout: o.limitMs, perMessageDeflate: false });
    const done = (err: Error | null, ms = 0) => {
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      ws.terminate();
      if (err) reject(err);
      else resolve(ms);
    };
    const timer = setTimeout(() => done(Object.assign(new Error(`no Realtime session within ${o.limitMs} ms (timed out)`), { code: 'timeout' })), o.limitMs);
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        let message = body;
        try {
          message = (JSON.parse(body) as { error?: { message?: string } }).error?.message ?? body;
        } catch {
          /* not JSON */
        }
        done(Object.assign(new Error(`HTTP ${res.statusCode}: ${message}`), { status: res.statusCode }));
      });
    });
    ws.on('error', (e) => done(e));
    ws.on('message', (data: Buffer) => {
      let ev: RealtimeServerEvent;
      try {
        ev = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (ev.type === 'session.created') ws.send(JSON.stringify({ type: 'session.update', session: { type: 'realtime', instructions: 'SalesGym doctor: connectivity check.' } }));
      else if (ev.type === 'session.updated') done(null, Math.round(performance.now() - t0));
      else if (ev.type === 'error') {
        const code = ev.error.code ?? '';
        done(Object.assign(new Error(`${code ? `${code}: ` : ''}${ev.error.message}`), { code, status: code === 'model_not_found' ? 404 : code === 'invalid_api_key' ? 401 : code === 'insufficient_quota' ? 429 : undefined }));
      }
    });
  });
}

/** A second of a voiced tone as WAV (the transcription check needs audio, not its words). */
function probeWav(): Uint8Array {
  const rate = 16_000;
  const pcm = Int16Array.from({ length: rate }, (_, i) => Math.round(6000 * Math.sin((2 * Math.PI * 180 * i) / rate) * (0.6 + 0.4 * Math.sin((2 * Math.PI * 4 * i) / rate))));
  return encodeWav(pcm, rate);
}

export async function runDoctorChecks(cfg: Config, opts: DoctorOptions = {}): Promise<DoctorReport> {
  const checks: Check[] = [];
  const httpTimeout = opts.httpTimeoutMs ?? 15_000;
  const add = (c: Check) => checks.push(c);
  const endpointUrl = cfg.OPENAI_BASE_URL ?? 'https://api.openai.com/v1';

  // ── configuration ──
  add({ area: 'config', name: 'OPENAI_API_KEY', ok: true, skipped: !cfg.OPENAI_API_KEY, detail: cfg.OPENAI_API_KEY ? `set (${mask(cfg.OPENAI_API_KEY)})` : 'not set: no OpenAI engines; the offline engine runs calls' });
  if (cfg.OPENAI_BASE_URL) add({ area: 'config', name: 'OPENAI_BASE_URL', ok: true, detail: cfg.OPENAI_BASE_URL });
  if (cfg.OPENAI_REALTIME_URL) {
    const trailing = /\/realtime\/?$/.test(cfg.OPENAI_REALTIME_URL);
    add({ area: 'config', name: 'OPENAI_REALTIME_URL', ok: true, detail: `${cfg.OPENAI_REALTIME_URL} → ${realtimeUrl(cfg.OPENAI_REALTIME_URL, cfg.OPENAI_REALTIME_MODEL)}${trailing ? ' (the API base is enough: /realtime is appended)' : ''}` });
  }
  if (cfg.TRANSCRIBE_BASE_URL) add({ area: 'config', name: 'TRANSCRIBE_BASE_URL', ok: true, detail: cfg.TRANSCRIBE_BASE_URL });

  // ── the OpenAI-compatible endpoint: key and models ──
  const hasEndpoint = !!(cfg.OPENAI_API_KEY || cfg.OPENAI_BASE_URL);
  const client = new OpenAI({ apiKey: cfg.OPENAI_API_KEY ?? 'not-needed', baseURL: cfg.OPENAI_BASE_URL, maxRetries: 0, timeout: httpTimeout });
  let listed: string[] | null = null;
  if (hasEndpoint) {
    try {
      const r = await timed(async () => {
        const ids: string[] = [];
        for await (const m of client.models.list()) ids.push(m.id);
        return ids;
      });
      listed = r.value;
      add({ area: 'endpoint', name: 'key accepted', ok: true, ms: r.ms, detail: `GET ${endpointUrl}/models: ${listed.length} models` });
    } catch (e) {
      const c = classify(e, { url: endpointUrl });
      add({ area: 'endpoint', name: 'key accepted', ok: false, failure: c.kind, detail: c.detail, fix: c.fix });
    }
    if (listed) {
      const models: Array<[string, string, boolean]> = [
        ['OPENAI_CHAT_MODEL', cfg.OPENAI_CHAT_MODEL, true],
        ['OPENAI_TRANSCRIBE_MODEL', cfg.OPENAI_TRANSCRIBE_MODEL, !!cfg.OPENAI_API_KEY && !cfg.TRANSCRIBE_BASE_URL],
        ['OPENAI_TTS_MODEL', cfg.OPENAI_TTS_MODEL, !!cfg.OPENAI_API_KEY],
        ['OPENAI_REALTIME_MODEL', cfg.OPENAI_REALTIME_MODEL, availableTiers(cfg, true).includes('realtime') && !cfg.OPENAI_REALTIME_URL],
      ];
      for (const [v, model, used] of models) {
        if (!used) continue;
        const found = listed.includes(model);
        add({
          area: 'endpoint', name: `model ${model}`, ok: found, detail: found ? `${v}: found` : `${v}: not among the ${listed.length} models this key can use`,
          ...(found ? {} : { failure: 'unknown_model' as const, fix: `Set ${v} to a model the server lists${listed.length ? ` (e.g. ${listed.filter((m) => similar(m, model)).slice(0, 3).join(', ') || listed.slice(0, 3).join(', ')})` : ''}.` }),
        });
      }
    }
  } else {
    add({ area: 'endpoint', name: 'OpenAI-compatible endpoint', ok: true, skipped: true, detail: 'not configured (OPENAI_API_KEY / OPENAI_BASE_URL)' });
  }

  // ── Realtime: one session round trip ──
  if (availableTiers(cfg, true).includes('realtime') && cfg.OPENAI_API_KEY) {
    const url = cfg.OPENAI_REALTIME_URL ?? 'wss://api.openai.com/v1';
    const limitMs = opts.realtimeTimeoutMs ?? 3000;
    try {
      const ms = await realtimeRoundTrip({ url, apiKey: cfg.OPENAI_API_KEY, model: cfg.OPENAI_REALTIME_MODEL, limitMs });
      add({ area: 'realtime', name: 'session round trip', ok: true, ms, detail: `${realtimeUrl(url, cfg.OPENAI_REALTIME_MODEL).split('?')[0]}, ${cfg.OPENAI_REALTIME_MODEL}: session.update answered in ${ms} ms (limit ${limitMs} ms)` });
    } catch (e) {
      const c = classify(e, { url: realtimeUrl(url, cfg.OPENAI_REALTIME_MODEL).split('?')[0], model: cfg.OPENAI_REALTIME_MODEL, modelVar: 'OPENAI_REALTIME_MODEL' });
      add({ area: 'realtime', name: 'session round trip', ok: false, failure: c.kind, detail: c.detail, fix: c.fix });
    }
  } else {
    add({ area: 'realtime', name: 'session round trip', ok: true, skipped: true, detail: cfg.OPENAI_API_KEY ? 'OPENAI_BASE_URL points elsewhere and OPENAI_REALTIME_URL is not set' : 'no OPENAI_API_KEY' });
  }

  // ── one transcription ──
  const sttBase = cfg.TRANSCRIBE_BASE_URL ?? (cfg.OPENAI_API_KEY || cfg.OPENAI_BASE_URL ? endpointUrl : null);
  if (sttBase) {
    const stt = cfg.TRANSCRIBE_BASE_URL ? new OpenAI({ apiKey: cfg.TRANSCRIBE_API_KEY ?? cfg.OPENAI_API_KEY ?? 'not-needed', baseURL: cfg.TRANSCRIBE_BASE_URL, maxRetries: 0, timeout: httpTimeout }) : client;
    try {
      const r = await timed(async () => stt.audio.transcriptions.create({ file: await toFile(probeWav(), 'doctor.wav', { type: 'audio/wav' }), model: cfg.OPENAI_TRANSCRIBE_MODEL, language: 'he', response_format: 'json' }));
      add({ area: 'transcription', name: 'one transcription', ok: true, ms: r.ms, detail: `${sttBase}/audio/transcriptions, ${cfg.OPENAI_TRANSCRIBE_MODEL}: 1 s of audio in ${r.ms} ms` });
    } catch (e) {
      const c = classify(e, { url: sttBase, model: cfg.OPENAI_TRANSCRIBE_MODEL, modelVar: 'OPENAI_TRANSCRIBE_MODEL' });
      add({ area: 'transcription', name: 'one transcription', ok: false, failure: c.kind, detail: c.detail, fix: c.fix });
    }
  } else {
    add({ area: 'transcription', name: 'one transcription', ok: true, skipped: true, detail: 'no transcription endpoint: the browser transcribes calls; uploads need transcripts' });
  }

  // ── one speech request ──
  if (cfg.OPENAI_API_KEY) {
    try {
      const r = await timed(async () => {
        const res = await client.audio.speech.create({ model: cfg.OPENAI_TTS_MODEL, voice: 'marin', input: 'שלום, זו בדיקה.', response_format: 'pcm' });
        return (await res.arrayBuffer()).byteLength;
      });
      add({ area: 'speech', name: 'one speech request', ok: r.value > 0, ms: r.ms, detail: `${endpointUrl}/audio/speech, ${cfg.OPENAI_TTS_MODEL}, voice marin: ${(r.value / 48_000).toFixed(1)} s of audio in ${r.ms} ms` });
    } catch (e) {
      const c = classify(e, { url: endpointUrl, model: cfg.OPENAI_TTS_MODEL, modelVar: 'OPENAI_TTS_MODEL' });
      add({ area: 'speech', name: 'one speech request', ok: false, failure: c.kind, detail: c.detail, fix: c.fix });
    }
  } else {
    add({ area: 'speech', name: 'one speech request', ok: true, skipped: true, detail: 'no OPENAI_API_KEY: the customer speaks with espeak-ng' });
  }

  // ── offline ──
  const espeak = spawnSync('espeak-ng', ['--voices=he'], { encoding: 'utf8' });
  const hebrew = espeak.status === 0 && /\bhe\b/.test(espeak.stdout);
  add({
    area: 'offline', name: 'espeak-ng', ok: hebrew, detail: hebrew ? 'installed, Hebrew voice present' : espeak.status === 0 ? 'installed, but no Hebrew voice' : 'not installed',
    ...(hebrew ? {} : { failure: 'other' as const, fix: 'Install it: sudo apt-get install espeak-ng (the offline customer voice).' }),
  });

  const failed = checks.filter((c) => !c.ok);
  const failedAreas = new Set(failed.map((c) => c.area));
  const chain = engineChain(cfg, 'voice', 'auto', true);
  const working = chain.filter((t) => (t === 'realtime' ? !failedAreas.has('realtime') : t === 'cascade' ? !failedAreas.has('endpoint') && !failedAreas.has('speech') : true));
  return {
    ok: failed.length === 0,
    checks,
    calls: {
      chain,
      note: working.length === chain.length ? `practice calls start on ${chain[0]}; fallbacks: ${chain.slice(1).join(' → ') || 'none'}` : `practice calls would start on ${chain[0]} but it fails here: they will run on ${working[0] ?? 'nothing'} until the failures above are fixed`,
    },
    uploads: {
      transcription: cfg.TRANSCRIBE_BASE_URL
        ? `${cfg.TRANSCRIBE_BASE_URL} (${cfg.OPENAI_TRANSCRIBE_MODEL})`
        : cfg.OPENAI_API_KEY || cfg.OPENAI_BASE_URL
          ? `${endpointUrl} (${cfg.OPENAI_TRANSCRIBE_MODEL})`
          : 'none: upload transcripts (text) or configure TRANSCRIBE_BASE_URL / OPENAI_API_KEY',
      analysis: cfg.OPENAI_API_KEY || cfg.OPENAI_BASE_URL ? `LLM ${cfg.OPENAI_CHAT_MODEL} at ${endpointUrl}` : 'the offline analyzer (no network)',
    },
  };
}

/** Models that share the configured model's family (for the fix line). */
function similar(a: string, b: string): boolean {
  const fam = (s: string) => s.split('-').slice(0, 2).join('-');
  return fam(a) === fam(b) || a.includes(b.split('-')[0]);
}

export function formatDoctor(r: DoctorReport): string {
  const lines: string[] = ['SalesGym doctor', ''];
  let area = '';
  const TITLES: Record<string, string> = { config: 'Configuration', endpoint: 'OpenAI-compatible endpoint', realtime: 'Realtime', transcription: 'Transcription', speech: 'Speech', offline: 'Offline engine' };
  for (const c of r.checks) {
    if (c.area !== area) {
      area = c.area;
      lines.push(TITLES[area] ?? area);
    }
    const mark = c.skipped ? '–' : c.ok ? '✓' : '✗';
    lines.push(`  ${mark} ${c.name}: ${c.detail}`);
    if (!c.ok && c.fix) lines.push(`      fix (${c.failure}): ${c.fix}`);
  }
  lines.push('', `Calls:   ${r.calls.chain.join(' → ')} (${r.calls.note})`);
  lines.push(`Uploads: transcription by ${r.uploads.transcription}; analysis by ${r.uploads.analysis}`);
  lines.push('', r.ok ? 'All configured checks passed.' : `${r.checks.filter((c) => !c.ok).length} check(s) failed: see the fixes above.`);
  return lines.join('\n');
}

/** `salesgym doctor [--json]`. */
export async function runDoctor(argv: string[], io: Io, cfg?: Config): Promise<number> {
  const config = cfg ?? configOrExit(io);
  if (!config) return 1;
  const report = await runDoctorChecks(config);
  io.out(argv.includes('--json') ? JSON.stringify(report, null, 2) : formatDoctor(report));
  return report.ok ? 0 : 1;
}

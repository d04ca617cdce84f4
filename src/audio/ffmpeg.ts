import { spawn, spawnSync } from 'node:child_process';
import { open, stat, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../core/index.ts';
import { readWavInfo } from './wav.ts';

/** The upload formats we accept (by content, not by name) and the ffprobe format names they show up as. */
export const AUDIO_FORMATS = ['wav', 'mp3', 'm4a', 'mp4', 'aac', 'webm', 'ogg', 'opus', 'flac', 'amr', 'wma'] as const;
const PROBE_FORMATS = /^(wav|mp3|mov,mp4,m4a,3gp,3g2,mj2|aac|matroska,webm|ogg|flac|amr|asf|w64|aiff|caf)$/;

/** Sample rate of every analysis file (mono 16-bit PCM WAV). */
export const ANALYSIS_RATE = 16_000;

export interface ProbeResult {
  /** ffprobe's container name, e.g. 'mp3', 'asf' (wma), 'mov,mp4,m4a,3gp,3g2,mj2'. */
  container: string;
  /** A short name for people and file extensions: wav, mp3, m4a, webm, ogg, flac, amr, wma, aac. */
  format: string;
  codec: string;
  channels: number;
  sampleRate: number;
  /** Duration the file's header claims, when it claims one. */
  durationSec: number | null;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a tool, collecting output (stderr capped); rejects on spawn failure, aborts on signal. */
export function run(cmd: string, args: string[], opts: { signal?: AbortSignal; onStdout?: (chunk: string) => void } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: opts.signal });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      if (opts.onStdout) opts.onStdout(c);
      else stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      if (stderr.length < 64_000) stderr += c;
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') reject(new AppError('NOT_CONFIGURED', `${cmd} is not installed on the server; audio files cannot be processed (install the Debian package ffmpeg).`));
      else reject(e);
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const friendlyFormat = (container: string, codec: string): string => {
  if (container === 'asf') return 'wma';
  if (container.startsWith('mov,mp4')) return codec === 'aac' ? 'm4a' : 'mp4';
  if (container === 'matroska,webm') return 'webm';
  if (container === 'ogg') return codec === 'opus' ? 'opus' : 'ogg';
  return container.split(',')[0];
};

/** Reads what a file is by its content. Throws BAD_FILE (with a plain reason) when it holds no readable audio. */
export async function probeAudio(file: string, signal?: AbortSignal): Promise<ProbeResult> {
  const size = (await stat(file)).size;
  if (size === 0) throw new AppError('BAD_FILE', 'The file is empty (0 bytes).');
  const r = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { signal });
  let info: { format?: { format_name?: string; duration?: string }; streams?: { codec_type?: string; codec_name?: string; channels?: number; sample_rate?: string; duration?: string; disposition?: { attached_pic?: number } }[] } = {};
  try {
    info = JSON.parse(r.stdout || '{}');
  } catch {
    /* handled below */
  }
  const container = info.format?.format_name ?? '';
  const audio = info.streams?.find((s) => s.codec_type === 'audio');
  if (r.code !== 0 || !container) {
    const incomplete = /moov atom not found|ended prematurely|truncat/i.test(r.stderr);
    throw new AppError('BAD_FILE', incomplete ? 'The file is incomplete or damaged (it looks cut off before the end); no audio could be read.' : 'This file is not an audio recording we can read. Accepted: ' + AUDIO_FORMATS.join(', ') + '.');
  }
  if (!audio) throw new AppError('BAD_FILE', 'The file contains no audio track.');
  if (!PROBE_FORMATS.test(container)) {
    throw new AppError('BAD_FILE', `Files of type "${container}" are not accepted. Accepted: ${AUDIO_FORMATS.join(', ')}.`);
  }
  const dur = Number(info.format?.duration ?? audio.duration);
  return {
    container,
    format: friendlyFormat(container, audio.codec_name ?? ''),
    codec: audio.codec_name ?? 'unknown',
    channels: audio.channels ?? 1,
    sampleRate: Number(audio.sample_rate ?? 0),
    durationSec: Number.isFinite(dur) && dur > 0 ? dur : null,
  };
}

/** For a WAV: true when the header promises more sample bytes than the file holds (a cut-off upload). */
async function wavIsCut(file: string): Promise<boolean> {
  try {
    const info = await readWavInfo(file);
    const size = (await stat(file)).size;
    return info.declaredDataBytes > 0 && info.declaredDataBytes !== 0xffffffff && info.dataOffset + info.declaredDataBytes > size + 1;
  } catch {
    return false;
  }
}

export interface NormalizedAudio {
  /** Mono 16 kHz PCM16 WAV of the whole call (channels mixed). */
  monoPath: string;
  /** For a stereo source: each channel as its own mono 16 kHz WAV [left, right]; null for mono. */
  channelPaths: [string, string] | null;
  durationSec: number;
  /** Notes about the decode that are not fatal (e.g. a few damaged frames). */
  warnings: string[];
}

/**
 * Resample with timestamp sync: where a decoder drops frames (e.g. AMR comfort-noise frames) silence is
 * inserted, so times in the analysis audio stay the times of the original and its playable copy.
 */
const SYNC = `aresample=${ANALYSIS_RATE}:async=1:first_pts=0`;

const TRUNCATION = /ended prematurely|input buffer exhausted|partial file|invalid pcm packet|truncat/i;

/**
 * Decodes any accepted file once into the analysis WAVs (mono mix, plus one per channel for stereo).
 * Rejects, with a reason a person understands, files that are undecodable, cut off, or silent/empty.
 */
export async function normalizeAudio(
  input: string,
  outDir: string,
  opts: { probe?: ProbeResult; signal?: AbortSignal; onProgress?: (fraction: number) => void; maxDurationSec?: number } = {},
): Promise<NormalizedAudio> {
  const probe = opts.probe ?? (await probeAudio(input, opts.signal));
  const max = opts.maxDurationSec;
  // a few KB of FLAC can hold hours of tone: refuse by the container's own length before decoding anything
  if (max && probe.durationSec != null && probe.durationSec > max) throw tooLong(probe.durationSec, max);
  const stereo = probe.channels >= 2;
  const monoPath = path.join(outDir, 'analysis.wav');
  const channelPaths: [string, string] | null = stereo ? [path.join(outDir, 'ch0.wav'), path.join(outDir, 'ch1.wav')] : null;
  // and a header that lies cannot make ffmpeg write more than the limit (plus a second to notice it was hit)
  const bound = max ? ['-t', String(Math.ceil(max) + 1)] : [];
  const pcm = ['-c:a', 'pcm_s16le', '-ar', String(ANALYSIS_RATE), '-ac', '1', '-fflags', '+bitexact', '-map_metadata', '-1', ...bound];
  const args = ['-hide_banner', '-nostdin', '-y', '-v', 'error', '-progress', 'pipe:1', '-nostats', '-i', input];
  if (stereo) {
    args.push(
      '-filter_complex',
      `[0:a:0]${SYNC},asplit=3[x][y][z];[x]pan=mono|c0=0.5*c0+0.5*c1[m];[y]pan=mono|c0=c0[l];[z]pan=mono|c0=c1[r]`,
      '-map', '[m]', ...pcm, monoPath,
      '-map', '[l]', ...pcm, channelPaths![0],
      '-map', '[r]', ...pcm, channelPaths![1],
    );
  } else {
    args.push('-map', '0:a:0', '-af', SYNC, ...pcm, monoPath);
  }
  const total = probe.durationSec ?? 0;
  let buf = '';
  const r = await run('ffmpeg', args, {
    signal: opts.signal,
    onStdout: (c) => {
      buf += c;
      const m = [...buf.matchAll(/out_time_us=(\d+)/g)].at(-1);
      if (m && total > 0) opts.onProgress?.(Math.min(1, Number(m[1]) / 1e6 / total));
      if (buf.length > 4096) buf = buf.slice(-512);
    },
  });
  const cleanup = async () => {
    for (const p of [monoPath, ...(channelPaths ?? [])]) await rm(p, { force: true });
  };
  if (r.code !== 0) {
    await cleanup();
    throw new AppError('BAD_FILE', 'The audio in this file could not be decoded; it may be damaged. ' + firstLine(r.stderr));
  }
  const info = await readWavInfo(monoPath);
  const durationSec = info.dataBytes / 2 / ANALYSIS_RATE;
  if (max && durationSec > max) {
    await cleanup();
    throw tooLong(durationSec, max);
  }
  const declared = probe.durationSec;
  // amr, ADTS aac and ogg carry no total length (ffprobe estimates it from the bitrate), so only formats
  // that declare one are held to it; a DTX phone recording (amr) legitimately decodes shorter than estimated
  const declaresLength = !/^(amr|aac|ogg)$/.test(probe.container);
  const truncatedByLength = declaresLength && declared != null && declared >= 1 && durationSec < declared * 0.9;
  if (truncatedByLength || TRUNCATION.test(r.stderr) || (probe.container === 'wav' && (await wavIsCut(input)))) {
    await cleanup();
    const said = declared != null ? ` Its header says ${declared.toFixed(1)} s but only ${durationSec.toFixed(1)} s could be read.` : '';
    throw new AppError('BAD_FILE', `The file is cut off before its end (an incomplete upload or copy).${said} Please upload the complete recording.`);
  }
  if (durationSec < 0.5) {
    await cleanup();
    throw new AppError('BAD_FILE', `The recording is too short to analyse (${durationSec.toFixed(2)} s).`);
  }
  if (await isSilent(monoPath)) {
    await cleanup();
    throw new AppError('BAD_FILE', 'The recording is silent: there is no sound to analyse.');
  }
  const warnings = r.stderr.trim() ? [`Some parts of the file were damaged and skipped (${firstLine(r.stderr)})`] : [];
  return { monoPath, channelPaths, durationSec, warnings };
}

const hm = (sec: number) => (sec >= 3600 ? `${Math.floor(sec / 3600)} h ${Math.round((sec % 3600) / 60)} min` : `${Math.max(1, Math.round(sec / 60))} min`);
const tooLong = (sec: number, max: number) =>
  new AppError('BAD_FILE', `The recording is ${hm(sec)} long; the longest call accepted is ${hm(max)}. Cut it into parts, or ask the administrator to raise CALL_MAX_MINUTES.`, {
    details: { durationSec: Math.round(sec), maxDurationSec: max },
  });

const firstLine = (s: string) => s.trim().split('\n')[0]?.replace(/^\[[^\]]+\]\s*/, '').slice(0, 160) ?? '';

/** True when no sample of the WAV exceeds −60 dBFS. */
async function isSilent(wav: string): Promise<boolean> {
  const info = await readWavInfo(wav);
  const fh = await open(wav, 'r');
  try {
    const chunk = Buffer.alloc(1 << 16);
    let pos = info.dataOffset;
    const end = info.dataOffset + info.dataBytes;
    while (pos < end) {
      const { bytesRead } = await fh.read(chunk, 0, Math.min(chunk.length, end - pos), pos);
      if (bytesRead <= 0) break;
      for (let i = 0; i + 1 < bytesRead; i += 2) if (Math.abs(chunk.readInt16LE(i)) > 33) return false;
      pos += bytesRead;
    }
    return true;
  } finally {
    await fh.close();
  }
}

/** A browser-playable copy (MP3, speech quality, channels kept) for the audio player. */
export async function makePlayable(input: string, outPath: string, opts: { channels: number; signal?: AbortSignal; maxDurationSec?: number }): Promise<{ path: string; mime: string }> {
  const ch = Math.min(2, Math.max(1, opts.channels));
  const bound = opts.maxDurationSec ? ['-t', String(Math.ceil(opts.maxDurationSec) + 1)] : [];
  const r = await run(
    'ffmpeg',
    ['-hide_banner', '-nostdin', '-y', '-v', 'error', '-i', input, '-map', '0:a:0', '-vn', '-af', 'aresample=async=1:first_pts=0', '-ac', String(ch), '-ar', '22050', '-c:a', 'libmp3lame', '-b:a', ch === 2 ? '64k' : '48k', '-map_metadata', '-1', ...bound, outPath],
    { signal: opts.signal },
  );
  if (r.code !== 0) {
    await rm(outPath, { force: true });
    throw new AppError('INTERNAL', 'Making the playable copy failed: ' + firstLine(r.stderr));
  }
  return { path: outPath, mime: 'audio/mpeg' };
}

/** Cuts [startSec, startSec + durSec) of a WAV into a new file (format by extension: .wav, .mp3, .ogg). */
export async function cutSegment(input: string, startSec: number, durSec: number, outPath: string, signal?: AbortSignal): Promise<void> {
  const codec = outPath.endsWith('.mp3') ? ['-c:a', 'libmp3lame', '-b:a', '32k'] : outPath.endsWith('.ogg') ? ['-c:a', 'libopus', '-b:a', '24k'] : ['-c:a', 'pcm_s16le'];
  const r = await run('ffmpeg', ['-hide_banner', '-nostdin', '-y', '-v', 'error', '-ss', startSec.toFixed(3), '-t', durSec.toFixed(3), '-i', input, ...codec, outPath], { signal });
  if (r.code !== 0) throw new AppError('INTERNAL', 'Cutting the audio failed: ' + firstLine(r.stderr));
}

const toolCache = new Map<string, boolean>();
/** Whether a command-line tool (ffmpeg, ffprobe, espeak-ng) is installed. Cached. */
export function hasTool(cmd: 'ffmpeg' | 'ffprobe' | 'espeak-ng' | 'sox'): boolean {
  if (!toolCache.has(cmd)) toolCache.set(cmd, spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0);
  return toolCache.get(cmd)!;
}

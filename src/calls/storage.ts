import { mkdir, rm, rename, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Where a call's files live: DATA_DIR/calls/<companyId>/<callId>/. */
export interface CallFiles {
  dir: string;
  /** The upload as received (extension from its detected format). */
  original(ext: string): string;
  /** Mono 16 kHz analysis WAV and, for stereo, one WAV per channel. */
  mono: string;
  channels: [string, string];
  /** Browser-playable copy. */
  playback: string;
  /** Cached audio analysis, so a resumed job does not redo it. */
  audioAnalysis: string;
}

export function callFiles(dataDir: string, companyId: string, callId: string): CallFiles {
  const dir = path.resolve(dataDir, 'calls', companyId, callId);
  return {
    dir,
    original: (ext) => path.join(dir, `original.${ext}`),
    mono: path.join(dir, 'analysis.wav'),
    channels: [path.join(dir, 'ch0.wav'), path.join(dir, 'ch1.wav')],
    playback: path.join(dir, 'playback.mp3'),
    audioAnalysis: path.join(dir, 'audio-analysis.json'),
  };
}

/** A fresh private directory for one upload in progress, under DATA_DIR/tmp/uploads. */
export async function uploadTempDir(dataDir: string, id: string): Promise<string> {
  const dir = path.resolve(dataDir, 'tmp', 'uploads', id);
  await mkdir(dir, { recursive: true });
  return dir;
}

export const removeDir = (dir: string) => rm(dir, { recursive: true, force: true });

/** Moves a file (same file system: a rename). */
export async function moveFile(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  await rename(from, to);
}

export async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** Files left in a directory (tests check that failed uploads leave none). */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(p);
    }
  };
  await walk(dir);
  return out;
}

/** Removes the analysis WAVs of a finished call (they are remade from the original if ever needed). */
export async function dropWorkFiles(files: CallFiles): Promise<void> {
  for (const f of [files.mono, ...files.channels]) await rm(f, { force: true });
}

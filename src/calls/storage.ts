import { mkdir, rm, rename, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
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

const HOST = os.hostname().replace(/[^A-Za-z0-9_.]/g, '_');
const OWNED = /^(\d+)-([A-Za-z0-9_.]+)-(.+)$/;

/**
 * A fresh private directory for one upload in progress, under DATA_DIR/tmp/uploads, named after the process
 * receiving it (`<pid>-<host>-<id>`), so the sweep knows a dead process's leftovers at once.
 */
export async function uploadTempDir(dataDir: string, id: string): Promise<string> {
  const dir = path.resolve(dataDir, 'tmp', 'uploads', `${process.pid}-${HOST}-${id}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The newest modification time of a directory and everything in it (an upload still being written is fresh). */
async function newestMtime(dir: string): Promise<number> {
  let newest = (await stat(dir).catch(() => null))?.mtimeMs ?? 0;
  for (const f of await listFiles(dir)) newest = Math.max(newest, (await stat(f).catch(() => null))?.mtimeMs ?? 0);
  return newest;
}

/**
 * Removes upload temp directories nobody will finish: those of a process of this host that is gone (a crash or
 * kill -9 mid-upload) at once, and any other that nothing has written to for `idleMs`. Returns what it removed.
 */
export async function sweepUploadTemp(dataDir: string, idleMs: number, now = Date.now()): Promise<string[]> {
  const root = path.resolve(dataDir, 'tmp', 'uploads');
  const removed: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true }).catch(() => [])) {
    const dir = path.join(root, e.name);
    const owner = OWNED.exec(e.name);
    const orphan = owner !== null && owner[2] === HOST && Number(owner[1]) !== process.pid && !alive(Number(owner[1]));
    if (orphan || now - (await newestMtime(dir)) > idleMs) {
      await rm(dir, { recursive: true, force: true });
      removed.push(dir);
    }
  }
  return removed;
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

/**
 * Runs espeak-ng for the server without forking the server per sentence. Forking a process costs time in
 * proportion to its memory (≈6 ms at 700 MB, measured) and blocks the event loop of every live session while it
 * happens; so one small long-lived bash reads jobs on stdin and starts each espeak-ng in the background (bash
 * reaps them), writing a WAV under a private temporary folder and answering "<id> <exit code>" on stdout.
 * Jobs run in parallel; a job's text never reaches a command line (it is a shell variable piped to stdin).
 * When bash is missing or dies, `synthesize` falls back to spawning espeak-ng directly.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../core/index.ts';

const SCRIPT = `d=$1; bin=$2
while IFS= read -r id && IFS= read -r nice && IFS= read -r voice && IFS= read -r wpm && IFS= read -r text; do
  { printf '%s\\n' "$text" | nice -n "$nice" "$bin" -v "$voice" -s "$wpm" -b 1 -w "$d/$id.wav" 2>"$d/$id.err"; echo "$id $?"; } &
done`;

/** CPU niceness of work that is not awaited yet (the rest of a reply while its first sentence plays). */
const BACKGROUND_NICE = 5;

interface Job {
  resolve(wav: Buffer): void;
  reject(e: Error): void;
}

/** One bash helper per espeak-ng binary, shared by every session of the process. */
export class EspeakRunner {
  private static readonly byBin = new Map<string, EspeakRunner>();
  private proc: ChildProcessWithoutNullStreams | null = null;
  private dir: string | null = null;
  private next = 0;
  private readonly jobs = new Map<string, Job>();
  private broken = false;

  private constructor(private readonly bin: string) {}

  static for(bin: string): EspeakRunner {
    let r = EspeakRunner.byBin.get(bin);
    if (!r) EspeakRunner.byBin.set(bin, (r = new EspeakRunner(bin)));
    return r;
  }

  /**
   * The WAV espeak-ng makes of `text` (one line; newlines become spaces). `background`: nobody is waiting for it
   * yet, so it runs at a lower CPU priority than first sentences and the server itself.
   */
  async synthesize(text: string, voice: string, wpm: number, signal?: AbortSignal, background = false): Promise<Buffer> {
    const line = text.replace(/[\r\n\0]+/g, ' ').trim();
    if (!/^[\w+.-]+$/.test(voice)) throw new AppError('VALIDATION_FAILED', `"${voice}" is not an espeak-ng voice name.`);
    const helper = this.broken ? null : this.helper();
    if (!helper) return spawnOnce(this.bin, line, voice, wpm, signal);
    const id = String(++this.next);
    const wav = new Promise<Buffer>((resolve, reject) => this.jobs.set(id, { resolve, reject }));
    helper.stdin.write(`${id}\n${background ? BACKGROUND_NICE : 0}\n${voice}\n${Math.round(wpm)}\n${line}\n`);
    return wav;
  }

  private helper(): ChildProcessWithoutNullStreams | null {
    if (this.proc) return this.proc;
    try {
      if (!this.dir) {
        const dir = (this.dir = mkdtempSync(path.join(os.tmpdir(), 'sg-espeak-')));
        process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      }
      const dir = this.dir;
      const p = spawn('bash', ['-c', SCRIPT, 'salesgym-espeak', dir, this.bin], { stdio: ['pipe', 'pipe', 'pipe'] });
      p.on('error', () => this.lost(p, true));
      p.on('exit', () => this.lost(p, false));
      p.stdin.on('error', () => this.lost(p, false));
      createInterface({ input: p.stdout }).on('line', (l) => void this.done(l));
      p.stderr.resume();
      // the helper must not keep the process alive; it exits by itself when our end of its stdin closes
      p.unref();
      for (const s of [p.stdin, p.stdout, p.stderr] as unknown as Array<{ unref?: () => void }>) s.unref?.();
      this.proc = p;
      return p;
    } catch {
      this.broken = true;
      return null;
    }
  }

  private async done(line: string): Promise<void> {
    const [id, code] = line.split(' ');
    const job = this.jobs.get(id);
    if (!job || !this.dir) return;
    this.jobs.delete(id);
    const wavPath = path.join(this.dir, `${id}.wav`);
    const errPath = path.join(this.dir, `${id}.err`);
    try {
      if (code === '127') job.reject(new AppError('NOT_CONFIGURED', `espeak-ng could not start (${this.bin} was not found); install the espeak-ng package.`));
      else if (code !== '0') {
        const err = await readFile(errPath, 'utf8').catch(() => '');
        job.reject(new AppError('INTERNAL', `espeak-ng failed (exit ${code}): ${err.trim()}`));
      } else job.resolve(await readFile(wavPath));
    } catch (e) {
      job.reject(e as Error);
    } finally {
      void rm(wavPath, { force: true });
      void rm(errPath, { force: true });
    }
  }

  /** The helper is gone: its jobs fail (the next call starts a new helper; no bash at all → direct spawns). */
  private lost(p: ChildProcessWithoutNullStreams, cannotStart: boolean): void {
    if (this.proc !== p) return;
    this.proc = null;
    if (cannotStart) this.broken = true;
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    for (const j of jobs) j.reject(new AppError('INTERNAL', 'The espeak-ng helper stopped; the sentence was not spoken.'));
  }
}

/** One espeak-ng process for one text (the fallback; forks the calling process). */
function spawnOnce(bin: string, text: string, voice: string, wpm: number, signal?: AbortSignal): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const p = spawn(bin, ['-v', voice, '-s', String(Math.round(wpm)), '--stdout', '-b', '1'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    const onAbort = () => p.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    p.stdout.on('data', (d: Buffer) => out.push(d));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', (e) => reject(new AppError('NOT_CONFIGURED', `espeak-ng could not start (${e.message}); install the espeak-ng package.`)));
    p.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return resolve(Buffer.alloc(0));
      if (code !== 0) return reject(new AppError('INTERNAL', `espeak-ng failed (exit ${code}): ${err.trim()}`));
      resolve(Buffer.concat(out));
    });
    p.stdin.end(text); // stdin, UTF-8: Hebrew text never touches the command line
  });
}

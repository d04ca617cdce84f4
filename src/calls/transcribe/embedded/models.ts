/**
 * Models for the embedded recogniser: the recommended whisper.cpp (ggml) files, downloading one from its public
 * home with progress and a SHA-256 checksum (the checksum the home publishes for the file, kept next to it), and
 * checking installed files. For users' machines: nothing at run time needs the network.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';

export interface ModelEntry {
  name: string;
  file: string;
  url: string;
  /** Download size, MB. */
  sizeMb: number;
  /** Expected speed on 2 CPU cores (× real time: 4 = a 10-minute call in 2.5 minutes); not measured on this build machine. */
  expectedSpeed: string;
  /** Expected Hebrew quality, in words. */
  hebrew: string;
  note: string;
}

const HF = 'https://huggingface.co';

/** Recommended models, smallest first. "small" is the recommended default for calls on 2 cores. */
export const MODELS: ModelEntry[] = [
  { name: 'tiny', file: 'ggml-tiny.bin', url: `${HF}/ggerganov/whisper.cpp/resolve/main/ggml-tiny.bin`, sizeMb: 75, expectedSpeed: '≈ 10–20×', hebrew: 'poor: many wrong words', note: 'checks the set-up; not for coaching' },
  { name: 'base', file: 'ggml-base.bin', url: `${HF}/ggerganov/whisper.cpp/resolve/main/ggml-base.bin`, sizeMb: 142, expectedSpeed: '≈ 6–10×', hebrew: 'weak: gist only', note: 'slow machines' },
  { name: 'small', file: 'ggml-small.bin', url: `${HF}/ggerganov/whisper.cpp/resolve/main/ggml-small.bin`, sizeMb: 466, expectedSpeed: '≈ 2–4×', hebrew: 'usable: most words, names often wrong', note: 'recommended default on 2 cores' },
  { name: 'small-q5_1', file: 'ggml-small-q5_1.bin', url: `${HF}/ggerganov/whisper.cpp/resolve/main/ggml-small-q5_1.bin`, sizeMb: 190, expectedSpeed: '≈ 2–4×', hebrew: 'as small, slightly lower', note: 'small in a third of the memory' },
  { name: 'medium', file: 'ggml-medium.bin', url: `${HF}/ggerganov/whisper.cpp/resolve/main/ggml-medium.bin`, sizeMb: 1533, expectedSpeed: '≈ 0.7–1.2×', hebrew: 'good', note: '4+ cores for live practice' },
  { name: 'large-v3-turbo-q5_0', file: 'ggml-large-v3-turbo-q5_0.bin', url: `${HF}/ggerganov/whisper.cpp/resolve/main/ggml-large-v3-turbo-q5_0.bin`, sizeMb: 547, expectedSpeed: '≈ 0.8–1.5×', hebrew: 'good', note: 'best multilingual quality per MB' },
  { name: 'large-v3-turbo', file: 'ggml-large-v3-turbo.bin', url: `${HF}/ggerganov/whisper.cpp/resolve/main/ggml-large-v3-turbo.bin`, sizeMb: 1624, expectedSpeed: '≈ 0.6–1×', hebrew: 'good', note: 'uploads on 4+ cores' },
  { name: 'ivrit-large-v3-turbo', file: 'ggml-ivrit-large-v3-turbo.bin', url: `${HF}/ivrit-ai/whisper-large-v3-turbo-ggml/resolve/main/ggml-model.bin`, sizeMb: 1624, expectedSpeed: '≈ 0.6–1×', hebrew: 'best: Hebrew fine-tune (ivrit.ai)', note: 'Hebrew calls on 4+ cores; file name at the model page may change' },
];

export const modelByName = (name: string): ModelEntry | undefined => MODELS.find((m) => m.name === name);

/** What a ggml Whisper file says about itself, or why it is not one. */
export type ModelCheck =
  | { ok: true; file: string; sizeMb: number; layers: number; vocab: number; multilingual: boolean; checksum: 'match' | 'mismatch' | 'none' }
  | { ok: false; file: string; problem: string };

const GGML_MAGIC = 0x67676d6c;

/** Reads the header (magic, hyper-parameters) and compares the file with its recorded SHA-256, when there is one. */
export async function checkModel(file: string): Promise<ModelCheck> {
  if (!existsSync(file)) return { ok: false, file, problem: 'no such file' };
  const fh = await open(file, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(48);
    await fh.read(head, 0, 48, 0);
  } finally {
    await fh.close();
  }
  if (head.readUInt32LE(0) !== GGML_MAGIC) return { ok: false, file, problem: 'not a whisper.cpp (ggml) model: bad magic number' };
  const [vocab, audioCtx, state, , layers, textCtx, textState, , textLayers, mels] = Array.from({ length: 10 }, (_, i) => head.readInt32LE(4 + 4 * i));
  if (vocab < 51864 || audioCtx !== 1500 || state <= 0 || state !== textState || layers <= 0 || textLayers <= 0 || textCtx <= 0 || (mels !== 80 && mels !== 128)) {
    return { ok: false, file, problem: `unexpected hyper-parameters (vocab ${vocab}, audio ctx ${audioCtx}, state ${state}, layers ${layers}, mels ${mels})` };
  }
  const sidecar = `${file}.sha256`;
  let checksum: 'match' | 'mismatch' | 'none' = 'none';
  if (existsSync(sidecar)) checksum = (await sha256File(file)) === readFileSync(sidecar, 'utf8').trim().split(/\s+/)[0] ? 'match' : 'mismatch';
  return { ok: true, file, sizeMb: Math.round(statSync(file).size / 1e5) / 10, layers, vocab, multilingual: vocab >= 51865, checksum };
}

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** ggml model files in a directory. */
export function installedModels(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /^ggml-.+\.bin$/.test(f)).sort().map((f) => path.join(dir, f));
}

export interface PullOptions {
  /** Called as bytes arrive: done, total (null when the server does not say). */
  onProgress?: (done: number, total: number | null) => void;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

/**
 * Downloads a model into `dir`: the home's published SHA-256 (Hugging Face sends it as X-Linked-Etag with the
 * redirect to the file) is checked against the bytes received; a mismatch or an interrupted download leaves no
 * model behind. Returns the file's path and its checksum.
 */
export async function pullModel(m: Pick<ModelEntry, 'file' | 'url'>, dir: string, o: PullOptions = {}): Promise<{ file: string; sha256: string; verifiedAgainst: 'published' | 'none' }> {
  const f = o.fetchImpl ?? fetch;
  mkdirSync(dir, { recursive: true });
  const first = await f(m.url, { redirect: 'manual', signal: o.signal });
  const published = (first.headers.get('x-linked-etag') ?? '').replace(/"/g, '').trim();
  const res = first.status >= 300 && first.status < 400 && first.headers.get('location') ? await f(new URL(first.headers.get('location')!, m.url), { signal: o.signal }) : first;
  if (!res.ok || !res.body) throw new Error(`${m.url} answered ${res.status} ${res.statusText}`);
  const total = Number(res.headers.get('content-length')) || null;
  const target = path.join(dir, m.file);
  const part = `${target}.part`;
  const h = createHash('sha256');
  const out = createWriteStream(part);
  let done = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      h.update(chunk);
      done += chunk.length;
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      o.onProgress?.(done, total);
    }
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  } catch (e) {
    out.destroy();
    rmSync(part, { force: true });
    throw e;
  }
  const sha256 = h.digest('hex');
  if (/^[0-9a-f]{64}$/.test(published) && published !== sha256) {
    rmSync(part, { force: true });
    throw new Error(`the download of ${m.file} is corrupt: SHA-256 ${sha256}, the model's home publishes ${published}`);
  }
  renameSync(part, target);
  writeFileSync(`${target}.sha256`, `${sha256}  ${m.file}\n`);
  return { file: target, sha256, verifiedAgainst: /^[0-9a-f]{64}$/.test(published) ? 'published' : 'none' };
}

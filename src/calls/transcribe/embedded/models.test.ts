/**
 * `salesgym models`: pull from a model home (a local HTTP server playing Hugging Face: a redirect carrying the
 * file's SHA-256 as X-Linked-Etag, then the bytes), with progress and the checksum checked; verify reads the
 * header, the recorded checksum, and loads the model in the real binding. The model is the tests' generated one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runModels } from '../../../cli/models.ts';
import { writeTinyWhisperModel } from '../../../testing/whisper-model.ts';
import { checkModel, pullModel } from './models.ts';

describe('speech recognition models: pull, list, verify', () => {
  let dir: string;
  let bytes: Buffer;
  let sha: string;
  let server: Server;
  let base: string;
  let published: string;
  const env = { ...process.env };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sg-models-'));
    const src = path.join(dir, 'source.bin');
    writeTinyWhisperModel(src);
    bytes = readFileSync(src);
    sha = createHash('sha256').update(bytes).digest('hex');
    published = sha;
    server = createServer((req, res) => {
      if (req.url?.startsWith('/resolve/')) {
        res.writeHead(302, { location: '/cdn/file', 'x-linked-etag': `"${published}"` });
        return res.end();
      }
      if (req.url === '/cdn/file') {
        res.writeHead(200, { 'content-length': String(bytes.length), 'content-type': 'application/octet-stream' });
        // in pieces, as a network delivers it
        let i = 0;
        const step = () => {
          if (i >= bytes.length) return res.end();
          res.write(bytes.subarray(i, (i += 1 << 20)), step);
        };
        return step();
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    process.env = env;
    await new Promise((r) => server?.close(r));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('downloads with progress, checks the published SHA-256, and records it', async () => {
    const seen: number[] = [];
    const r = await pullModel({ file: 'ggml-test.bin', url: `${base}/resolve/main/ggml-test.bin` }, path.join(dir, 'models'), { onProgress: (d, total) => (expect(total).toBe(bytes.length), seen.push(d)) });
    expect(r).toMatchObject({ sha256: sha, verifiedAgainst: 'published' });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(bytes.length);
    expect(readFileSync(r.file).equals(bytes)).toBe(true);
    expect(readFileSync(`${r.file}.sha256`, 'utf8')).toContain(sha);
    expect(await checkModel(r.file)).toMatchObject({ ok: true, multilingual: true, checksum: 'match' });
  });

  it('refuses a corrupt download and leaves no model behind', async () => {
    published = 'f'.repeat(64);
    try {
      await expect(pullModel({ file: 'ggml-bad.bin', url: `${base}/resolve/main/ggml-bad.bin` }, path.join(dir, 'models'))).rejects.toThrow(/corrupt/);
      expect(existsSync(path.join(dir, 'models', 'ggml-bad.bin'))).toBe(false);
      expect(existsSync(path.join(dir, 'models', 'ggml-bad.bin.part'))).toBe(false);
    } finally {
      published = sha;
    }
  });

  it('verify says which models are sound and loads them; list shows the one in use', async () => {
    process.env.DATA_DIR = dir;
    delete process.env.TRANSCRIBE_MODEL_PATH;
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await runModels(['verify'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/✓ .*ggml-test\.bin: .*multilingual \(Hebrew included\), checksum matches, loads in/);
    out.length = 0;
    expect(await runModels(['list'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/ggml-test\.bin \(installed, in use\)/);
    expect(out.join('\n')).toMatch(/small .* recommended|small\s+466 MB/);
    // damaged after download
    writeFileSync(path.join(dir, 'models', 'ggml-test.bin'), Buffer.concat([bytes.subarray(0, bytes.length - 10), Buffer.alloc(10, 0xff)]));
    out.length = 0;
    expect(await runModels(['verify', '--no-load'], io)).toBe(1);
    expect(out.join('\n')).toMatch(/does not match its recorded SHA-256/);
    out.length = 0;
    expect(await runModels(['pull', 'no-such-model'], io)).toBe(2);
  }, 60_000);
});

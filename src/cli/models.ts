/**
 * `salesgym models list | pull NAME | verify [FILE]`: the embedded recogniser's models in DATA_DIR/models (or
 * TRANSCRIBE_MODEL_PATH). `pull` downloads from the model's public home with a progress bar and a SHA-256 check —
 * for machines with a network; nothing at run time needs it.
 */
import { checkModel, EmbeddedWhisper, findModel, installedModels, MODELS, modelByName, modelsDir, pullModel } from '../calls/index.ts';
import { existsSync, statSync } from 'node:fs';
import { configOrExit, type Io } from './start.ts';

const USAGE = `Usage:
  salesgym models list                 recommended models, which are installed, which is in use
  salesgym models pull NAME            download one into DATA_DIR/models (progress, SHA-256 checked)
  salesgym models verify [FILE] [--no-load]   check installed models (header, checksum, and that they load)`;

export async function runModels(argv: string[], io: Io, progress: (line: string, done: boolean) => void = stderrProgress): Promise<number> {
  const [sub, ...rest] = argv;
  const config = configOrExit(io);
  if (!config) return 1;
  const dir = modelsDir(config);
  if (sub === 'list') {
    const inUse = findModel(config);
    const installed = new Set(installedModels(dir).map((f) => f.split('/').pop()));
    io.out(`Models in ${dir}${config.TRANSCRIBE_MODEL_PATH ? ` (TRANSCRIBE_MODEL_PATH=${config.TRANSCRIBE_MODEL_PATH})` : ''}:`);
    for (const m of MODELS) {
      const mark = inUse?.endsWith(`/${m.file}`) ? '← in use' : installed.has(m.file) ? 'installed' : '';
      io.out(`  ${m.name.padEnd(22)} ${String(m.sizeMb).padStart(5)} MB  speed ${m.expectedSpeed.padEnd(11)} Hebrew: ${m.hebrew.padEnd(40)} ${mark}`);
    }
    const others = [...installed].filter((f) => !MODELS.some((m) => m.file === f));
    for (const f of others) io.out(`  ${f} (installed${inUse?.endsWith(`/${f}`) ? ', in use' : ''})`);
    io.out(inUse ? `In use: ${inUse}` : 'None installed: calls use a transcription endpoint if configured, else practice falls back to the browser and typing.');
    io.out('Speeds are expected figures on 2 CPU cores (× real time), not measured on this machine; see README "Speech recognition".');
    return 0;
  }
  if (sub === 'pull') {
    const name = rest.find((a) => !a.startsWith('-'));
    const m = name ? modelByName(name) : undefined;
    if (!m) {
      io.err(`Unknown model "${name ?? ''}". Choose one of: ${MODELS.map((x) => x.name).join(', ')}.`);
      return 2;
    }
    io.out(`Downloading ${m.name} (${m.sizeMb} MB) from ${m.url}`);
    const t0 = Date.now();
    try {
      const r = await pullModel(m, dir, {
        onProgress: (done, total) => progress(bar(done, total, (Date.now() - t0) / 1000), false),
      });
      progress(bar(statBytes(r.file), statBytes(r.file), (Date.now() - t0) / 1000), true);
      io.out(`Saved ${r.file}\nSHA-256 ${r.sha256} (${r.verifiedAgainst === 'published' ? 'matches the checksum its home publishes' : 'its home published none; recorded for "models verify"'})`);
      return 0;
    } catch (e) {
      progress('', true);
      io.err(`salesgym models pull: ${(e as Error).message}`);
      return 1;
    }
  }
  if (sub === 'verify') {
    const file = rest.find((a) => !a.startsWith('-'));
    const files = file ? [file] : config.TRANSCRIBE_MODEL_PATH ? [config.TRANSCRIBE_MODEL_PATH] : installedModels(dir);
    if (files.length === 0) {
      io.err(`No model in ${dir}. Install one with "salesgym models pull small".`);
      return 1;
    }
    let bad = 0;
    for (const f of files) {
      const c = await checkModel(f);
      if (!c.ok) {
        bad++;
        io.out(`✗ ${f}: ${c.problem}`);
        continue;
      }
      if (c.checksum === 'mismatch') {
        bad++;
        io.out(`✗ ${f}: the file does not match its recorded SHA-256 (damaged or replaced); pull it again`);
        continue;
      }
      let loaded = 'not loaded (--no-load)';
      if (!rest.includes('--no-load')) {
        const e = new EmbeddedWhisper({ modelPath: f });
        try {
          const t = Date.now();
          await e.load();
          loaded = `loads in ${((Date.now() - t) / 1000).toFixed(1)} s`;
        } catch (err) {
          bad++;
          io.out(`✗ ${f}: ${(err as Error).message}`);
          continue;
        } finally {
          await e.close();
        }
      }
      io.out(`✓ ${f}: ${c.sizeMb} MB, ${c.layers} layers, ${c.multilingual ? 'multilingual (Hebrew included)' : 'English only'}, checksum ${c.checksum === 'match' ? 'matches' : 'not recorded'}, ${loaded}`);
    }
    return bad ? 1 : 0;
  }
  io.err(USAGE);
  return 2;
}

function statBytes(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

function bar(done: number, total: number | null, sec: number): string {
  const mb = (x: number) => (x / 1e6).toFixed(1);
  const speed = sec > 0 ? `${mb(done / sec)} MB/s` : '';
  if (!total) return `  ${mb(done)} MB  ${speed}`;
  const f = Math.min(1, done / total);
  const width = 30;
  return `  [${'#'.repeat(Math.round(f * width)).padEnd(width, '.')}] ${(f * 100).toFixed(0).padStart(3)}%  ${mb(done)}/${mb(total)} MB  ${speed}`;
}

let lastPrinted = -1;
/** A bar redrawn in place on a terminal; otherwise a line every 10 %. */
function stderrProgress(line: string, done: boolean): void {
  if (process.stderr.isTTY) {
    process.stderr.write(`\r${line}`);
    if (done) process.stderr.write('\n');
    return;
  }
  const pct = Number(/(\d+)%/.exec(line)?.[1] ?? -1);
  if (done || pct < 0 || Math.floor(pct / 10) !== Math.floor(lastPrinted / 10)) {
    lastPrinted = pct;
    if (line) process.stderr.write(`${line}\n`);
  }
}

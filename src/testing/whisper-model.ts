/**
 * A tiny Whisper model in whisper.cpp's ggml file format, with seeded random weights: what the tests load into the
 * real binding to exercise its plumbing (file loading, resampling, transcription runs, cancelling, concurrent
 * calls, timeouts) where no real model can be had. It recognises nothing: its "words" are noise from random
 * weights. The layout follows whisper.cpp's `whisper_model_load` (magic, hparams, mel filters, vocabulary, then
 * named tensors), with the multilingual vocabulary size so language tokens such as Hebrew exist.
 */
import { writeFileSync } from 'node:fs';

const GGML_MAGIC = 0x67676d6c;
const F32 = 0;
const F16 = 1;

export interface TinyWhisperOptions {
  /** Width of the encoder and decoder (default 64). */
  state?: number;
  heads?: number;
  layers?: number;
  seed?: number;
}

/** Writes the model to `file`; returns its size in bytes. */
export function writeTinyWhisperModel(file: string, o: TinyWhisperOptions = {}): number {
  const state = o.state ?? 64;
  const heads = o.heads ?? 2;
  const layers = o.layers ?? 1;
  const nVocab = 51865; // multilingual: language tokens (he, en, …) exist
  const audioCtx = 1500; // 30 s of 10 ms mel frames after the stride-2 convolution, as in every Whisper
  const textCtx = 448;
  const mels = 80;
  let seed = (o.seed ?? 1) >>> 0;
  const rand = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32 - 0.5;
  };

  const parts: Buffer[] = [];
  const i32 = (...xs: number[]) => {
    const b = Buffer.alloc(4 * xs.length);
    xs.forEach((x, i) => b.writeInt32LE(x, 4 * i));
    parts.push(b);
  };
  i32(GGML_MAGIC);
  i32(nVocab, audioCtx, state, heads, layers, textCtx, state, heads, layers, mels, F16);
  // mel filter bank: triangular filters over the 201 FFT bins
  const nFft = 201;
  i32(mels, nFft);
  const filters = Buffer.alloc(4 * mels * nFft);
  for (let m = 0; m < mels; m++) {
    const centre = ((m + 1) * (nFft - 1)) / (mels + 1);
    for (let k = 0; k < nFft; k++) filters.writeFloatLE(Math.max(0, 1 - Math.abs(k - centre) / 3), 4 * (m * nFft + k));
  }
  parts.push(filters);
  // vocabulary: ordinary tokens as short strings; the special tokens past them are named by whisper.cpp itself
  const ordinary = 50257;
  i32(ordinary);
  const letters = 'abcdefghijklmnopqrstuvwxyzאבגדהוזחטיכלמנסעפצקרשת';
  const chars = [...letters];
  for (let t = 0; t < ordinary; t++) {
    // token 220 is the bare space, as in Whisper's tokenizer (the decoder suppresses it at the start of a segment)
    const text = t === 220 ? ' ' : (t % 3 === 0 ? ' ' : '') + chars[t % chars.length] + chars[Math.floor(t / chars.length) % chars.length];
    const word = Buffer.from(text, 'utf8');
    i32(word.length);
    parts.push(word);
  }

  const tensor = (name: string, ne: number[], type: typeof F32 | typeof F16, fill: 'random' | 'one' | 'zero' = 'random') => {
    const n = ne.reduce((a, b) => a * b, 1);
    const nameBytes = Buffer.from(name, 'utf8');
    i32(ne.length, nameBytes.length, type, ...ne);
    parts.push(nameBytes);
    const value = () => (fill === 'one' ? 1 : fill === 'zero' ? 0 : rand() * 0.1);
    if (type === F32) {
      const b = Buffer.alloc(4 * n);
      for (let i = 0; i < n; i++) b.writeFloatLE(value(), 4 * i);
      parts.push(b);
    } else {
      const b = Buffer.alloc(2 * n);
      for (let i = 0; i < n; i++) b.writeUInt16LE(toHalf(value()), 2 * i);
      parts.push(b);
    }
  };
  const block = (prefix: string, cross: boolean) => {
    const attn = (p: string) => {
      tensor(`${p}_ln.weight`, [state], F32, 'one');
      tensor(`${p}_ln.bias`, [state], F32, 'zero');
      tensor(`${p}.query.weight`, [state, state], F16);
      tensor(`${p}.query.bias`, [state], F32, 'zero');
      tensor(`${p}.key.weight`, [state, state], F16);
      tensor(`${p}.value.weight`, [state, state], F16);
      tensor(`${p}.value.bias`, [state], F32, 'zero');
      tensor(`${p}.out.weight`, [state, state], F16);
      tensor(`${p}.out.bias`, [state], F32, 'zero');
    };
    attn(`${prefix}.attn`);
    if (cross) attn(`${prefix}.cross_attn`);
    tensor(`${prefix}.mlp_ln.weight`, [state], F32, 'one');
    tensor(`${prefix}.mlp_ln.bias`, [state], F32, 'zero');
    tensor(`${prefix}.mlp.0.weight`, [state, 4 * state], F16);
    tensor(`${prefix}.mlp.0.bias`, [4 * state], F32, 'zero');
    tensor(`${prefix}.mlp.2.weight`, [4 * state, state], F16);
    tensor(`${prefix}.mlp.2.bias`, [state], F32, 'zero');
  };
  tensor('encoder.positional_embedding', [state, audioCtx], F32);
  tensor('encoder.conv1.weight', [3, mels, state], F16);
  tensor('encoder.conv1.bias', [1, state], F32, 'zero');
  tensor('encoder.conv2.weight', [3, state, state], F16);
  tensor('encoder.conv2.bias', [1, state], F32, 'zero');
  tensor('encoder.ln_post.weight', [state], F32, 'one');
  tensor('encoder.ln_post.bias', [state], F32, 'zero');
  for (let l = 0; l < layers; l++) block(`encoder.blocks.${l}`, false);
  tensor('decoder.positional_embedding', [state, textCtx], F32);
  tensor('decoder.token_embedding.weight', [state, nVocab], F16);
  tensor('decoder.ln.weight', [state], F32, 'one');
  tensor('decoder.ln.bias', [state], F32, 'zero');
  for (let l = 0; l < layers; l++) block(`decoder.blocks.${l}`, true);

  const all = Buffer.concat(parts);
  writeFileSync(file, all);
  return all.length;
}

/** IEEE 754 half precision of a small float (the weights here are within ±0.05 or exactly 0/1). */
function toHalf(x: number): number {
  if (x === 0) return 0;
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer)[0];
  const sign = (u >>> 16) & 0x8000;
  let exp = ((u >>> 23) & 0xff) - 127 + 15;
  const mant = u & 0x7fffff;
  if (exp <= 0) return sign; // too small: zero
  if (exp >= 31) exp = 30;
  return sign | (exp << 10) | (mant >>> 13);
}

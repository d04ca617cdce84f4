import { open } from 'node:fs/promises';

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Byte offset of the first sample. */
  dataOffset: number;
  /** Sample bytes actually present in the file. */
  dataBytes: number;
  /** Sample bytes the header claims (may exceed dataBytes in a cut-off file). */
  declaredDataBytes: number;
}

/** Parses the RIFF/WAVE chunk list (any chunk order, any extra chunks). Throws on a non-WAV file. */
export async function readWavInfo(file: string): Promise<WavInfo> {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    const head = Buffer.alloc(12);
    await fh.read(head, 0, 12, 0);
    if (head.toString('ascii', 0, 4) !== 'RIFF' || head.toString('ascii', 8, 12) !== 'WAVE') throw new Error(`${file} is not a WAV file`);
    let pos = 12;
    let fmt: Pick<WavInfo, 'sampleRate' | 'channels' | 'bitsPerSample'> | null = null;
    const hdr = Buffer.alloc(8);
    while (pos + 8 <= size) {
      await fh.read(hdr, 0, 8, pos);
      const id = hdr.toString('ascii', 0, 4);
      const len = hdr.readUInt32LE(4);
      if (id === 'fmt ') {
        const b = Buffer.alloc(16);
        await fh.read(b, 0, 16, pos + 8);
        fmt = { channels: b.readUInt16LE(2), sampleRate: b.readUInt32LE(4), bitsPerSample: b.readUInt16LE(14) };
      } else if (id === 'data') {
        if (!fmt) throw new Error(`${file}: data chunk before fmt chunk`);
        const dataOffset = pos + 8;
        return { ...fmt, dataOffset, declaredDataBytes: len, dataBytes: Math.min(len, size - dataOffset) };
      }
      pos += 8 + len + (len % 2);
    }
    throw new Error(`${file} has no data chunk`);
  } finally {
    await fh.close();
  }
}

/** Streams a mono PCM16 WAV as sample blocks of `blockSamples` (the last may be shorter). Memory stays flat. */
export async function* wavBlocks(file: string, blockSamples = 16_000): AsyncGenerator<Int16Array> {
  const info = await readWavInfo(file);
  if (info.bitsPerSample !== 16 || info.channels !== 1) throw new Error(`${file}: expected mono 16-bit PCM`);
  const fh = await open(file, 'r');
  try {
    let pos = info.dataOffset;
    const end = info.dataOffset + info.dataBytes;
    while (pos < end) {
      const want = Math.min(blockSamples * 2, end - pos) & ~1;
      if (want <= 0) break;
      const buf = Buffer.alloc(want);
      const { bytesRead } = await fh.read(buf, 0, want, pos);
      if (bytesRead <= 1) break;
      pos += bytesRead;
      yield new Int16Array(buf.buffer, buf.byteOffset, bytesRead >> 1);
    }
  } finally {
    await fh.close();
  }
}

/** Reads a whole mono PCM16 WAV (short clips only). */
export async function readWavSamples(file: string): Promise<{ samples: Int16Array; sampleRate: number }> {
  const info = await readWavInfo(file);
  const parts: Int16Array[] = [];
  for await (const b of wavBlocks(file, 1 << 16)) parts.push(b);
  const n = parts.reduce((a, p) => a + p.length, 0);
  const samples = new Int16Array(n);
  let o = 0;
  for (const p of parts) {
    samples.set(p, o);
    o += p.length;
  }
  return { samples, sampleRate: info.sampleRate };
}

/** A PCM16 WAV file's bytes; `samples` interleaved when channels > 1. */
export function encodeWav(samples: Int16Array, sampleRate: number, channels = 1): Buffer {
  const b = Buffer.alloc(44 + samples.length * 2);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + samples.length * 2, 4);
  b.write('WAVEfmt ', 8, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(channels, 22);
  b.writeUInt32LE(sampleRate, 24);
  b.writeUInt32LE(sampleRate * 2 * channels, 28);
  b.writeUInt16LE(2 * channels, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(samples.length * 2, 40);
  Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength).copy(b, 44);
  return b;
}

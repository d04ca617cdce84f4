import { describe, expect, it } from 'vitest';
import { decodeBase64Bytes, splitAudioDelta } from './realtime-wire.ts';

const rand = (n: number, seed: number) => {
  let x = seed;
  return Uint8Array.from({ length: n }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 255);
};

describe('Realtime wire coding on bytes', () => {
  it('decodes base64 exactly as Buffer does, for every tail length, padded or not', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 959, 1920, 1921, 4801]) {
      const src = rand(n, n + 1);
      const text = Buffer.from(src).toString('base64');
      const bytes = Buffer.from(`xx${text}yy`, 'latin1');
      expect(Buffer.from(decodeBase64Bytes(bytes, 2, bytes.length - 2)!)).toEqual(Buffer.from(src));
      const unpadded = Buffer.from(text.replace(/=+$/, ''), 'latin1');
      expect(Buffer.from(decodeBase64Bytes(unpadded, 0, unpadded.length)!)).toEqual(Buffer.from(src));
    }
    const bad = Buffer.from('AAAA*AAA', 'latin1');
    expect(decodeBase64Bytes(bad, 0, bad.length)).toBeNull();
  });

  it('splits an audio delta into its PCM and its other fields, and leaves every other event to JSON.parse', () => {
    const pcm = new Int16Array(rand(960, 3).buffer);
    const ev = { type: 'response.output_audio.delta', event_id: 'ev_1', response_id: 'resp_1', item_id: 'item_1', output_index: 0, content_index: 0, delta: Buffer.from(pcm.buffer).toString('base64') };
    const r = splitAudioDelta(Buffer.from(JSON.stringify(ev)))!;
    expect(r.event).toEqual({ ...ev, delta: '' });
    expect(Array.from(r.pcm)).toEqual(Array.from(pcm));
    // fields after the delta survive too
    const { item_id, ...rest } = ev;
    const r2 = splitAudioDelta(Buffer.from(JSON.stringify({ ...rest, item_id })))!;
    expect(r2.event.item_id).toBe('item_1');
    // not a delta, a transcript delta, a malformed delta: no fast path
    expect(splitAudioDelta(Buffer.from(JSON.stringify({ type: 'response.output_audio_transcript.delta', item_id: 'i', delta: 'שלום' })))).toBeNull();
    expect(splitAudioDelta(Buffer.from('{"type":"response.output_audio.delta","item_id":"i","delta":"@@@@"}'))).toBeNull();
    expect(splitAudioDelta(Buffer.from('{"type":"response.output_audio.delta","item_id":"i","delta":"AAA'))).toBeNull();
    expect(splitAudioDelta(Buffer.from('{"type":"session.created"}'))).toBeNull();
  });
});

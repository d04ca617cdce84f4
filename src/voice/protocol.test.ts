import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { audioFrameProblem, bytesForMs, decodeClientMessage, decodeServerMessage, PROTOCOL_VERSION } from './protocol.ts';

describe('wire protocol', () => {
  it('accepts PCM16 24 kHz frames of 10–100 ms in whole samples only', () => {
    expect(bytesForMs(20)).toBe(960);
    expect(audioFrameProblem(480)).toBeNull();
    expect(audioFrameProblem(4800)).toBeNull();
    expect(audioFrameProblem(1000)).toBeNull();
    expect(audioFrameProblem(478)).toMatch(/outside/);
    expect(audioFrameProblem(4802)).toMatch(/outside/);
    expect(audioFrameProblem(961)).toMatch(/16-bit/);
  });

  it('decodes valid client messages with defaults and names what is wrong otherwise', () => {
    const ok = decodeClientMessage(JSON.stringify({ type: 'start', v: PROTOCOL_VERSION }));
    expect(ok).toEqual({ ok: true, message: { type: 'start', v: 1, mode: 'voice', agentTranscripts: 'server', pushToTalk: false } });
    expect(decodeClientMessage('{')).toMatchObject({ ok: false, code: 'MALFORMED_JSON' });
    expect(decodeClientMessage('[1]')).toMatchObject({ ok: false, code: 'UNKNOWN_MESSAGE' });
    expect(decodeClientMessage(JSON.stringify({ type: 'hack' }))).toMatchObject({ ok: false, code: 'UNKNOWN_MESSAGE', message: 'Unknown message type "hack".' });
    expect(decodeClientMessage(JSON.stringify({ type: 'start', v: 2 }))).toMatchObject({ ok: false, code: 'UNSUPPORTED_VERSION' });
    const bad = decodeClientMessage(JSON.stringify({ type: 'interrupt', itemId: 'x', playedMs: -5 }));
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_MESSAGE' });
    expect(!bad.ok && bad.message).toMatch(/playedMs/);
    expect(decodeClientMessage(JSON.stringify({ type: 'agent_text', text: '' }))).toMatchObject({ ok: false, code: 'INVALID_MESSAGE' });
  });

  it('round-trips server messages through the shared schema', () => {
    const m = { type: 'ended', outcome: 'next_step', reason: 'customer_hung_up', durationMs: 1234 } as const;
    expect(decodeServerMessage(JSON.stringify(m))).toEqual(m);
    expect(decodeServerMessage(JSON.stringify({ type: 'ended', outcome: 'won' }))).toBeNull();
  });

  it('stays importable by the browser bundle (no node: imports)', () => {
    const src = readFileSync(new URL('./protocol.ts', import.meta.url), 'utf8');
    const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports).toEqual(['zod']);
  });
});

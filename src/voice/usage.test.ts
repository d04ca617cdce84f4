import { describe, expect, it } from 'vitest';
import { addUsage, hasPrice, NO_USAGE, usageCostUsd } from './usage.ts';

describe('usage → cost (OpenAI list prices in src/voice/usage.ts)', () => {
  it('prices Realtime tokens by kind, cached input at the cached rate, dated snapshots as their model', () => {
    const u = { kind: 'realtime' as const, model: 'gpt-realtime', inputTextTokens: 1_000_000, inputAudioTokens: 1_000_000, cachedInputTokens: 500_000, outputTextTokens: 1_000_000, outputAudioTokens: 1_000_000 };
    // text in 4 + audio in (0.5M × 32 + 0.5M cached × 0.4) + text out 16 + audio out 64
    expect(usageCostUsd(u)).toBeCloseTo(4 + 16 + 0.2 + 16 + 64, 6);
    expect(usageCostUsd({ ...u, model: 'gpt-realtime-2025-08-28' })).toBeCloseTo(usageCostUsd(u), 9);
    expect(usageCostUsd({ ...u, model: 'my-local-model' })).toBe(0);
    expect(hasPrice('realtime', 'my-local-model')).toBe(false);
  });

  it('prices transcription per minute or per token, speech per minute (or per character for tts-1), chat per token', () => {
    expect(usageCostUsd({ kind: 'transcription', model: 'gpt-4o-transcribe', seconds: 120 })).toBeCloseTo(0.012, 9);
    expect(usageCostUsd({ kind: 'transcription_tokens', model: 'gpt-4o-transcribe', inputAudioTokens: 1_000_000, inputTextTokens: 0, outputTokens: 1_000_000 })).toBeCloseTo(16, 9);
    expect(usageCostUsd({ kind: 'speech', model: 'gpt-4o-mini-tts', seconds: 60, characters: 900 })).toBeCloseTo(0.015, 9);
    expect(usageCostUsd({ kind: 'speech', model: 'tts-1', seconds: 60, characters: 1_000_000 })).toBeCloseTo(15, 9);
    expect(usageCostUsd({ kind: 'chat', model: 'gpt-4.1-mini', inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBeCloseTo(2, 9);
  });

  it('sums a call: cost and the measures the admin sees', () => {
    let t = NO_USAGE;
    t = addUsage(t, { kind: 'transcription', model: 'gpt-4o-transcribe', seconds: 30 });
    t = addUsage(t, { kind: 'speech', model: 'gpt-4o-mini-tts', seconds: 20, characters: 300 });
    t = addUsage(t, { kind: 'chat', model: 'gpt-4.1-mini', inputTokens: 2000, outputTokens: 50 });
    expect(t.transcriptionSeconds).toBe(30);
    expect(t.speechSeconds).toBe(20);
    expect(t.chatTokens).toBe(2050);
    expect(t.costUsd).toBeCloseTo(0.003 + 0.005 + (2000 * 0.4 + 50 * 1.6) / 1e6, 9);
  });
});

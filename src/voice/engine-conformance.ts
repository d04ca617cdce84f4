/**
 * The one conformance suite every SimulationEngine runs (Realtime against the fake Realtime server, Cascade and
 * Text with a brain). Each engine file calls `engineConformance(...)` with a harness; skips are named with a reason.
 */
import { describe, expect, it } from 'vitest';
import type { DifficultyDirective, EngineEvent, SimulationEngine, VoicePersona } from './engine.ts';
import { directiveText } from './customer-instructions.ts';

export interface EngineHarness {
  engine: SimulationEngine;
  /** The agent says `text`: audio (and/or transcripts) for voice engines, a typed turn for text engines. */
  agentSays(text: string): Promise<void>;
  /** A short backchannel ("כן") while the customer talks; only for audio-in engines. */
  agentBackchannel?(): Promise<void>;
  /** Long agent speech (≥ 1 s) over the customer; only for audio-in engines. */
  agentTalksOver?(): Promise<void>;
  /** Every instructions text that reached the upstream model since this harness was made (session.update, chat system message). */
  upstreamInstructions?(): string[];
  close(): Promise<void>;
}

export interface ConformanceOptions {
  /** Agent lines that make the customer answer at length (for barge-in). */
  openingLine: string;
  /** The customer the harness plays (for the instructions invariant). */
  persona?: VoicePersona;
  skip?: Partial<Record<'audio' | 'bargeIn' | 'backchannel' | 'instructions', string>>;
}

const count = (hay: string, needle: string) => (needle ? hay.split(needle).length - 1 : 0);

/** The invariant: the persona's instructions whole, its name, and the current directive once (no earlier one). */
export function expectPersonaKept(text: string, persona: VoicePersona, d: DifficultyDirective | null, previous: DifficultyDirective[] = []): void {
  expect(text.includes(persona.instructions), 'the persona\'s compiled instructions are all there').toBe(true);
  expect(text).toContain(persona.name);
  expect(text.length).toBeGreaterThanOrEqual(persona.instructions.length);
  if (!d) return;
  const now = directiveText(d, persona.language, persona.gender);
  expect(count(text, now), 'the current directive, once').toBe(1);
  for (const p of previous) {
    const old = directiveText(p, persona.language, persona.gender);
    if (old !== now && !now.includes(old)) expect(count(text, old), 'an earlier directive is replaced, not kept').toBe(0);
  }
}

export function recorder(engine: SimulationEngine) {
  const events: EngineEvent[] = [];
  engine.onEvent((e) => events.push(e));
  const waitFor = async (pred: (e: EngineEvent) => boolean, what: string, timeoutMs = 15_000): Promise<EngineEvent> => {
    const t0 = Date.now();
    for (;;) {
      const hit = events.find(pred);
      if (hit) return hit;
      if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}; saw ${events.map((e) => e.type).join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { events, waitFor };
}

export function engineConformance(name: string, make: () => Promise<EngineHarness>, opts: ConformanceOptions): void {
  describe(`${name} engine conformance`, () => {
    it('answers an agent turn: committed → customer started → text deltas → done, in order', async () => {
      const h = await make();
      const { events, waitFor } = recorder(h.engine);
      try {
        await h.engine.start();
        await h.agentSays(opts.openingLine);
        const done = (await waitFor((e) => e.type === 'customer_turn_done', 'customer_turn_done')) as Extract<EngineEvent, { type: 'customer_turn_done' }>;
        const types = events.map((e) => e.type);
        const committed = types.indexOf('agent_turn_committed');
        const started = types.indexOf('customer_turn_started');
        const firstDelta = types.indexOf('customer_text_delta');
        expect(committed).toBeGreaterThanOrEqual(0);
        expect(started).toBeGreaterThan(committed);
        expect(firstDelta).toBeGreaterThan(started);
        expect(types.indexOf('customer_turn_done')).toBeGreaterThan(firstDelta);
        expect(done.text.length).toBeGreaterThan(0);
        expect(done.interrupted).toBe(false);
        const deltas = events.filter((e) => e.type === 'customer_text_delta' && e.itemId === done.itemId).map((e) => (e as { delta: string }).delta);
        expect(deltas.join('').trim()).toBe(done.text);
        const final = (await waitFor((e) => e.type === 'agent_transcript' && e.final, 'final agent transcript')) as { text: string };
        expect(final.text.length).toBeGreaterThan(0);
        const c = events.find((e) => e.type === 'agent_turn_committed') as { atMs: number };
        const d = events.find((e) => e.type === 'customer_text_delta') as { atMs: number };
        expect(d.atMs).toBeGreaterThanOrEqual(c.atMs);
      } finally {
        await h.close();
      }
    });

    it.skipIf(!!opts.skip?.audio)(`streams customer audio as PCM16 24 kHz within the turn${opts.skip?.audio ? ` (skipped: ${opts.skip.audio})` : ''}`, async () => {
      const h = await make();
      const { events, waitFor } = recorder(h.engine);
      try {
        expect(h.engine.capabilities.audioOut).toBe(true);
        await h.engine.start();
        await h.agentSays(opts.openingLine);
        const done = (await waitFor((e) => e.type === 'customer_turn_done', 'customer_turn_done')) as { itemId: string };
        const audio = events.filter((e): e is Extract<EngineEvent, { type: 'customer_audio' }> => e.type === 'customer_audio' && e.itemId === done.itemId);
        expect(audio.length).toBeGreaterThan(0);
        const ms = audio.reduce((n, a) => n + a.pcm.length, 0) / 24;
        expect(ms).toBeGreaterThan(200);
        expect(audio.every((a) => a.pcm instanceof Int16Array)).toBe(true);
        let peak = 0;
        for (const a of audio) for (const v of a.pcm) peak = Math.max(peak, Math.abs(v));
        expect(peak).toBeGreaterThan(1000); // real sound, not silence
        const iStart = events.findIndex((e) => e.type === 'customer_turn_started' && e.itemId === done.itemId);
        const iDone = events.findIndex((e) => e.type === 'customer_turn_done' && e.itemId === done.itemId);
        expect(events.findIndex((e) => e.type === 'customer_audio')).toBeGreaterThan(iStart);
        expect(events.findLastIndex((e) => e.type === 'customer_audio' && e.itemId === done.itemId)).toBeLessThan(iDone);
      } finally {
        await h.close();
      }
    });

    it.skipIf(!!opts.skip?.bargeIn)(`on barge-in truncates the customer turn to the audio actually played${opts.skip?.bargeIn ? ` (skipped: ${opts.skip.bargeIn})` : ''}`, async () => {
      const h = await make();
      const { events, waitFor } = recorder(h.engine);
      try {
        await h.engine.start();
        await h.agentSays(opts.openingLine);
        const started = (await waitFor((e) => e.type === 'customer_audio', 'customer audio')) as { itemId: string };
        await h.agentTalksOver!();
        const barge = (await waitFor((e) => e.type === 'barge_in', 'barge_in')) as { itemId: string };
        expect(barge.itemId).toBe(started.itemId);
        h.engine.interrupt(barge.itemId, 300); // the client reports 300 ms played
        const done = (await waitFor((e) => e.type === 'customer_turn_done' && e.itemId === barge.itemId && e.interrupted, 'interrupted turn')) as { text: string };
        const full = events.filter((e) => e.type === 'customer_text_delta' && e.itemId === barge.itemId).map((e) => (e as { delta: string }).delta).join('');
        expect(full.replace(/\s+/g, ' ').startsWith(done.text.replace(/\s+/g, ' '))).toBe(true);
        expect(done.text.length).toBeLessThan(full.length);
        const at = events.findIndex((e) => e.type === 'customer_turn_done' && e.itemId === barge.itemId);
        await new Promise((r) => setTimeout(r, 200));
        expect(events.slice(at + 1).some((e) => e.type === 'customer_audio' && e.itemId === barge.itemId)).toBe(false);
      } finally {
        await h.close();
      }
    });

    it.skipIf(!!opts.skip?.backchannel)(`a short backchannel while the customer talks neither ends nor cuts the turn${opts.skip?.backchannel ? ` (skipped: ${opts.skip.backchannel})` : ''}`, async () => {
      const h = await make();
      const { events, waitFor } = recorder(h.engine);
      try {
        await h.engine.start();
        await h.agentSays(opts.openingLine);
        await waitFor((e) => e.type === 'customer_audio', 'customer audio');
        await h.agentBackchannel!();
        const done = (await waitFor((e) => e.type === 'customer_turn_done', 'customer_turn_done', 30_000)) as { interrupted: boolean };
        expect(done.interrupted).toBe(false);
        expect(events.some((e) => e.type === 'barge_in')).toBe(false);
        expect(events.filter((e) => e.type === 'agent_turn_committed')).toHaveLength(1);
      } finally {
        await h.close();
      }
    });

    it('accepts a difficulty directive mid-call and keeps answering', async () => {
      const h = await make();
      const { events, waitFor } = recorder(h.engine);
      try {
        await h.engine.start();
        await h.engine.updateDirectives({ level: 'challenging' });
        await h.agentSays(opts.openingLine);
        await waitFor((e) => e.type === 'customer_turn_done', 'customer_turn_done');
        expect(events.some((e) => e.type === 'error' && !e.recoverable)).toBe(false);
      } finally {
        await h.close();
      }
    });

    it.skipIf(!!opts.skip?.instructions || !opts.persona)(
      `instructions keep the persona after every update: identity, objections and rules, plus the current directive, each once${opts.skip?.instructions ? ` (skipped: ${opts.skip.instructions})` : !opts.persona ? ' (skipped: the harness names no persona)' : ''}`,
      async () => {
        const persona = opts.persona!;
        const h = await make();
        const { events, waitFor } = recorder(h.engine);
        try {
          await h.engine.start();
          const base = h.engine.instructions();
          expect(base, 'an LLM customer exposes its instructions').not.toBeNull();
          expectPersonaKept(base!, persona, null);
          const directives: DifficultyDirective[] = [
            { level: 'challenging' },
            { level: 'supportive', note: persona.language === 'he' ? 'מעכשיו [היה|היי] סבלני[|ת] יותר ו[תן|תני] לנציג לסיים משפט.' : 'From now on be more patient and let the agent finish a sentence.' },
            { level: 'challenging', note: persona.language === 'he' ? '[העלה|העלי] עוד התנגדות אחת על המחיר.' : 'Raise one more objection about the price.' },
            { level: 'challenging', note: persona.language === 'he' ? '[העלה|העלי] עוד התנגדות אחת על המחיר.' : 'Raise one more objection about the price.' },
            { level: 'neutral' },
          ];
          const seen: DifficultyDirective[] = [];
          const upstreamBefore = h.upstreamInstructions?.().length ?? 0;
          for (const d of directives) {
            await h.engine.updateDirectives(d);
            const text = h.engine.instructions()!;
            expectPersonaKept(text, persona, d, seen);
            expect(text.length).toBeGreaterThanOrEqual(base!.length * 0.8);
            seen.push(d);
          }
          // a Hebrew directive agrees with the customer's gender
          if (persona.language === 'he' && persona.gender === 'female') expect(h.engine.instructions()).not.toMatch(/\[[^\]|]*\|[^\]|]*\]/);
          await h.agentSays(opts.openingLine);
          await waitFor((e) => e.type === 'customer_turn_done', 'customer_turn_done');
          expect(events.some((e) => e.type === 'error' && !e.recoverable)).toBe(false);
          if (h.upstreamInstructions) {
            const sent = h.upstreamInstructions().slice(upstreamBefore);
            expect(sent.length, 'the model received instructions after the updates').toBeGreaterThan(0);
            for (const t of sent) expectPersonaKept(t, persona, null);
            expect(sent.at(-1)).toBe(h.engine.instructions());
          }
        } finally {
          await h.close();
        }
      },
    );

    it('goes quiet after stop()', async () => {
      const h = await make();
      const { events } = recorder(h.engine);
      await h.engine.start();
      await h.engine.stop();
      const n = events.length;
      await h.agentSays(opts.openingLine).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      expect(events.slice(n).filter((e) => e.type.startsWith('customer_'))).toHaveLength(0);
      await h.close();
    });
  });
}

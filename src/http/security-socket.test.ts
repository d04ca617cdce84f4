/**
 * Security suite (issue 15), the practice WebSocket under a fuzzing client: thousands of malformed, oversized and
 * flooding frames on one socket while a well-behaved call goes on alongside; the flooder's `end` is honoured even
 * while it is rate limited, and nothing of the flooder's session stays held once it is over.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startSimulationApp, type SimulationApp } from '../testing/simulation-app.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(pred: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000) {
  const t0 = Date.now();
  while (!(await pred())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
}

/** A deterministic stream of hostile frames: garbage JSON, wrong types, huge strings, odd audio, floods. */
function* fuzzFrames(n: number, seed = 7): Generator<string | Uint8Array> {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const texts = [
    () => '{"type":"start",',
    () => JSON.stringify({ type: pick(['teleport', 'END', 'start', 'agent_text', 'interrupt', '__proto__']), v: rnd() > 0.5 ? 1 : 'x', text: 'a'.repeat(Math.floor(rnd() * 3000)) }),
    () => JSON.stringify({ type: 'agent_text', text: 'שלום\u0000'.repeat(Math.floor(rnd() * 50) + 1) }),
    () => JSON.stringify({ type: 'interrupt', itemId: 'x'.repeat(Math.floor(rnd() * 500)), playedMs: rnd() > 0.5 ? -1 : 1e308 }),
    () => JSON.stringify({ type: 'ping', t: rnd() * 1e9 }),
    () => '['.repeat(2000) + ']'.repeat(2000),
    () => JSON.stringify({ type: 'agent_transcript', text: 'x'.repeat(60_000), final: true }),
    () => String.fromCharCode(...Array.from({ length: 64 }, () => Math.floor(rnd() * 0xffff))),
    () => '',
  ];
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.35) {
      const size = pick([0, 1, 333, 960, 1920, 24_000, 100_000]);
      const b = new Uint8Array(size);
      for (let j = 0; j < size; j += 97) b[j] = Math.floor(rnd() * 256);
      yield b;
    } else yield pick(texts)();
  }
}

describe('security: WebSocket fuzz with a well-behaved call alongside', () => {
  let s: SimulationApp;
  beforeAll(async () => {
    s = await startSimulationApp();
  });
  afterAll(async () => s?.close());

  it('survives 2,500 hostile frames, keeps the other call answering, honours the flooder’s end, and lets go of it', async () => {
    const [good, bad] = [await s.login('agent1@demo.salesgym.dev'), await s.login('agent2@demo.salesgym.dev')];
    const a = await s.create(good, { mode: 'text', language: 'he' });
    const b = await s.create(bad, { mode: 'text', language: 'he' });
    const ca = await s.connect(a.simulation.id, good);
    const cb = await s.connect(b.simulation.id, bad);
    ca.send({ type: 'start', v: 1, mode: 'text' });
    cb.send({ type: 'start', v: 1, mode: 'text' });
    await Promise.all([ca.waitFor('ready'), cb.waitFor('ready')]);
    const liveBefore = s.ctx.simulations.liveCount;

    let sent = 0;
    let replies = 0;
    for (const frame of fuzzFrames(2500)) {
      if (typeof frame === 'string') cb.sendRaw(frame);
      else cb.sendAudio(frame);
      sent++;
      if (sent % 500 === 0) {
        // the well-behaved agent keeps talking and keeps being answered while the flood goes on
        ca.send({ type: 'agent_text', text: `שלום, אני מתקשר לגבי ההצעה (${sent})` });
        await until(() => ca.of('customer_transcript_final').length > replies, `reply ${sent}`);
        replies = ca.of('customer_transcript_final').length;
      }
    }
    expect(sent).toBeGreaterThanOrEqual(2000);
    expect(replies).toBeGreaterThanOrEqual(5);
    expect(ca.of('error')).toEqual([]);
    expect(cb.invalid).toEqual([]);
    // a NUL in a turn was refused as an invalid message, never stored
    const turns = await s.ctx.repos.simulations.turns(b.simulation.id);
    expect(turns.every((t) => !t.text.includes('\u0000'))).toBe(true);
    // a last flood right before hanging up: most of it is refused by the message limit…
    for (let i = 0; i < 200; i++) cb.send({ type: 'ping', t: 1e6 + i });
    // …yet its `end` is honoured at once
    cb.send({ type: 'end' });
    expect(await cb.waitFor('ended')).toMatchObject({ reason: 'agent_ended' });
    expect(cb.of('pong').filter((p) => p.t >= 1e6).length).toBeLessThan(200);
    await until(async () => (await s.ctx.repos.simulations.byId(b.simulation.id))?.status === 'ended', 'flooder ended');
    // nothing of the flooder's session stays live on the server
    await until(() => s.ctx.simulations.liveCount === liveBefore - 1, 'flooder released');
    expect((await s.ctx.repos.simulations.byId(a.simulation.id))?.status).toBe('active');
    ca.send({ type: 'end' });
    await ca.waitFor('ended');
    await until(() => s.ctx.simulations.liveCount === liveBefore - 2, 'all released');
  }, 120_000);
});

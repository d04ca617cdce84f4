import { describe, expect, it } from 'vitest';
import { liveBusConformance } from './bus-conformance.ts';
import { MemoryLiveBus } from './memory-bus.ts';
import { topics } from './types.ts';

liveBusConformance('memory (one node)', async () => {
  const bus = new MemoryLiveBus();
  return { publisher: bus, subscriber: bus, close: () => bus.close() };
});

describe('MemoryLiveBus', () => {
  it('hands messages over after publish returns, never inside it (a subscriber cannot hold the call)', async () => {
    const bus = new MemoryLiveBus();
    const t = topics.events('s1');
    let calls = 0;
    bus.subscribe(t, () => void calls++);
    bus.publish(t, { type: 'x', at: 1 });
    expect(calls).toBe(0);
    await expect.poll(() => calls).toBe(1);
    await bus.close();
  });

  it('forgets a topic when its last subscriber leaves', async () => {
    const bus = new MemoryLiveBus();
    const u1 = bus.subscribe(topics.events('s1'), () => undefined);
    const u2 = bus.subscribeAudio(topics.audio('s1'), () => undefined);
    expect(bus.stats().subscriptions).toBe(2);
    u1();
    u2();
    expect(bus.stats().subscriptions).toBe(0);
    await bus.close();
  });
});

/**
 * The customer's voice: PCM16 24 kHz frames scheduled back to back on one AudioContext. Knows, per customer
 * item, how many milliseconds have actually been played, and stops everything at once on barge-in.
 */

interface ItemPlayback {
  itemId: string;
  /** AudioContext time the item's first frame starts. */
  startAt: number;
  /** Seconds of the item scheduled so far. */
  scheduled: number;
}

export class Player {
  private readonly ctx: AudioContext;
  private readonly gain: GainNode;
  private sources = new Set<AudioBufferSourceNode>();
  private cursor = 0;
  private item: ItemPlayback | null = null;
  /** Frames played since the page opened (for tests and the status line). */
  framesPlayed = 0;

  constructor() {
    this.ctx = new AudioContext({ sampleRate: 24_000, latencyHint: 'interactive' });
    this.gain = this.ctx.createGain();
    this.gain.connect(this.ctx.destination);
  }

  /** Browsers start audio only after a user gesture; call from the Start click. */
  resume(): Promise<void> {
    return this.ctx.state === 'suspended' ? this.ctx.resume() : Promise.resolve();
  }

  /** The item now playing (or queued). */
  get currentItem(): string | null {
    return this.item?.itemId ?? null;
  }

  /** Queue one frame of itemId. */
  enqueue(itemId: string, pcm: Int16Array): void {
    const now = this.ctx.currentTime;
    if (this.cursor < now + 0.02) this.cursor = now + 0.02; // small jitter buffer after a gap
    if (!this.item || this.item.itemId !== itemId) this.item = { itemId, startAt: this.cursor, scheduled: 0 };
    const buf = this.ctx.createBuffer(1, pcm.length, 24_000);
    const ch = buf.getChannelData(0);
    for (let i = 0; i < pcm.length; i++) ch[i] = pcm[i] / 32768;
    const src = this.ctx.createBufferSource();
    src.buffer = buf;
    src.connect(this.gain);
    src.onended = () => {
      this.sources.delete(src);
      this.framesPlayed++;
    };
    src.start(this.cursor);
    this.sources.add(src);
    this.cursor += buf.duration;
    this.item.scheduled += buf.duration;
  }

  /** Milliseconds of itemId heard so far (0 before it starts). */
  playedMs(itemId: string): number {
    const it = this.item;
    if (!it || it.itemId !== itemId) return 0;
    return Math.round(Math.max(0, Math.min(it.scheduled, this.ctx.currentTime - it.startAt)) * 1000);
  }

  /** True while audio is still scheduled ahead of now. */
  get playing(): boolean {
    return this.cursor > this.ctx.currentTime && this.sources.size > 0;
  }

  /** Stop at once and drop everything queued; returns how much of the current item was heard. */
  stop(): { itemId: string; playedMs: number } | null {
    const it = this.item;
    const played = it ? this.playedMs(it.itemId) : 0;
    for (const s of this.sources) {
      s.onended = null;
      try {
        s.stop();
      } catch {
        /* already stopped */
      }
    }
    this.sources.clear();
    this.cursor = this.ctx.currentTime;
    this.item = null;
    return it ? { itemId: it.itemId, playedMs: played } : null;
  }

  close(): void {
    this.stop();
    void this.ctx.close();
  }
}

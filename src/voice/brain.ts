/** The customer's mind, behind one interface: an LLM over any OpenAI-compatible chat endpoint, or the offline brain. */
import type { Outcome } from './protocol.ts';
import type { DifficultyDirective } from './engine.ts';

/** One piece of a customer reply, streamed. */
export type BrainChunk =
  | { type: 'text'; delta: string }
  /** The customer ends the call after this reply. */
  | { type: 'end_call'; outcome: Outcome; reason: string }
  /** Customer state for the UI / coach (offline brain). */
  | { type: 'state'; mood: string; values: Record<string, number> };

export interface BrainTurn {
  /** What the agent said; null when the customer speaks first or the agent stayed silent. */
  agentText: string | null;
}

export interface Brain {
  readonly kind: 'llm' | 'offline';
  /** Stream the customer's reply to one agent turn. Stops early when signal aborts. */
  respond(turn: BrainTurn, signal: AbortSignal): AsyncIterable<BrainChunk>;
  /** The agent cut the last reply off; only `heardText` reached them. */
  interrupted(heardText: string): void;
  adjust(d: DifficultyDirective): void;
  /** LLM brains: the system instructions in force (persona + current directive). */
  instructions?(): string;
  /** LLM brains: the conversation so far (agent = user), when taking over a call from another engine. */
  seed?(history: Array<{ role: 'user' | 'assistant'; text: string }>): void;
  /**
   * An independent copy in the same state, to prepare a reply before the agent's turn is certain to be over;
   * it is adopted (replacing this brain) or dropped. Brains without it are not asked ahead of time.
   */
  fork?(): Brain;
}

/** Splits streamed text into sentences for sentence-by-sentence speech. */
export class SentenceSplitter {
  private buf = '';
  constructor(private readonly minChars = 12) {}
  /** Feed a delta; returns the complete sentences it closed. */
  push(delta: string): string[] {
    this.buf += delta;
    const out: string[] = [];
    const re = /[.!?…؟]+["'”’)]*\s+|\n+/g;
    let last = 0;
    for (let m = re.exec(this.buf); m; m = re.exec(this.buf)) {
      const end = m.index + m[0].length;
      if (end - last < this.minChars) continue; // keep very short fragments ("כן.") with the next sentence
      const s = this.buf.slice(last, end).trim();
      if (s) out.push(s);
      last = end;
    }
    this.buf = this.buf.slice(last);
    return out;
  }
  /** Whatever is left at the end of the reply. */
  flush(): string | null {
    const s = this.buf.trim();
    this.buf = '';
    return s || null;
  }
}

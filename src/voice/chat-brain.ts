/**
 * ChatBrain: the customer played by an LLM through any OpenAI-compatible streaming chat endpoint
 * (OpenAI, Ollama, vLLM, llama.cpp server, Azure). The model ends the call by appending an end marker.
 */
import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { OUTCOMES, type Outcome } from './protocol.ts';
import type { Brain, BrainChunk, BrainTurn } from './brain.ts';
import type { DifficultyDirective, VoicePersona } from './engine.ts';
import { CustomerInstructions } from './customer-instructions.ts';
import type { UsageRecord } from './usage.ts';

export interface ChatBrainOptions {
  baseURL?: string;
  apiKey?: string;
  model: string;
  persona: VoicePersona;
  temperature?: number;
  /** Keep at most this many past messages (plus the system prompt). */
  maxHistory?: number;
  /** Retries of 429 / 5xx / connection errors by the SDK (backoff with jitter), default 2. */
  maxRetries?: number;
  /** Token usage the endpoint reports (stream_options.include_usage). */
  onUsage?: (u: UsageRecord) => void;
}

const END_RE = /<<END:([a-z_]+)>>/;

const endInstructions = (lang: 'he' | 'en') =>
  lang === 'he'
    ? `\n\nכשאת/ה מחליט/ה לסיים את השיחה, הוסף/י בסוף התשובה בדיוק את הסימון <<END:תוצאה>> כאשר התוצאה היא אחת מ: ${OUTCOMES.join(', ')}. אל תזכיר/י את הסימון בשום הקשר אחר. ענה/י תמיד בעברית, במשפטים קצרים של שיחת טלפון.`
    : `\n\nWhen you decide to end the call, append exactly <<END:outcome>> to your reply, where outcome is one of: ${OUTCOMES.join(', ')}. Never mention the marker otherwise. Always answer in English, in short spoken phone sentences.`;

export class ChatBrain implements Brain {
  readonly kind = 'llm' as const;
  private readonly client: OpenAI;
  private messages: ChatCompletionMessageParam[] = [];
  private layers: CustomerInstructions;

  constructor(private readonly opts: ChatBrainOptions) {
    // the SDK retries 429 and 5xx itself, with exponential backoff and jitter
    this.client = new OpenAI({ apiKey: opts.apiKey ?? 'not-needed', baseURL: opts.baseURL, maxRetries: opts.maxRetries ?? 2, timeout: 30_000 });
    this.layers = new CustomerInstructions(opts.persona.instructions, opts.persona.language, opts.persona.gender);
  }

  /** The system instructions in force: the persona's, the current directive once, and the end-of-call rule. */
  instructions(): string {
    return this.layers.text() + endInstructions(this.opts.persona.language);
  }

  async *respond(turn: BrainTurn, signal: AbortSignal): AsyncIterable<BrainChunk> {
    if (turn.agentText) this.messages.push({ role: 'user', content: turn.agentText });
    const history = this.messages.slice(-(this.opts.maxHistory ?? 40));
    const stream = await this.client.chat.completions.create(
      {
        model: this.opts.model,
        stream: true,
        ...(this.opts.onUsage ? { stream_options: { include_usage: true } } : {}),
        temperature: this.opts.temperature ?? 0.8,
        messages: [{ role: 'system', content: this.instructions() }, ...(history.length ? history : [{ role: 'user' as const, content: '(השיחה מתחילה / the call starts)' }])],
      },
      { signal },
    );
    let full = '';
    let pending = '';
    let outcome: Outcome | null = null;
    for await (const chunk of stream) {
      if (chunk.usage) this.opts.onUsage?.({ kind: 'chat', model: this.opts.model, inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens });
      if (signal.aborted) break; // cut off (barge-in): the SDK may still hold buffered chunks
      const delta = chunk.choices[0]?.delta?.content ?? '';
      if (!delta) continue;
      pending += delta;
      const m = END_RE.exec(pending);
      if (m) {
        outcome = (OUTCOMES as readonly string[]).includes(m[1]) ? (m[1] as Outcome) : 'no_outcome';
        pending = pending.slice(0, m.index);
      }
      // hold back a possible marker prefix until it completes
      const cut = outcome ? pending.length : safePrefixLength(pending);
      const emit = pending.slice(0, cut);
      pending = pending.slice(cut);
      if (emit) {
        full += emit;
        yield { type: 'text', delta: emit };
      }
      if (outcome) break;
    }
    if (signal.aborted) {
      this.messages.push({ role: 'assistant', content: full.trim() });
      return;
    }
    if (pending && !outcome) {
      full += pending;
      yield { type: 'text', delta: pending };
    }
    this.messages.push({ role: 'assistant', content: full.trim() });
    if (outcome) yield { type: 'end_call', outcome, reason: 'the customer ended the call' };
  }

  /** Same endpoint and client, its own copy of the conversation. */
  fork(): ChatBrain {
    const b = Object.create(ChatBrain.prototype) as ChatBrain;
    Object.assign(b, this);
    b.messages = this.messages.map((m) => ({ ...m }));
    b.layers = this.layers.clone();
    return b;
  }

  interrupted(heardText: string): void {
    const last = this.messages.at(-1);
    if (last?.role === 'assistant') last.content = heardText ? `${heardText}… (נקטע / cut off)` : '(נקטע / cut off)';
  }

  adjust(d: DifficultyDirective): void {
    this.layers.setDirective(d);
  }

  /** The conversation so far (agent = user, customer = assistant), e.g. to carry it to another engine. */
  seed(history: Array<{ role: 'user' | 'assistant'; text: string }>): void {
    this.messages = history.filter((h) => h.text.trim()).map((h) => ({ role: h.role, content: h.text }));
  }
}

/** Length of `s` that cannot be the start of an end marker. */
function safePrefixLength(s: string): number {
  for (let i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
    const tail = s.slice(i);
    if ('<<END:'.startsWith(tail) || tail.startsWith('<<END:')) return i;
  }
  return s.length;
}

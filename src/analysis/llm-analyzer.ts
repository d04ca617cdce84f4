import OpenAI from 'openai';
import { jsonrepair } from 'jsonrepair';
import { z } from 'zod';
import { describeIssues } from '../core/index.ts';
import type { Config } from '../config/index.ts';
import { CALL_TYPES, OBJECTION_KINDS, SKILL_IDS, type SkillId } from './taxonomy.ts';
import { callAnalysisSchema, type CallAnalysis, type Quote, type Transcript } from './types.ts';
import type { AnalyzeOptions, Analyzer } from './analyzer.ts';
import { analyzeOffline } from './offline-analyzer.ts';
import { overall } from './rubric.ts';
import { verifyAnalysisQuotes } from './quotes.ts';
import { buildMessages, correctionMessage } from './llm-prompts.ts';

const llmQuote = z.object({
  text: z.string().min(1),
  startSec: z.number().min(0).optional(),
  speaker: z.enum(['agent', 'customer']).optional(),
});
/** What the model must return (validated; metrics and overall score are computed locally for consistency). */
export const llmOutputSchema = z.object({
  callType: z.enum(CALL_TYPES).optional(),
  skills: z.array(z.object({ id: z.enum(SKILL_IDS), score: z.number().min(0).max(100), evidence: z.array(llmQuote).default([]) })).min(1),
  strengths: z.array(z.object({ skill: z.enum(SKILL_IDS), description: z.string().min(1), quotes: z.array(llmQuote).default([]) })).default([]),
  weaknesses: z.array(z.object({ skill: z.enum(SKILL_IDS), severity: z.number().min(0).max(1), description: z.string().min(1), quotes: z.array(llmQuote).default([]) })).default([]),
  recommendations: z.array(z.string().min(1)).default([]),
  objections: z.array(z.object({ kind: z.enum(OBJECTION_KINDS), quote: z.string().min(1), startSec: z.number().min(0).optional(), handled: z.boolean() })).default([]),
});
export type LlmOutput = z.infer<typeof llmOutputSchema>;

export interface LlmAnalyzerOptions {
  model: string;
  /** A ready client; otherwise one is made from baseURL/apiKey. */
  client?: OpenAI;
  baseURL?: string;
  apiKey?: string;
  /** Attempts before falling back to the offline analyzer (default 3). */
  maxAttempts?: number;
  /** Ask for `response_format: json_object` (default true; turn off for endpoints that reject it). */
  jsonMode?: boolean;
  /** Per-request timeout, ms (default 120 000). */
  timeoutMs?: number;
  /** Base delay between attempts after a transport error, ms (doubles each time; default 500). */
  retryDelayMs?: number;
}

/** Parse a model reply: strip code fences, repair broken JSON with jsonrepair, validate with zod. */
export function parseLlmReply(content: string | null | undefined): { ok: true; data: LlmOutput; repaired: boolean } | { ok: false; reason: string } {
  if (!content || !content.trim()) return { ok: false, reason: 'the reply was empty' };
  const text = content.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  let value: unknown;
  let repaired = false;
  try {
    value = JSON.parse(text);
  } catch {
    try {
      value = JSON.parse(jsonrepair(text));
      repaired = true;
    } catch (e) {
      return { ok: false, reason: `the reply is not JSON and could not be repaired (${(e as Error).message})` };
    }
  }
  const r = llmOutputSchema.safeParse(value);
  return r.success ? { ok: true, data: r.data, repaired } : { ok: false, reason: `the JSON does not match the schema: ${describeIssues(r.error)}` };
}

/** OpenAI (or any compatible endpoint) chat model as a call analyzer, with repair, retries and offline fallback. */
export class LlmAnalyzer implements Analyzer {
  readonly name = 'llm';
  private readonly client: OpenAI;
  private readonly opts: Required<Pick<LlmAnalyzerOptions, 'model' | 'maxAttempts' | 'jsonMode' | 'retryDelayMs'>>;

  constructor(o: LlmAnalyzerOptions) {
    this.client = o.client ?? new OpenAI({ baseURL: o.baseURL, apiKey: o.apiKey ?? 'not-needed', maxRetries: 0, timeout: o.timeoutMs ?? 120_000 });
    this.opts = { model: o.model, maxAttempts: o.maxAttempts ?? 3, jsonMode: o.jsonMode ?? true, retryDelayMs: o.retryDelayMs ?? 500 };
  }

  /** From configuration (OPENAI_API_KEY / OPENAI_BASE_URL / OPENAI_CHAT_MODEL). */
  static fromConfig(c: Config, extra: Partial<LlmAnalyzerOptions> = {}): LlmAnalyzer {
    return new LlmAnalyzer({ model: c.OPENAI_CHAT_MODEL, apiKey: c.OPENAI_API_KEY, baseURL: c.OPENAI_BASE_URL, ...extra });
  }

  async analyze(transcript: Transcript, opts: AnalyzeOptions = {}): Promise<CallAnalysis> {
    const offline = analyzeOffline(transcript, opts);
    if (offline.overallScore === null) return offline; // nothing to read: the audio-only report says so
    const messages: OpenAI.Chat.ChatCompletionMessageParam[] = buildMessages(transcript, offline.metrics, opts.callType, opts.companyContext);
    let reason = 'no attempt was made';
    for (let attempt = 1; attempt <= this.opts.maxAttempts; attempt++) {
      let content: string | null | undefined;
      try {
        const res = await this.client.chat.completions.create({
          model: this.opts.model,
          messages,
          temperature: 0,
          ...(this.opts.jsonMode ? { response_format: { type: 'json_object' as const } } : {}),
        });
        const choice = res.choices[0];
        content = choice?.message?.content;
        if (choice?.finish_reason === 'length') {
          reason = 'the reply was cut off (finish_reason "length")';
          messages.push({ role: 'assistant', content: content ?? '' }, { role: 'user', content: correctionMessage(transcript.language, `${reason}; answer more briefly`) });
          continue;
        }
      } catch (e) {
        reason = `the request failed: ${describeError(e)}`;
        if (!retryable(e)) break;
        if (attempt < this.opts.maxAttempts) await sleep(this.opts.retryDelayMs * 2 ** (attempt - 1));
        continue;
      }
      const parsed = parseLlmReply(content);
      if (parsed.ok) return this.build(parsed.data, transcript, offline, opts);
      reason = parsed.reason;
      messages.push({ role: 'assistant', content: content ?? '' }, { role: 'user', content: correctionMessage(transcript.language, reason) });
    }
    return {
      ...offline,
      analyzer: { ...offline.analyzer, model: this.opts.model, fallbackReason: `LLM analysis failed after ${this.opts.maxAttempts} attempts: ${reason}` },
    };
  }

  private build(out: LlmOutput, t: Transcript, offline: CallAnalysis, opts: AnalyzeOptions): CallAnalysis {
    const callType = opts.callType ?? out.callType ?? offline.callType;
    const q = (qs: z.infer<typeof llmQuote>[]): Quote[] =>
      qs.map((x) => ({ text: x.text, startSec: x.startSec ?? 0, speaker: x.speaker ?? 'agent' }));
    const seen = new Set<string>();
    const skills = out.skills
      .filter((s) => !seen.has(s.id) && seen.add(s.id))
      .map((s) => ({ id: s.id, score: Math.round(s.score), checks: [], evidence: q(s.evidence) }));
    const draft: CallAnalysis = {
      ...offline,
      callType,
      overallScore: overall(skills, callType),
      skills,
      strengths: out.strengths.map((s) => ({ ...s, quotes: q(s.quotes) })),
      weaknesses: [...out.weaknesses].sort((a, b) => b.severity - a.severity).map((w) => ({ ...w, quotes: q(w.quotes) })),
      recommendations: out.recommendations.length ? out.recommendations : offline.recommendations,
      objections: out.objections.map((o) => ({ ...o, startSec: o.startSec ?? 0 })),
      analyzer: { name: 'llm', model: this.opts.model, quotesCorrected: 0, quotesDropped: 0 },
    };
    const verified = verifyAnalysisQuotes(draft, t);
    // A weakness whose quotes were all invented borrows the offline evidence for the same skill.
    verified.weaknesses = verified.weaknesses.map((w) => (w.quotes.length ? w : { ...w, quotes: offlineEvidence(offline, w.skill) }));
    return callAnalysisSchema.parse(verified);
  }
}

/** Offline evidence for a skill: its weakness quotes, else the quotes of its failed checks, else any of its evidence. */
function offlineEvidence(offline: CallAnalysis, skill: SkillId): Quote[] {
  const weak = offline.weaknesses.find((o) => o.skill === skill)?.quotes;
  if (weak?.length) return weak;
  const s = offline.skills.find((x) => x.id === skill);
  const failed = s?.checks.filter((c) => !c.passed).flatMap((c) => c.evidence) ?? [];
  return (failed.length ? failed : s?.evidence ?? []).slice(0, 2);
}

function retryable(e: unknown): boolean {
  if (e instanceof OpenAI.APIError && typeof e.status === 'number') return e.status === 429 || e.status >= 500 || e.status === 408;
  return true; // connection errors, timeouts
}

function describeError(e: unknown): string {
  if (e instanceof OpenAI.APIError) return `${e.status ?? 'connection'} ${e.message}`;
  return (e as Error)?.message ?? String(e);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

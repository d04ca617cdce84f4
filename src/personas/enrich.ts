import OpenAI from 'openai';
import { jsonrepair } from 'jsonrepair';
import { z } from 'zod';
import type { Config } from '../config/index.ts';
import { describeIssues } from '../core/index.ts';
import type { CompanyContext } from './company-context.ts';
import { customerPersonaSchema, type CustomerPersona } from './persona-schema.ts';
import { hasHebrew } from './text.ts';

/** What the model may add: richer wording only. Structure, targets and numbers stay deterministic. */
export const enrichmentSchema = z.object({
  background: z.string().min(20).max(600),
  personalitySummary: z.string().min(10).max(300),
  objectionPhrasings: z.array(z.object({ id: z.string(), lines: z.array(z.string().min(4).max(240)).min(1).max(3) })).max(8).default([]),
  needReveals: z.array(z.object({ id: z.string(), line: z.string().min(6).max(300) })).max(6).default([]),
});
export type Enrichment = z.infer<typeof enrichmentSchema>;

export interface EnrichOptions {
  /** An OpenAI-compatible client; built from `config` when absent. */
  client?: OpenAI;
  config?: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_CHAT_MODEL'>;
  model?: string;
  timeoutMs?: number;
}

/**
 * Optional LLM enrichment: asks a chat model (OpenAI or any compatible endpoint) for more natural background
 * and extra phrasings in the persona's language. The answer is repaired, zod-validated and language-checked;
 * on any failure the deterministic persona is returned with `provenance.fallbackReason` saying why.
 */
export async function enrichPersona(persona: CustomerPersona, ctx: CompanyContext, opts: EnrichOptions = {}): Promise<CustomerPersona> {
  const fallback = (reason: string): CustomerPersona => ({ ...persona, provenance: { ...persona.provenance, generator: 'deterministic', fallbackReason: reason } });
  const model = opts.model ?? opts.config?.OPENAI_CHAT_MODEL ?? 'gpt-4.1-mini';
  let client = opts.client;
  if (!client) {
    if (!opts.config?.OPENAI_API_KEY) return fallback('No OPENAI_API_KEY is configured, so the persona was not enriched by a model.');
    client = new OpenAI({ apiKey: opts.config.OPENAI_API_KEY, baseURL: opts.config.OPENAI_BASE_URL, maxRetries: 1, timeout: opts.timeoutMs ?? 20_000 });
  }
  let content: string | null | undefined;
  try {
    const res = await client.chat.completions.create(
      { model, temperature: 0.7, response_format: { type: 'json_object' }, messages: [{ role: 'system', content: systemPrompt(persona) }, { role: 'user', content: userPrompt(persona, ctx) }] },
      { timeout: opts.timeoutMs ?? 20_000 },
    );
    content = res.choices[0]?.message?.content;
  } catch (e) {
    return fallback(`The model call failed (${e instanceof Error ? e.message : String(e)}); using the deterministic persona.`);
  }
  if (!content) return fallback('The model returned an empty answer; using the deterministic persona.');
  let raw: unknown;
  try {
    raw = JSON.parse(jsonrepair(content));
  } catch {
    return fallback('The model answer was not JSON, even after repair; using the deterministic persona.');
  }
  const parsed = enrichmentSchema.safeParse(raw);
  if (!parsed.success) return fallback(`The model answer did not match the expected shape (${describeIssues(parsed.error)}); using the deterministic persona.`);
  const e = parsed.data;
  const wrongLanguage = (s: string) => (persona.language === 'he' ? !hasHebrew(s) : hasHebrew(s));
  const texts = [e.background, e.personalitySummary, ...e.objectionPhrasings.flatMap((o) => o.lines), ...e.needReveals.map((n) => n.line)];
  if (texts.some(wrongLanguage)) return fallback(`The model answered in the wrong language (expected ${persona.language}); using the deterministic persona.`);
  const merged: CustomerPersona = {
    ...persona,
    background: e.background,
    personality: { ...persona.personality, summary: e.personalitySummary },
    objections: persona.objections.map((o) => {
      const extra = e.objectionPhrasings.find((x) => x.id === o.id)?.lines ?? [];
      return { ...o, phrasings: [...new Set([...o.phrasings, ...extra])] };
    }),
    hiddenNeeds: persona.hiddenNeeds.map((n) => {
      const extra = e.needReveals.filter((x) => x.id === n.id).map((x) => x.line);
      return { ...n, reveal: [...new Set([...n.reveal, ...extra])] };
    }),
    provenance: { ...persona.provenance, generator: 'llm_enriched', model, fallbackReason: undefined },
  };
  const check = customerPersonaSchema.safeParse(merged);
  return check.success ? check.data : fallback(`The enriched persona failed validation (${describeIssues(check.error)}); using the deterministic persona.`);
}

function systemPrompt(p: CustomerPersona): string {
  return p.language === 'he'
    ? 'אתה כותב דמויות לקוח ריאליסטיות לאימון אנשי מכירות בישראל. כתוב בעברית ישראלית מדוברת וטבעית, בגוף ובמגדר של הדמות. החזר JSON בלבד.'
    : 'You write realistic customer characters for sales training. Write natural spoken English in the character\'s voice. Return JSON only.';
}

function userPrompt(p: CustomerPersona, ctx: CompanyContext): string {
  const brief = {
    name: p.name, gender: p.gender, age: p.age, role: p.role, organization: p.organization, background: p.background,
    personality: p.personality, emotion: p.emotion.baseline, industry: ctx.packId, seller: ctx.companyName,
    objections: p.objections.map((o) => ({ id: o.id, kind: o.kind, text: o.text })),
    hiddenNeeds: p.hiddenNeeds.map((n) => ({ id: n.id, need: n.need })),
  };
  const shape = '{"background": string (2-3 sentences, third person), "personalitySummary": string (one sentence), "objectionPhrasings": [{"id": objection id, "lines": [1-3 new first-person ways to say it]}], "needReveals": [{"id": need id, "line": what the customer says when finally revealing it}]}';
  return p.language === 'he'
    ? `הדמות:\n${JSON.stringify(brief)}\n\nהעשר את הדמות בלי לשנות עובדות: רקע עשיר ואמין יותר, משפט אופי, ניסוחים נוספים לכל התנגדות ומשפט חשיפה לכל צורך. הכל בעברית. מבנה: ${shape}`
    : `Character:\n${JSON.stringify(brief)}\n\nEnrich the character without changing facts: a richer, believable background, a one-sentence personality summary, extra phrasings per objection and a reveal line per need. All in English. Shape: ${shape}`;
}

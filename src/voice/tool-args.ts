/**
 * The function tools' arguments checked at the wire: the model's JSON is parsed and validated against each
 * tool's schema, and a bad call gets an error output that says what to send instead (the model reads it and
 * can call again), never an exception.
 */
import { z } from 'zod';
import { OUTCOMES } from './protocol.ts';

const short = z.string().max(500);

export const TOOL_ARG_SCHEMAS = {
  company_objection_handler: z.object({ topic: short.optional() }).strict(),
  customer_background_generator: z.object({ aspect: short.optional() }).strict(),
  scenario_difficulty_adjuster: z.object({ observation: short.optional() }).strict(),
  end_call: z.object({ outcome: z.enum(OUTCOMES), reason: short }).strict(),
} as const;

export type ToolName = keyof typeof TOOL_ARG_SCHEMAS;

const EXAMPLES: Record<ToolName, string> = {
  company_objection_handler: '{"topic":"price"}',
  customer_background_generator: '{"aspect":"current insurer"}',
  scenario_difficulty_adjuster: '{"observation":"the agent listens well"}',
  end_call: `{"outcome":"${OUTCOMES[0]}","reason":"agreed to a meeting"}`,
};

export type ParsedToolArgs = { ok: true; args: Record<string, unknown> } | { ok: false; error: string };

export function parseToolArgs(name: string, raw: string): ParsedToolArgs {
  const schema = TOOL_ARG_SCHEMAS[name as ToolName];
  if (!schema) return { ok: false, error: `Unknown tool "${name}". Available: ${Object.keys(TOOL_ARG_SCHEMAS).join(', ')}.` };
  let json: unknown;
  try {
    json = JSON.parse(raw.trim() || '{}');
  } catch {
    return { ok: false, error: `The arguments of ${name} are not valid JSON. Call it again with an object such as ${EXAMPLES[name as ToolName]}.` };
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
    return { ok: false, error: `Invalid arguments for ${name} (${problems}). Call it again with an object such as ${EXAMPLES[name as ToolName]}.` };
  }
  return { ok: true, args: r.data as Record<string, unknown> };
}

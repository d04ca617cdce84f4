/** The Realtime customer's function tools (spec §3) plus end_call; answered by our server from our data. */
import type { RealtimeFunctionTool } from 'openai/resources/realtime/realtime';
import { OUTCOMES } from './protocol.ts';

export const REALTIME_TOOLS: RealtimeFunctionTool[] = [
  {
    type: 'function',
    name: 'company_objection_handler',
    description:
      "Get the next objection you (the customer) should raise, chosen from your objection strategy and the company's real objection bank. Call it when you are about to push back.",
    parameters: { type: 'object', properties: { topic: { type: 'string', description: 'What the agent just said or offered, in a few words.' } }, additionalProperties: false },
  },
  {
    type: 'function',
    name: 'customer_background_generator',
    description: 'Get facts about yourself (job, family, current provider, budget, history) so you answer consistently. Call it before inventing any personal detail.',
    parameters: { type: 'object', properties: { aspect: { type: 'string', description: 'Which fact you need, e.g. "current insurer" or "budget".' } }, additionalProperties: false },
  },
  {
    type: 'function',
    name: 'scenario_difficulty_adjuster',
    description: 'Get the current difficulty directives: how resistant, patient and open you should be right now.',
    parameters: { type: 'object', properties: { observation: { type: 'string', description: 'How the agent is doing, in a few words.' } }, additionalProperties: false },
  },
  {
    type: 'function',
    name: 'end_call',
    description: 'End the phone call after your last sentence: you agreed to a next step or purchase, postponed, or hung up.',
    parameters: {
      type: 'object',
      properties: { outcome: { type: 'string', enum: [...OUTCOMES] }, reason: { type: 'string' } },
      required: ['outcome', 'reason'],
      additionalProperties: false,
    },
  },
];

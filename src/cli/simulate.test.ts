import { Readable } from 'node:stream';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_QUESTIONNAIRE, questionnaireSchema } from '../org/index.ts';
import { runSimulate, type SimulationResult, type SimulateIo } from './simulate.ts';

const SCRIPTS = path.resolve(import.meta.dirname, '../../samples/scripts');
const script = (name: string) => path.join(SCRIPTS, name);

function io(lines: string[] = []): SimulateIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => void stdout.push(s), err: (s) => void stderr.push(s), input: Readable.from(lines.map((l) => `${l}\n`)) };
}

async function json(argv: string[], deps = {}): Promise<SimulationResult> {
  const t = io();
  const code = await runSimulate([...argv, '--json'], t, deps);
  expect(t.stderr).toEqual([]);
  expect(code).toBe(0);
  return JSON.parse(t.stdout.join('\n')) as SimulationResult;
}

describe('salesgym simulate', () => {
  it('plays the good Hebrew script to an agreement and prints one JSON document', async () => {
    const r = await json(['--scenario', 'objection_handling', '--lang', 'he', '--seed', '1', '--script', script('good-he.txt')]);
    expect(r.outcome).toMatch(/^(next_step|purchase)$/);
    expect(r.endedBy).toBe('customer_hung_up'); // the customer ends the call after agreeing
    expect(r.turns[0]).toEqual({ speaker: 'agent', text: expect.stringContaining('מגן ביטוחים') });
    expect(r.turns.filter((t) => t.speaker === 'customer').length).toBe(r.turns.filter((t) => t.speaker === 'agent').length);
    expect(r.turns.every((t) => t.text.length > 0)).toBe(true);
    expect(r.customerState).toMatchObject({ outcome: r.outcome, stage: 'ended' });
    expect(r.customerState.trust).toBeGreaterThan(0.5);
    expect(r.customerState.revealedNeeds.length).toBeGreaterThan(0);
    expect(r.persona.language).toBe('he');
    expect(r.engine).toBe('text');
    expect(r).not.toHaveProperty('report');
  });

  it('prints the transcript and the outcome of a poor English call that ends in a hang-up', async () => {
    const t = io();
    const code = await runSimulate(['--scenario', 'objection_handling', '--lang', 'en', '--script', script('poor-en.txt')], t);
    expect(code).toBe(0);
    const out = t.stdout.join('\n');
    expect(out).toMatch(/^Agent: Hi, I'm from Magen Insurance/m);
    expect(out).toMatch(/Outcome: hung_up — the customer hung up/);
    expect(out).toMatch(/Customer: trust \d+% · interest \d+% · patience \d+%/);
  });

  it('is deterministic for a seed', async () => {
    const argv = ['--scenario', 'closing', '--lang', 'en', '--seed', '4', '--script', script('good-en.txt')];
    const a = await json(argv);
    const b = await json(argv);
    expect(b.turns).toEqual(a.turns);
    expect(b.outcome).toBe(a.outcome);
  });

  it('runs interactively: reads agent lines, prints each customer reply, ends on /end', async () => {
    const t = io(['Hi, this is Dana from Magen Insurance, I am calling about the insurance review you asked for.', 'What matters most to you about your cover?', '/end', 'never read']);
    const code = await runSimulate(['--scenario', 'discovery', '--lang', 'en'], t);
    expect(code).toBe(0);
    const out = t.stdout.join('\n');
    expect(out).toContain('type your lines; /end ends the call');
    expect(out).not.toContain('never read');
    const replies = t.stdout.filter((l) => /^[A-Z][a-z]+ [A-Z][a-z]+: /.test(l) && !l.startsWith('Agent'));
    expect(replies.length).toBeGreaterThanOrEqual(2);
    expect(out).toMatch(/Outcome: no_outcome/);
  });

  it('lets an inbound customer speak first (angry customer)', async () => {
    const r = await json(['--scenario', 'angry_customer', '--lang', 'he', '--script', script('good-he.txt')]);
    expect(r.turns[0].speaker).toBe('customer');
  });

  it('builds the customer from a company in the database when given its id', async () => {
    const data = questionnaireSchema.parse({ ...DEMO_QUESTIONNAIRE, companyName: 'Acme Solar', sector: 'solar', language: 'en', objectionBank: [], customerPains: ['Electricity bills keep going up'] });
    let closed = false;
    const deps = {
      sources: async () => ({
        sources: { questionnaire: async (id: string) => (id === 'c-1' ? { version: 3, data, companyId: id } : null), analyses: async () => [] },
        close: async () => void (closed = true),
      }),
    };
    const r = await json(['--scenario', 'b2c', '--company', 'c-1', '--script', script('good-en.txt')], deps);
    expect(r.persona.language).toBe('en');
    expect(closed).toBe(true);
    const t = io();
    expect(await runSimulate(['--scenario', 'b2c', '--company', 'missing', '--script', script('good-en.txt')], t, deps)).toBe(1);
    expect(t.stderr.join('\n')).toMatch(/has no questionnaire yet/);
  });

  it('adds the report from a registered report builder', async () => {
    const r = await json(['--scenario', 'opening', '--lang', 'en', '--script', script('poor-en.txt')], { reportBuilder: (res: SimulationResult) => ({ turns: res.turns.length, outcome: res.outcome }) });
    expect(r.report).toEqual({ turns: r.turns.length, outcome: r.outcome });
  });

  it.each([
    [[], /missing --scenario/, 2],
    [['--scenario', 'haggling'], /--scenario must be a scenario type: opening, discovery/, 2],
    [['--scenario', 'closing', '--lang', 'fr'], /--lang must be one of he, en/, 2],
    [['--scenario', 'closing', '--seed', 'x'], /--seed must be a whole number/, 2],
    [['--scenario', 'closing', '--script', '/nonexistent/agent.txt'], /Cannot read the script "\/nonexistent\/agent.txt": no such file/, 1],
  ] as const)('explains bad usage %j', async (argv, message, code) => {
    const t = io();
    expect(await runSimulate([...argv], t)).toBe(code);
    expect(t.stderr.join('\n')).toMatch(message);
  });
});

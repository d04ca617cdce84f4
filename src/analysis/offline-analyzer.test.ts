import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTranscript } from '../calls/transcript/index.ts';
import { OfflineAnalyzer } from './offline-analyzer.ts';
import { callAnalysisSchema, type CallAnalysis, type Quote, type Transcript } from './types.ts';
import { buildAudioOnlyAnalysis } from './audio-only.ts';
import { DEMO_QUESTIONNAIRE } from '../org/demo-questionnaire.ts';

const sample = (name: string): Transcript =>
  importTranscript(readFileSync(new URL(`../../samples/calls/${name}`, import.meta.url), 'utf8'), { fileName: name });

function allQuotes(a: CallAnalysis): Quote[] {
  return [
    ...a.skills.flatMap((s) => [...s.evidence, ...s.checks.flatMap((c) => c.evidence)]),
    ...a.strengths.flatMap((s) => s.quotes),
    ...a.weaknesses.flatMap((w) => w.quotes),
  ];
}

function expectVerbatim(a: CallAnalysis, t: Transcript) {
  const quotes = allQuotes(a);
  expect(quotes.length).toBeGreaterThan(3);
  for (const q of quotes) {
    const seg = t.segments.find((s) => s.startSec === q.startSec && s.speaker === q.speaker && s.text.includes(q.text));
    expect(seg, `quote not verbatim: ${q.text}`).toBeDefined();
  }
  for (const o of a.objections) expect(t.segments.some((s) => s.startSec === o.startSec && s.text.includes(o.quote))).toBe(true);
}

const analyzer = new OfflineAnalyzer();

describe.each([
  ['he', 'he-phone-sale-good.txt', 'he-phone-sale-poor.txt'],
  ['en', 'en-phone-sale-good.txt', 'en-phone-sale-poor.txt'],
])('offline analyzer on the %s sample calls', (lang, goodFile, poorFile) => {
  it('ranks the well-run call clearly above the poorly-run one, every quote verbatim', async () => {
    const [good, poor] = [sample(goodFile), sample(poorFile)];
    const a = await analyzer.analyze(good, { companyContext: DEMO_QUESTIONNAIRE });
    const b = await analyzer.analyze(poor, { companyContext: DEMO_QUESTIONNAIRE });
    console.info(`[offline ${lang}] good ${a.overallScore} vs poor ${b.overallScore}`);
    expect(a.language).toBe(lang);
    expect(a.callType).toBe('phone_sale');
    expect(a.overallScore! - b.overallScore!).toBeGreaterThanOrEqual(30);
    expect(a.overallScore!).toBeGreaterThanOrEqual(75);
    expect(b.overallScore!).toBeLessThan(50);
    expectVerbatim(a, good);
    expectVerbatim(b, poor);
    expect(b.analyzer).toMatchObject({ name: 'offline', quotesCorrected: 0, quotesDropped: 0 });
    expect(callAnalysisSchema.safeParse(a).success).toBe(true);
  });

  it('ranks the poor call\'s weaknesses by severity, each with evidence and advice', async () => {
    const b = await analyzer.analyze(sample(poorFile));
    expect(b.weaknesses.length).toBeGreaterThanOrEqual(3);
    expect(b.weaknesses.map((w) => w.skill)).toEqual(expect.arrayContaining(['discovery', 'listening', 'objection_handling']));
    const sev = b.weaknesses.map((w) => w.severity);
    expect([...sev].sort((x, y) => y - x)).toEqual(sev);
    for (const w of b.weaknesses) expect(w.quotes.length, w.skill).toBeGreaterThan(0);
    expect(b.recommendations.length).toBeGreaterThanOrEqual(3);
    expect(b.metrics.talkRatioAgent).toBeGreaterThan(0.75);
    expect(b.objections.map((o) => o.kind)).toEqual(expect.arrayContaining(['price', 'trust', 'authority']));
    expect(b.objections.filter((o) => o.handled).length).toBeLessThanOrEqual(1);
  });
});

describe('offline analyzer, other cases', () => {
  it('detects a customer-service call and scores it with the service rubric', async () => {
    const a = await analyzer.analyze(sample('he-customer-service.txt'));
    expect(a.callType).toBe('customer_service');
    const checks = a.skills.flatMap((s) => s.checks.map((c) => c.id));
    expect(checks).toContain('closing.resolution');
    expect(checks).not.toContain('closing.attempt');
    expect(a.overallScore!).toBeGreaterThanOrEqual(70);
  });

  it('uses the call type it is given and is deterministic', async () => {
    const t = sample('he-phone-sale-good.txt');
    const a = await analyzer.analyze(t, { callType: 'meeting_scheduling' });
    const b = await analyzer.analyze(t, { callType: 'meeting_scheduling' });
    expect(a.callType).toBe('meeting_scheduling');
    expect(a).toEqual(b);
  });

  it('says when objection handling could not be scored and when times were estimated', async () => {
    const t = importTranscript('Agent: Hi, this is Sam from Acme. What are you using today?\nCustomer: A spreadsheet, it works fine for now I guess.\nAgent: Got it, thanks. I will send you a summary tomorrow.');
    const a = await analyzer.analyze(t);
    expect(a.skills.map((s) => s.id)).not.toContain('objection_handling');
    expect(a.notices.join(' ')).toMatch(/no objections came up/);
    expect(a.notices.join(' ')).toMatch(/estimated/);
  });

  it('builds an audio-only report with no score and a plain notice', async () => {
    const a = buildAudioOnlyAnalysis({
      language: 'he',
      segments: [
        { speaker: 'agent', startSec: 0, endSec: 20 },
        { speaker: 'customer', startSec: 21, endSec: 30 },
        { speaker: 'agent', startSec: 29, endSec: 40 },
      ],
      durationSec: 42,
      tone: [{ speaker: 'agent', confidence: 0.7, features: { pauseRatio: 0.2 } }],
    });
    expect(a.overallScore).toBeNull();
    expect(a.skills).toEqual([]);
    expect(a.durationSec).toBe(42);
    expect(a.metrics.talkRatioAgent).toBe(0.78); // 31 s of 40
    expect(a.metrics.interruptions).toBe(1);
    expect(a.notices[0]).toMatch(/תמליל/);
    // a transcript with no words takes the same path
    const b = await analyzer.analyze({ language: 'en', segments: [{ speaker: 'agent', startSec: 0, endSec: 5, text: '' }] });
    expect(b.overallScore).toBeNull();
    expect(b.notices[0]).toMatch(/needs a transcript/);
  });
});

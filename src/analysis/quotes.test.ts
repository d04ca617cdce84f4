import { describe, expect, it } from 'vitest';
import { QuoteVerifier, verifyAnalysisQuotes } from './quotes.ts';
import { analyzeOffline } from './offline-analyzer.ts';
import type { Transcript } from './types.ts';

const t: Transcript = {
  language: 'he',
  segments: [
    { speaker: 'agent', startSec: 0, endSec: 4, text: 'שָׁלוֹם, מדברת נועה ממגן ביטוחים.' },
    { speaker: 'customer', startSec: 5, endSec: 9, text: 'זה יקר לי, אני כבר משלם מספיק על ביטוחים!' },
    { speaker: 'agent', startSec: 10, endSec: 20, text: 'I hear you. Most of our clients save around 180 shekels a month.' },
  ],
};

describe('quote verification', () => {
  const v = new QuoteVerifier(t);

  it('keeps a verbatim quote with its real time and speaker', () => {
    expect(v.check({ text: 'אני כבר משלם מספיק', startSec: 5, speaker: 'customer' })).toEqual({
      status: 'exact',
      quote: { text: 'אני כבר משלם מספיק', startSec: 5, speaker: 'customer' },
    });
  });

  it('corrects punctuation, niqqud and case differences to the verbatim span', () => {
    const r = v.check({ text: 'שלום מדברת נועה', startSec: 0, speaker: 'agent' });
    expect(r).toEqual({ status: 'corrected', quote: { text: 'שָׁלוֹם, מדברת נועה', startSec: 0, speaker: 'agent' } });
    const e = v.check({ text: 'most of our CLIENTS save around 180 shekels', startSec: 10, speaker: 'agent' });
    expect(e.status).toBe('corrected');
    if (e.status !== 'dropped') expect(e.quote.text).toBe('Most of our clients save around 180 shekels');
  });

  it('fixes a wrong timestamp and speaker from the segment found', () => {
    const r = v.check({ text: 'זה יקר לי', startSec: 42, speaker: 'agent' });
    expect(r).toEqual({ status: 'corrected', quote: { text: 'זה יקר לי', startSec: 5, speaker: 'customer' } });
  });

  it('corrects a near miss (a word changed or missing) by fuzzy match', () => {
    const r = v.check({ text: 'most of our customers save around 180 shekels a month', speaker: 'agent', startSec: 10 });
    expect(r.status).toBe('corrected');
    if (r.status !== 'dropped') expect(r.quote.text).toBe('Most of our clients save around 180 shekels a month');
  });

  it('drops an invented quote', () => {
    expect(v.check({ text: 'we guarantee the lowest price in Israel forever', speaker: 'agent' }).status).toBe('dropped');
    expect(v.check({ text: '  ', speaker: 'agent' }).status).toBe('dropped');
  });

  it('counts corrected and dropped quotes across a whole analysis', () => {
    const base = analyzeOffline(t);
    const tampered = {
      ...base,
      weaknesses: [{ skill: 'discovery' as const, severity: 0.8, description: 'x', quotes: [
        { text: 'שלום מדברת נועה', startSec: 3, speaker: 'agent' as const },
        { text: 'an invented line', startSec: 1, speaker: 'agent' as const },
      ] }],
      objections: [{ kind: 'price' as const, quote: 'זה יקר לי אני כבר משלם', startSec: 0, handled: false }],
    };
    const out = verifyAnalysisQuotes(tampered, t);
    expect(out.analyzer.quotesCorrected).toBe(2);
    expect(out.analyzer.quotesDropped).toBe(1);
    expect(out.weaknesses[0].quotes).toEqual([{ text: 'שָׁלוֹם, מדברת נועה', startSec: 0, speaker: 'agent' }]);
    expect(out.objections[0]).toMatchObject({ quote: 'זה יקר לי, אני כבר משלם', startSec: 5 });
  });
});

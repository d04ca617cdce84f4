import { describe, expect, it } from 'vitest';
import { buildAudioOnlyAnalysis, ratedMetricsOf } from './audio-only.ts';
import { formatAnalysisText } from './report-text.ts';

describe('the audio-only call report', () => {
  it('rates only what audio measures on a stereo call, and says what a transcript would add', () => {
    const a = buildAudioOnlyAnalysis({
      language: 'en',
      durationSec: 60,
      segments: [
        { speaker: 'agent', startSec: 0, endSec: 20 },
        { speaker: 'customer', startSec: 21, endSec: 30 },
        { speaker: 'agent', startSec: 31, endSec: 50 },
        { speaker: 'customer', startSec: 50.5, endSec: 58 },
      ],
    });
    expect(a.overallScore).toBeNull();
    expect(ratedMetricsOf(a)).toContain('talkRatioAgent');
    const text = formatAnalysisText(a);
    const rated = text.split('Notes:')[0];
    expect(rated).toMatch(/Agent talk ratio/);
    expect(rated).not.toMatch(/Questions asked|Filler words|words per minute|objection/i);
    expect(text).toMatch(/A transcript would add: the score and skills, questions, objections/);
  });

  it('rates nothing on a mono call it could not separate (no "0 questions → poor")', () => {
    const a = buildAudioOnlyAnalysis({ language: 'he', durationSec: 60, segments: [] });
    expect(ratedMetricsOf(a)).toEqual([]);
    const text = formatAnalysisText(a);
    expect(text.split('הערות')[0]).not.toMatch(/שאלות של הנציג|יחס דיבור/);
    expect(text).toMatch(/תמליל היה מוסיף/);
  });
});

import { describe, expect, it } from 'vitest';
import { ConversationTracker } from './conversation-tracker.ts';
import { EmotionDetector, moodFromState } from './emotion.ts';
import type { ConfidenceReading } from './voice-confidence.ts';

function moodAfter(lang: 'he' | 'en', ...lines: string[]) {
  const d = new EmotionDetector({ language: lang });
  for (const l of lines) d.observeCustomerTurn(l);
  return d.customer();
}

describe('EmotionDetector — customer mood', () => {
  it.each([
    ['he', 'זאת חוצפה! אל תתקשרו אליי יותר.', 'angry'],
    ['he', 'כבר אמרתי לך, תגיע לעניין.', 'annoyed'],
    ['he', 'אני לא בטוחה, זה נשמע טוב מדי. מה הקאץ׳?', 'skeptical'],
    ['he', 'לא הבנתי, מה זאת אומרת השתתפות עצמית?', 'confused'],
    ['he', 'נשמע מעניין, ספרי לי עוד. איך משלמים?', 'interested'],
    ['he', 'כן, אני בבית עכשיו.', 'calm'],
    ['en', 'This is ridiculous, stop calling me!', 'angry'],
    ['en', 'I already told you, get to the point.', 'annoyed'],
    ['en', "Really? What's the catch?", 'skeptical'],
    ['en', "Sorry, I don't understand, what do you mean by deductible?", 'confused'],
    ['en', 'That sounds great, tell me more. How do I pay?', 'interested'],
    ['en', "Yes, I'm at home now.", 'calm'],
  ] as const)('(%s) "%s" → %s', (lang, text, mood) => {
    expect(moodAfter(lang, text).mood).toBe(mood);
  });

  it('lets an old mood fade as the conversation moves on', () => {
    expect(moodAfter('en', "I'm not sure, what's the catch?").mood).toBe('skeptical');
    expect(moodAfter('en', "I'm not sure, what's the catch?", 'Okay.', 'Right, go on.', 'Sure.').mood).toBe('calm');
  });

  it('takes the offline brain’s state as the truth, whatever the words say', () => {
    const d = new EmotionDetector({ language: 'he' });
    d.observeCustomerTurn('נשמע מעולה, ספרי לי עוד!');
    d.observeState({ mood: 'frustrated', patience: 0.3 });
    const m = d.customer();
    expect(m.mood).toBe('annoyed');
    expect(m.source).toBe('engine');
    expect(moodFromState({ patience: 0.1, trust: 0.5 })).toBe('angry');
    expect(moodFromState({ patience: 0.8, trust: 0.7, interest: 0.8 })).toBe('interested');
    expect(moodFromState({ patience: 0.8, trust: 0.2, interest: 0.3 })).toBe('skeptical');
  });

  it('voice arousal strengthens annoyance cues but never invents them', () => {
    const calm = new EmotionDetector({ language: 'en' });
    calm.observeCustomerTurn('Yes, I am at home now.', 1);
    expect(calm.customer().mood).toBe('calm');
    const loud = new EmotionDetector({ language: 'en' });
    loud.observeCustomerTurn('Come on.', 1);
    expect(loud.customer().scores.annoyed).toBeGreaterThan(moodAfter('en', 'Come on.').scores.annoyed);
  });
});

describe('EmotionDetector — agent state', () => {
  const snap = (lines: { s: 'agent' | 'customer'; t: string; start: number; end: number; cut?: boolean }[]) => {
    const tr = new ConversationTracker({ language: 'en' });
    for (const l of lines) tr.update({ type: 'turn', speaker: l.s, text: l.t, startMs: l.start, endMs: l.end, interrupted: l.cut });
    return tr.snapshot();
  };
  const voice = (confidence: number): ConfidenceReading => ({ confidence, parts: null, features: { speakingSec: 10, pauseRatio: 0, syllablesPerSec: 5, hesitationsPerMin: 0, filledPauses: 0, longPauses: 0, pitchHz: 110, pitchSpreadSt: 2, energyDb: -25, energySpreadDb: 6 } });

  it('reads confident, hesitant and stressed', () => {
    const d = new EmotionDetector({ language: 'en' });
    const calm = snap([{ s: 'agent', t: 'Our plan covers young drivers with a lower deductible.', start: 0, end: 4000 }]);
    expect(d.agent({ snapshot: calm, voice: voice(0.9), recentAgentText: 'Our plan covers young drivers with a lower deductible.' }).state).toBe('confident');
    const unsure = 'Um, I think, maybe, sort of, I guess it covers that, I am not sure.';
    expect(d.agent({ snapshot: snap([{ s: 'agent', t: unsure, start: 0, end: 6000 }]), voice: voice(0.3), recentAgentText: unsure }).state).toBe('hesitant');
    const rushed = snap([
      { s: 'customer', t: "It's too expensive for me.", start: 0, end: 2000, cut: true },
      { s: 'agent', t: 'No it is not, everyone pays more.', start: 1500, end: 3000 },
      { s: 'customer', t: "I don't trust phone deals like this one.", start: 3100, end: 5000, cut: true },
      { s: 'agent', t: 'We are a big company, you should take it.', start: 4500, end: 6000 },
      { s: 'customer', t: 'I said it is too expensive for me.', start: 6100, end: 8000, cut: true },
      { s: 'agent', t: 'Just take it, it is the best price.', start: 7500, end: 9000 },
    ]);
    expect(d.agent({ snapshot: rushed, voice: voice(0.75), recentAgentText: 'Just take it, it is the best price.' }).state).toBe('stressed');
  });
});

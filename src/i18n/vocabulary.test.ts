import { describe, expect, it } from 'vitest';
import { MOOD_WORDS, OBJECTION_KIND_WORDS, formatMs, formatSeconds, genderSlash, word } from './index.ts';

describe('the app vocabulary', () => {
  it('words moods in the gender of the customer, in Hebrew and English', () => {
    expect(word(MOOD_WORDS, 'calm', 'he', 'female')).toBe('רגועה');
    expect(word(MOOD_WORDS, 'calm', 'he', 'male')).toBe('רגוע');
    expect(word(MOOD_WORDS, 'skeptical', 'he', 'female')).toBe('ספקנית');
    expect(word(MOOD_WORDS, 'skeptical', 'en', 'female')).toBe('skeptical');
    expect(word(OBJECTION_KIND_WORDS, 'no_need', 'he')).toBe('אין צורך');
  });

  it('never shows a raw enum: an unknown key loses its underscores', () => {
    expect(word(MOOD_WORDS, 'very_calm', 'he')).toBe('very calm');
  });

  it('formats seconds and milliseconds with units of the language', () => {
    expect(formatSeconds(34.1, 'he')).toBe('34.1 שנ׳');
    expect(formatSeconds(34.1, 'en')).toBe('34.1 s');
    expect(formatSeconds(150, 'he')).toBe('2:30 דק׳');
    expect(formatMs(3654.78, 'he')).toBe('3.7 שנ׳');
    expect(formatMs(240, 'en')).toBe('240 ms');
  });

  it('resolves slash forms for a known gender and keeps them otherwise', () => {
    expect(genderSlash('מנהל/ת צוות', 'female')).toBe('מנהלת צוות');
    expect(genderSlash('מנהל/ת צוות', 'male')).toBe('מנהל צוות');
    expect(genderSlash('ספקן/ית', 'female')).toBe('ספקנית');
    expect(genderSlash('(את/ה)', 'female')).toBe('(את)');
    expect(genderSlash('(את/ה)', 'male')).toBe('(אתה)');
    expect(genderSlash('נציג/ה', null)).toBe('נציג/ה');
  });
});

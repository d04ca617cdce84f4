import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n/index.ts';
import { privacyNote } from './privacy-note.ts';
import './strings.ts';

const note = (lng: 'he' | 'en', hours: number, hidden: number) => privacyNote(i18next.getFixedT(lng, 'coaching'), hours, hidden);

describe("the manager's privacy note", () => {
  it('says nothing about hidden practice when nothing is hidden', () => {
    expect(note('he', 24, 0)).toBe('חלון פרטיות: 24 שעות.');
    expect(note('en', 24, 0)).toBe('Privacy window: 24 hours.');
  });

  it('uses the singular for one hidden practice call', () => {
    expect(note('he', 24, 1)).toBe('חלון פרטיות: 24 שעות. תרגול אחד עדיין פרטי לנציג (יופיע אחרי החלון או כשהנציג ישתף).');
    expect(note('en', 24, 1)).toBe('Privacy window: 24 hours. One practice call is still private to its agent (it appears after the window or when shared).');
  });

  it('uses the plural, with the number, for more', () => {
    expect(note('he', 48, 3)).toBe('חלון פרטיות: 48 שעות. 3 תרגולים עדיין פרטיים לנציגים (יופיעו אחרי החלון או כשישתפו).');
    expect(note('en', 48, 2)).toBe('Privacy window: 48 hours. 2 practice calls are still private to their agents (they appear after the window or when shared).');
  });

  it('a one-hour window reads as one hour', () => {
    expect(note('he', 1, 0)).toBe('חלון פרטיות: שעה אחת.');
    expect(note('en', 1, 0)).toBe('Privacy window: 1 hour.');
  });
});

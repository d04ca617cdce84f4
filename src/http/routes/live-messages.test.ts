import { describe, expect, it } from 'vitest';
import { localizeServerMessage } from '../../web/i18n/server-messages.ts';
import { observationRefusal } from './live.ts';

describe('live observation refusals', () => {
  it('say why observation is off, in Hebrew too (privacy window first, then the setting)', () => {
    const privacy = observationRefusal({ practicePrivacyHours: 48, liveObservation: true })!;
    expect(privacy.reason).toBe('privacy_window');
    expect(localizeServerMessage(privacy.message, 'he')).toContain('48 שעות');
    expect(observationRefusal({ practicePrivacyHours: 48, liveObservation: false })!.reason).toBe('privacy_window');
    const off = observationRefusal({ practicePrivacyHours: 0, liveObservation: false })!;
    expect(off.reason).toBe('setting_off');
    expect(localizeServerMessage(off.message, 'he')).toMatch(/^[\u0590-\u05FF ;.]+$/);
    expect(localizeServerMessage('This is your own practice call; open it from Practice.', 'he')).toMatch(/[\u0590-\u05FF]/);
    expect(observationRefusal({ practicePrivacyHours: 0, liveObservation: true })).toBeNull();
  });
});

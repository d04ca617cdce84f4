import { describe, expect, it } from 'vitest';
import { localizeServerMessage } from './server-messages.ts';

describe('Hebrew rendering of server messages', () => {
  it('renders the sentences the org, billing and auth domains send, keeping names, codes and numbers', () => {
    expect(localizeServerMessage('A user with the email dana@x.co already exists.', 'he')).toBe('משתמש עם האימייל dana@x.co כבר קיים.');
    expect(localizeServerMessage('Discount code "SUMMER" does not exist.', 'he')).toBe('קוד ההנחה "SUMMER" לא קיים.');
    expect(localizeServerMessage('The order is already paid.', 'he')).toBe('ההזמנה כבר שולמה.');
    expect(localizeServerMessage('Too many failed sign-in attempts. Try again in 7 minute(s) or ask an admin to reset the password.', 'he')).toContain('בעוד 7 דקות');
    expect(localizeServerMessage('passwords need at least 10 characters', 'he')).toBe('סיסמה צריכה לפחות 10 תווים');
    expect(localizeServerMessage('Too small: expected number to be >=1', 'he')).toBe('המספר צריך להיות לפחות 1');
  });

  it('renders the security refusals (issue 15) in Hebrew', () => {
    expect(localizeServerMessage('Test payments are turned off on this server. Platform staff mark an order paid once the payment arrives.', 'he')).toContain('תשלומי בדיקה כבויים');
    expect(localizeServerMessage('You can change only users whose role is below yours; ask a super admin.', 'he')).toContain('נמוך משלך');
    expect(localizeServerMessage('The practice privacy window can be lengthened here but not shortened (now 48 hours): agents practised trusting it. Ask platform staff to shorten it.', 'he')).toContain('48 שעות');
    expect(localizeServerMessage('The recording is 3 h 20 min long; the longest call accepted is 3 h 0 min. Cut it into parts, or ask the administrator to raise CALL_MAX_MINUTES.', 'he')).toContain('3 h 20 min');
  });

  it('leaves English as it is, and an unknown sentence untouched rather than guessing', () => {
    expect(localizeServerMessage('The order is already paid.', 'en')).toBe('The order is already paid.');
    expect(localizeServerMessage('Something entirely new happened.', 'he')).toBe('Something entirely new happened.');
  });
});

import { describe, it, expect } from 'vitest';
import { loadConfig, ConfigError } from './env.ts';

describe('configuration', () => {
  it('uses documented defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe('./data');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.SALESGYM_DEMO).toBe(true);
    expect(c.UPLOAD_MAX_MB).toBe(100);
  });

  it('stops with a message naming each wrong variable', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SALESGYM_DEMO: 'maybe' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toMatch(/PORT="abc"/);
      expect(msg).toMatch(/DATABASE_URL=.*postgres/);
      expect(msg).toMatch(/SALESGYM_DEMO=.*true or false/);
    }
  });

  it('treats empty strings as unset and parses booleans', () => {
    const c = loadConfig({ PORT: '', SALESGYM_DEMO: 'false', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' });
    expect(c.PORT).toBe(3000);
    expect(c.SALESGYM_DEMO).toBe(false);
    expect(c.OPENAI_BASE_URL).toBe('http://127.0.0.1:11434/v1');
  });
});

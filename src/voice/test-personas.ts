/** Ready-made VoicePersonas for the demo company (Hebrew insurance agency) — used by the CLI demo and tests. */
import { DEFAULT_TURN_TAKING, type VoicePersona } from './engine.ts';

export function demoVoicePersona(language: 'he' | 'en' = 'he', overrides: Partial<VoicePersona> = {}): VoicePersona {
  const he = language === 'he';
  return {
    id: `demo-${language}`,
    name: he ? 'דנה כהן' : 'Dana Cohen',
    language,
    gender: 'female',
    instructions: he
      ? 'את דנה כהן, 42, אמא לשלושה מרמת גן, מבוטחת דרך מקום העבודה. את ספקנית לגבי ביטוחים, רגישה למחיר, ועונה בקצרה. דברי עברית בלבד.'
      : 'You are Dana Cohen, 42, a mother of three from Ramat Gan, insured through work. You are sceptical about insurance, price-sensitive and answer briefly. Speak English only.',
    card: {
      name: he ? 'דנה כהן' : 'Dana Cohen',
      role: he ? 'לקוחה פרטית' : 'Private customer',
      summary: he ? 'ספקנית, רגישה למחיר, מבוטחת דרך העבודה' : 'Sceptical, price-sensitive, insured through work',
      language,
    },
    voice: { realtime: 'marin', espeak: he ? 'he' : 'en-us', speed: 1 },
    turnTaking: { ...DEFAULT_TURN_TAKING },
    customerSpeaksFirst: false,
    ...overrides,
  };
}

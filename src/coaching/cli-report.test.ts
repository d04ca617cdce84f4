import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../cli/commands.ts';
import { SKILL_IDS } from '../analysis/index.ts';
import { sessionReportSchema } from './report-schema.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-sim-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = [
  'שלום, מדבר מיכאל ממגן ביטוחים. אני מתקשר כי השארת פרטים לבדיקת תיק ביטוחי. יש לך שתי דקות?',
  'אני מבין, וטוב שיש לך כיסוי. ביטוח דרך העבודה לרוב לא מכסה את בני המשפחה ונגמר כשעוזבים. מה יקרה לכיסוי שלכם אם תחליף עבודה?',
  'מעולה. ספר לי, מה גרם לך להשאיר פרטים דווקא עכשיו?',
  'איך אתה מבוטח היום, ומתי בדקת את התיק בפעם האחרונה?',
  'מה הכי חשוב לך שהביטוח יכסה בשביל המשפחה?',
  'ממה שסיפרת, חשוב לך לא לשלם על כפילויות ושהמשפחה תהיה מכוסה. בבדיקת התיק אנחנו מאתרים כפילויות, הלקוחות שלנו חוסכים בממוצע 180 שקל בחודש. זה נשמע כמו מה שאתה צריך?',
  'אז בוא נקבע פגישת בדיקת תיק של עשרים דקות בזום. מה מתאים לך, יום שלישי בעשר בבוקר או רביעי בשש בערב?',
];
const POOR = [
  'היי, אז, אממ, אני מיכאל מביטוחים ו, כאילו, יש לנו את הביטוח הכי טוב בארץ, והמחיר הוא רק 350 שקל בחודש לחבילה המלאה, אז בעצם כדאי לך לקחת את זה עכשיו.',
  'לא לא, זה לא נכון, אממ, אנחנו הכי זולים, כולם משלמים יותר, אז בעצם אין מה לחשוב.',
  'אז, אממ, סגרנו? זה רק 350 שקל, כאילו, מחיר מטורף.',
  'תקשיב, כאילו, אני חושב, אולי, אנחנו חברה גדולה, זה בסדר, אז אתה לוקח או לא?',
];

async function simulate(lines: string[], name: string) {
  const file = path.join(dir, `${name}.txt`);
  writeFileSync(file, lines.join('\n'));
  let out = '', err = '';
  const code = await commands.simulate(['--scenario', 'discovery', '--lang', 'he', '--seed', '3', '--script', file, '--json'], { out: (s: string) => void (out += s), err: (s: string) => void (err += s) } as never);
  expect(code, err).toBe(0);
  return JSON.parse(out) as { outcome: string; turns: unknown[]; report: { overallScore: number; outcome: string; skills: { id: string; score: number }[] } };
}

describe('salesgym simulate --json carries the coaching report', () => {
  it('reports overallScore, outcome and skills[] for the call, scoring a good script above a poor one', async () => {
    const good = await simulate(GOOD, 'good');
    const poor = await simulate(POOR, 'poor');
    for (const r of [good, poor]) {
      expect(() => sessionReportSchema.parse(r.report)).not.toThrow();
      expect(r.report.overallScore).toBeGreaterThanOrEqual(0);
      expect(r.report.overallScore).toBeLessThanOrEqual(100);
      expect(['converted', 'next_step', 'lost', 'hung_up']).toContain(r.report.outcome);
      expect(r.report.skills.length).toBeGreaterThan(0);
      for (const s of r.report.skills) expect(SKILL_IDS).toContain(s.id);
    }
    expect(good.report.overallScore - poor.report.overallScore).toBeGreaterThanOrEqual(20);
    // the engine's outcome decides the report's when it has one
    if (good.outcome === 'next_step') expect(good.report.outcome).toBe('next_step');
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { DEMO_QUESTIONNAIRE, type QuestionnaireInput } from '../../org/index.ts';
import type { OfflineBrainParams } from '../../personas/index.ts';
import type { BrainChunk } from '../brain.ts';
import { demoCustomer } from '../demo-customer.ts';
import { OfflineCustomerBrain } from './brain.ts';
import { readDialogue } from './dialogue.ts';
import { factSheetFor } from './facts.ts';

async function say(brain: OfflineCustomerBrain, agentText: string | null) {
  let text = '';
  let end: Extract<BrainChunk, { type: 'end_call' }> | null = null;
  for await (const c of brain.respond({ agentText }, new AbortController().signal)) {
    if (c.type === 'text') text += c.delta;
    else if (c.type === 'end_call') end = c;
  }
  return { text: text.trim(), end };
}

const company = (sector: QuestionnaireInput['sector'], language: 'he' | 'en'): QuestionnaireInput => ({ ...DEMO_QUESTIONNAIRE, sector, language, objectionBank: [], competitors: [], customerPains: [], companyName: 'NetPlus', differentiator: 'A fixed price in writing for three years', productDetails: 'Mobile, fibre internet and TV for families, one bundle at a fixed price', benefits: ['One bill', 'A fixed price', 'A technician at home'] });

describe('the offline customer listens beyond insurance', () => {
  it.each([
    ['telecom', 'en', 'Which carrier are you with for your mobile and internet?', 'provider', /Bezeq|HOT|Partner|Cellcom/],
    ['telecom', 'he', 'כמה יוצא לכם החשבון כל חודש?', 'pay', /\d/],
    ['telecom', 'en', 'When does your commitment period end?', 'renewal', /commitment ends in/],
    ['saas', 'en', 'What are you using to track leads today?', 'provider', /spreadsheets|monday|HubSpot|in-house/],
    ['saas', 'en', 'How many people are on your team?', 'household', /people|alone/],
    ['solar', 'en', 'How much is your electricity bill?', 'pay', /\d/],
    ['real_estate', 'he', 'ומה התקציב שחשבתם עליו?', 'budget', /מיליון/],
  ] as const)('%s (%s): "%s" is a %s question answered with a fact of that industry', async (sector, language, question, slot, fact) => {
    expect(readDialogue(question, language).slots).toContain(slot);
    const c = demoCustomer({ scenarioType: 'discovery', language, seed: 3, questionnaire: company(sector, language) });
    const sheet = factSheetFor(c.offline).answers;
    expect(sheet[slot]).toMatch(fact);
    const brain = new OfflineCustomerBrain({ params: c.offline });
    await say(brain, language === 'he' ? 'שלום, מדברת נועה מנטפלוס, השארת פרטים באתר לגבי חבילה. יש לך רגע?' : 'Hi, this is Noa from NetPlus, you left your details on our site about a plan. Do you have a minute?');
    const r = await say(brain, question);
    expect(r.text).toContain(sheet[slot]!.replace(/[.]$/, '').slice(0, 20));
    // no insurance words in another industry's answers
    expect(Object.values(sheet).join(' ')).not.toMatch(/insur|polic|ביטוח|פוליס/i);
  });
});

describe('details when they are relevant, not on a schedule', () => {
  const withShifts = (p: OfflineBrainParams) => {
    p.plantedDetails = [{ text: 'I work shifts, so mornings are hard for meetings', topics: ['shifts', 'morning', 'meeting', 'evening'], mentionByTurn: 2 }];
    // someone who works shifts is an employee (a self-employed customer never says it)
    p.traits = { occupation: 'salaried', kids: 'unknown', partner: true, age: 41, homeowner: null };
    p.objections = [];
    p.start.trust = 0.7;
    p.opening.resistant = false;
  };
  const build = () => {
    const c = demoCustomer({ scenarioType: 'discovery', language: 'en', seed: 2 });
    const params = structuredClone(c.offline);
    withShifts(params);
    return new OfflineCustomerBrain({ params });
  };

  it('keeps a detail about their hours to themselves through turns that have nothing to do with it, and says it when a time comes up', async () => {
    const brain = build();
    const said: string[] = [];
    for (const line of ['Hi, this is Noa from Magen Insurance, you asked for a review of your policies.', 'Which insurer are you with?', 'And what do you pay a month?', 'When does the policy renew?']) said.push((await say(brain, line)).text);
    expect(said.join(' ')).not.toMatch(/shifts/);
    const proposal = await say(brain, 'Could we meet on Tuesday at 9 in the morning on Zoom?');
    expect(proposal.text).toMatch(/shifts/);
  });

  it('says it when the agent asks about it in their own words', async () => {
    const brain = build();
    await say(brain, 'Hi, this is Noa from Magen Insurance, you asked for a review of your policies.');
    expect((await say(brain, 'Do you work shifts or regular hours?')).text).toMatch(/shifts/);
  });

  it('says it when asked whether now is a good time (their hours are the answer)', async () => {
    const brain = build();
    expect((await say(brain, 'Hi, this is Noa from Magen Insurance, you asked for a review of your policies. Is now a good time?')).text).toMatch(/shifts/);
  });
});

describe('a callback promised is a call to wait for', () => {
  it.each([
    ['en', 'angry_customer', 'Let me check this with billing and call you back tomorrow.', /wait|call|tomorrow/i],
    ['he', 'confused_customer', 'אני אבדוק את זה ואחזור אליך מחר בבוקר.', /מחר|מחכה|נדבר/],
    ['en', 'discovery', 'Let me double check one number and call you back in ten minutes.', /talk|wait/i],
  ] as const)('%s %s: "%s"', async (language, scenarioType, line, answer) => {
    const c = demoCustomer({ scenarioType, language, seed: 4 });
    const brain = new OfflineCustomerBrain({ params: c.offline });
    if (c.offline.direction === 'inbound') await say(brain, null);
    await say(brain, language === 'he' ? 'שלום, מדברת נועה ממגן ביטוחים.' : 'Hi, Noa from Magen Insurance here, you asked us for a review. Is now a good time?');
    const r = await say(brain, line);
    expect(readDialogue(line, language).callback).toBe(true);
    expect(r.text).toMatch(answer);
    // not a meeting to resist, not an ending
    expect(r.text).not.toMatch(/before we book|לפני ש(נ)?קבע/i);
    expect(r.end).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/index.ts';
import { importTranscript, roleFromLabel } from './index.ts';

const agentLabels = (text: string) => {
  const t = importTranscript(text);
  return { agent: [...new Set(t.segments.filter((s) => s.speaker === 'agent').map((s) => s.label))], t };
};

describe('role labels', () => {
  it('reads a role word inside a longer label, in both languages', () => {
    expect(roleFromLabel('REP_JOHN')).toBe('agent');
    expect(roleFromLabel('PROSPECT_SARAH')).toBe('customer');
    expect(roleFromLabel('נציג_אבי')).toBe('agent');
    expect(roleFromLabel('לקוחה רונית')).toBe('customer');
    expect(roleFromLabel('Brian (Sales Rep)')).toBe('agent');
    // a job title with "sales" in it is not the agent's role word
    expect(roleFromLabel('Patricia (Director of Sales)')).toBeUndefined();
  });

  it('keeps SYSTEM and narrator lines out of the call instead of giving them a side', () => {
    const { agent, t } = agentLabels(
      'SYSTEM: This call may be recorded.\nREP_JOHN: Hi, this is John from BrightLedger.\nPROSPECT_SARAH: Not interested.\nSYSTEM: Call ended.',
    );
    expect(agent).toEqual(['REP_JOHN']);
    expect(t.segments.map((s) => s.label)).toEqual(['REP_JOHN', 'PROSPECT_SARAH']);
    expect(t.roles).toMatchObject({ method: 'labels', ignored: ['SYSTEM'] });
    const he = importTranscript('מערכת: השיחה מוקלטת.\nנציגה: שלום, מדברת נועה מביטוח הגליל.\nלקוח: כן, שלום.');
    expect(he.segments.map((s) => s.speaker)).toEqual(['agent', 'customer']);
  });

  it('reads [Name]:, Name (Company): and markdown-bold labels, and skips stage directions', () => {
    const { agent, t } = agentLabels(
      '# Call\n**Brian:** Hi, is this Patricia?\n**Patricia:** Yes, who is calling?\n**Brian:** This is Brian from TribeWorks, we help sales teams forecast.\n**Patricia:** *hangs up*',
    );
    expect(agent).toEqual(['Brian']);
    expect(t.segments).toHaveLength(3);
    const b = agentLabels('[Nina]: Hi Greg, Nina from Stackwise. What would make this call useful?\n[Greg]: Cost. We are in a budget freeze.\n[Paula]: And our spreadsheets.');
    expect(b.agent).toEqual(['Nina']);
    expect(b.t.roles!.customer).toEqual(['Greg', 'Paula']);
    const c = agentLabels('יוסי (דירות השרון): הלו, מדבר יוסי מדירות השרון, קיבלתי את הפנייה שלך.\nרונית: כן, שלום.\n[המתנה]\nיוסי (דירות השרון): מה חשוב לכם בדירה?\nרונית: קרוב לעבודה.');
    expect(c.agent).toEqual(['יוסי (דירות השרון)']);
  });
});

describe('roles from the call\'s shape', () => {
  it('takes the caller of a cold call for the agent: who introduces the company, who asks for the meeting', () => {
    const { agent, t } = agentLabels([
      'Caller: Hello, is this Dr. Patel?',
      'Receiver: Yes, speaking.',
      'Caller: My name is Aaron and I am calling from MediBook, we do online booking for clinics. How do patients book today?',
      'Receiver: They phone the front desk. It is busy and we probably lose patients.',
      'Caller: Could we set up a short demo on Wednesday at four?',
      'Receiver: I will have to check with my manager.',
    ].join('\n'));
    expect(agent).toEqual(['Caller']);
    expect(t.roles!.method).toBe('heuristic');
    expect(t.roles!.reason).toMatch(/introduced the company/);
  });

  it('finds the agent among several buyers who are named, not labelled', () => {
    const { agent, t } = agentLabels([
      'Maya: Hi Tom, it\'s Maya from Fieldline. Thanks for making time, the goal is to see how you schedule crews.',
      'Tom: Sure. Our CFO Ruth is on too.',
      'Ruth: Hi. I mainly care about cost, we are over budget this year.',
      'Maya: Understood. How do you schedule crews today?',
      'Tom: A whiteboard and a lot of phone calls.',
      'Maya: Teams like yours cut missed windows by seventy percent. Shall we look at it with your real jobs on Thursday at two?',
      'Ruth: Send me the numbers first.',
    ].join('\n'));
    expect(agent).toEqual(['Maya']);
    expect(t.roles!.customer).toEqual(['Tom', 'Ruth']);
    expect(t.roles!.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('is unsure, and says so, when nothing in the call tells the sides apart', () => {
    const t = importTranscript('Dana: hi.\nMark: hi.\nDana: ok.\nMark: ok.');
    expect(t.roles!.confidence).toBeLessThan(0.7);
  });
});

describe('refusals', () => {
  const refused = (text: string): string => {
    try {
      importTranscript(text);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      return (e as AppError).message;
    }
    throw new Error('expected a refusal');
  };

  it('refuses a call in a language other than Hebrew or English', () => {
    expect(refused([
      'Verkäufer: Guten Tag, hier ist Jonas von der Firma Sonnenstrom. Haben Sie kurz Zeit für mich?',
      'Kunde: Ja, aber nicht lange, ich bin gerade bei der Arbeit und habe wenig Zeit.',
      'Verkäufer: Wir bieten Solaranlagen für Ihr Haus an und die Preise sind jetzt sehr gut.',
      'Kunde: Das ist mir zu teuer, ich habe kein Interesse. Danke und auf Wiedersehen.',
    ].join('\n'))).toMatch(/Hebrew or English/);
  });

  it('refuses an e-mail whose only labels are headers', () => {
    expect(refused('From: Dana Levi\nTo: Sales Team\nSubject: Quote request\nHi, I would like a quote for twenty licences.')).toMatch(/not a conversation/);
  });

  it('refuses a text where only one side speaks', () => {
    expect(refused('Agent: Hello and welcome to our webinar.\nAgent: Today we cover pricing.\nAgent: Thanks for watching.')).toMatch(/not a conversation/);
  });
});

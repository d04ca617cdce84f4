import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/index.ts';
import { detectTranscriptFormat, importTranscript } from './index.ts';

const expectBadFile = (fn: () => unknown, msg: RegExp) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('BAD_FILE');
    expect((e as AppError).message).toMatch(msg);
    return;
  }
  throw new Error('expected BAD_FILE');
};

describe('plain-text lines', () => {
  it('reads [mm:ss] and [hh:mm:ss] prefixes and Hebrew role labels', () => {
    const t = importTranscript('[00:05] נציג: שלום, מדבר דני ממגן ביטוחים.\n[00:09] לקוח: כן, שלום.\n[01:02:03] נציגה: להתראות');
    expect(t.language).toBe('he');
    expect(t.segments.map((s) => [s.speaker, s.startSec])).toEqual([
      ['agent', 5],
      ['customer', 9],
      ['agent', 3723],
    ]);
    expect(t.segments[0].endSec).toBeLessThanOrEqual(9);
    expect(t.roles).toMatchObject({ method: 'labels', confidence: 1, agent: ['נציג', 'נציגה'], customer: ['לקוח'] });
    expect(t.segments.some((s) => s.estimated)).toBe(false);
    // start times were read; end times had to be computed, and say so
    expect(t.segments.every((s) => s.endEstimated)).toBe(true);
  });

  it('estimates times from word counts when there are none, and marks them', () => {
    const t = importTranscript('Agent: Hi, this is Sam from Acme, do you have a minute?\nCustomer: Sure.\nAgent: Great, what are you using today?');
    expect(t.segments.every((s) => s.estimated)).toBe(true);
    const [a, b, c] = t.segments;
    expect(a.startSec).toBe(0);
    expect(a.endSec).toBeGreaterThan(3); // 12 words at 2.5 words/s
    expect(b.startSec).toBeGreaterThan(a.endSec);
    expect(c.startSec).toBeGreaterThan(b.startSec);
  });

  it('joins unlabelled continuation lines to the previous turn', () => {
    const t = importTranscript('Rep: First line\nstill the rep talking\nClient: ok');
    expect(t.segments[0].text).toBe('First line still the rep talking');
    expect(t.segments[1].speaker).toBe('customer');
  });

  it('interpolates untimed lines between timed ones', () => {
    const t = importTranscript('[00:00] Agent: hello there\nCustomer: hi\n[00:10] Agent: so tell me');
    expect(t.segments[1].estimated).toBe(true);
    expect(t.segments[1].startSec).toBeGreaterThan(0);
    expect(t.segments[1].startSec).toBeLessThan(10);
    expect(t.segments[2].estimated).toBeUndefined();
  });
});

describe('single paragraph', () => {
  it('splits "Name: text Name: text" and uses the heuristic for unknown names', () => {
    const text =
      'Dana: Hi Mark, this is Dana from Shield Insurance, I am calling because you left your details. Do you have two minutes? ' +
      "Mark: I guess. Dana: What are you paying today for health coverage? Mark: Too much, honestly it's expensive. " +
      'Dana: How many kids do you have? Mark: Two.';
    expect(detectTranscriptFormat(text)).toBe('paragraph');
    const t = importTranscript(text);
    expect(t.segments).toHaveLength(6);
    expect(t.segments[0].label).toBe('Dana');
    expect(t.segments[0].speaker).toBe('agent');
    expect(t.segments[1].speaker).toBe('customer');
    expect(t.roles?.method).toBe('heuristic');
    expect(t.roles!.confidence).toBeGreaterThan(0.6);
  });

  it('uses --agent NAME over everything else', () => {
    const t = importTranscript('Dana: hi there friend. Mark: hello, what can I do? Dana: nothing. Mark: ok.', { agentName: 'mark' });
    expect(t.segments.filter((s) => s.speaker === 'agent').map((s) => s.label)).toEqual(['Mark', 'Mark']);
    expect(t.roles).toMatchObject({ method: 'named_agent', confidence: 1, agent: ['Mark'], customer: ['Dana'] });
  });

  it('names the speakers found when --agent matches none', () => {
    expect(() => importTranscript('Dana: hi. Mark: hello. Dana: bye. Mark: bye.', { agentName: 'Yossi' })).toThrow(/Dana, Mark/);
  });
});

describe('subtitles and JSON', () => {
  it('reads SRT with speaker prefixes', () => {
    const srt = '1\n00:00:01,000 --> 00:00:03,500\nנציגה: שלום, מדברת מיכל\n\n2\n00:00:04,000 --> 00:00:05,200\nלקוחה: היי\n';
    const t = importTranscript(srt, { fileName: 'call.srt' });
    expect(t.source).toBe('import:srt');
    expect(t.segments.map((s) => [s.speaker, s.startSec, s.endSec])).toEqual([
      ['agent', 1, 3.5],
      ['customer', 4, 5.2],
    ]);
  });

  it('reads WebVTT voice tags', () => {
    const vtt = 'WEBVTT\n\nNOTE demo\n\na1\n00:01.000 --> 00:04.000\n<v Sales Rep>Hello, thanks for calling</v>\n\n00:04.500 --> 00:06.000\n<v Caller>Hi, I have a question';
    const t = importTranscript(vtt);
    expect(t.segments.map((s) => [s.label, s.speaker, s.startSec])).toEqual([
      ['Sales Rep', 'agent', 1],
      ['Caller', 'customer', 4.5],
    ]);
  });

  it('reads JSON segments with field aliases and clock strings', () => {
    const json = JSON.stringify({ segments: [
      { speaker: 'agent', start: 0, end: 2.5, text: 'Hello' },
      { role: 'customer', start_time: '00:03', end_time: '00:04.5', content: 'Hi' },
    ] });
    const t = importTranscript(json);
    expect(t.segments.map((s) => [s.speaker, s.startSec, s.endSec])).toEqual([
      ['agent', 0, 2.5],
      ['customer', 3, 4.5],
    ]);
  });
});

describe('bad input', () => {
  it('rejects empty, binary, unlabelled and broken-JSON input with a clear reason', () => {
    expectBadFile(() => importTranscript('  \n '), /empty/);
    expectBadFile(() => importTranscript('RIFF\u0000\u0000WAVEfmt'), /binary/);
    expectBadFile(() => importTranscript('just some words with no speakers at all'), /no speaker labels/);
    expectBadFile(() => importTranscript('[{"speaker": "agent", "text": "hi"', { fileName: 'x.json' }), /not valid JSON/);
    expectBadFile(() => importTranscript('[{"speaker": "agent"}]'), /no "text"/);
    expectBadFile(() => importTranscript('1\n00:00:01,000 --> 00:00:02,000\nhello\n'), /no speaker names/);
  });
});

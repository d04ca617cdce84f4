import { describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import { speakPcm24k } from '../testing/espeak.ts';
import { EndOfTurnPredictor, FEATURE_NAMES, HAND_MODEL, TRAINED_MODEL, chunkCues, endOfTurnFeatures, endOfTurnTerms, lexicalCues, prosodicCues } from './end-of-turn.ts';
import { TEST_TURNS, TRAIN_TURNS } from './end-of-turn-data/turns.ts';
import { pauseLengths, summarizeOutcomes, type TurnOutcome } from './end-of-turn-eval.ts';
import { TurnDetector } from './turn-detector.ts';

const RATE = 24_000;

/** A voiced tone (pulse-like: fundamental + harmonics) gliding from f0a to f0b Hz, with an amplitude envelope. */
function tone(ms: number, f0a: number, f0b: number, amp: (t: number) => number = () => 1): Int16Array {
  const n = Math.round((ms * RATE) / 1000);
  const out = new Int16Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / n;
    const f0 = f0a * (f0b / f0a) ** t; // exponential glide: linear in semitones
    phase += (2 * Math.PI * f0) / RATE;
    let v = 0;
    for (let h = 1; h <= 6; h++) v += Math.sin(h * phase) / h;
    out[i] = Math.round(6000 * amp(t) * v);
  }
  return out;
}
const silence = (ms: number) => new Int16Array(Math.round((ms * RATE) / 1000));
const concat = (...parts: Int16Array[]) => {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  return out;
};

describe('prosodic cues at the end of an utterance', () => {
  it('reads a final fall as falling and a question rise as rising, and a level ending as level', () => {
    const fall = prosodicCues(concat(tone(300, 160, 160), tone(250, 160, 110), silence(100)))!;
    const rise = prosodicCues(concat(tone(300, 160, 160), tone(250, 160, 230), silence(100)))!;
    const level = prosodicCues(concat(tone(550, 150, 150), silence(100)))!;
    expect(fall.pitchDeltaSt).toBeLessThan(-1);
    expect(rise.pitchDeltaSt).toBeGreaterThan(1);
    expect(Math.abs(level.pitchDeltaSt!)).toBeLessThan(1);
  });

  it('tells a fade-out from speech cut off at full level', () => {
    const fade = prosodicCues(concat(tone(550, 150, 140, (t) => (t < 0.6 ? 1 : Math.max(0.02, 1 - (t - 0.6) / 0.4))), silence(100)))!;
    const cut = prosodicCues(concat(tone(550, 150, 140), silence(100)))!;
    expect(fade.energyFallDb).toBeGreaterThan(cut.energyFallDb + 6);
  });

  it('finds a long flat final stretch (a held "אממ") and a short one', () => {
    const held = prosodicCues(concat(tone(150, 170, 150), silence(60), tone(450, 130, 130), silence(100)))!;
    const short = prosodicCues(concat(tone(400, 170, 150), silence(60), tone(90, 140, 120), silence(100)))!;
    expect(held.finalVoicedMs).toBeGreaterThan(short.finalVoicedMs);
    expect(held.finalRangeSt!).toBeLessThan(1.5);
    expect(endOfTurnTerms({ prosody: held, transcript: null, language: 'he' }).heldFlat).toBeLessThan(0);
  });

  it('has nothing to say about silence', () => {
    expect(prosodicCues(silence(800))).toBeNull();
  });
});

describe('lexical cues of a partial transcript', () => {
  it('hears a question, in Hebrew and English, with and without a question mark', () => {
    expect(lexicalCues('מה הכי חשוב לך בביטוח?', 'he')!.question).toBe(true);
    expect(lexicalCues('כמה את משלמת היום', 'he')!.question).toBe(true);
    expect(lexicalCues('so what i suggest is that we meet does that work for you', 'en')!.question).toBe(true);
    expect(lexicalCues('our customers save about three hundred dollars a year', 'en')!.question).toBe(false);
  });

  it('hears a trailing connective ("ו", "אבל", "and", "because") as unfinished', () => {
    for (const [t, l] of [['ויש לנו גם הצעה ו', 'he'], ['המחיר טוב אבל', 'he'], ['בוא נגיד ש', 'he'], ['this is Joe and', 'en'], ['it is valid because', 'en']] as const) {
      const c = lexicalCues(t, l)!;
      expect(c.trailingConnective, t).toBe(true);
      expect(c.question, t).toBe(false);
    }
  });

  it('hears a trailing filler ("אממ", "אה", "um", an ellipsis)', () => {
    for (const [t, l] of [['אני רוצה להבין אממ', 'he'], ['תראי אה', 'he'], ['I would like to understand um', 'en'], ['what we could do…', 'en']] as const) {
      expect(lexicalCues(t, l)!.trailingFiller, t).toBe(true);
    }
  });

  it('a wh-word opening a relative clause is no question ("מה שאני מציע זה…", "what I suggest is…"); a hanging pseudo-cleft is unfinished', () => {
    expect(lexicalCues('אז מה שאני מציע זה', 'he')!.question).toBe(false);
    expect(lexicalCues('אז מה שאני מציע זה', 'he')!.trailingConnective).toBe(true);
    expect(lexicalCues('what we offer saves you money', 'en')!.question).toBe(false);
    expect(lexicalCues('what do you pay today', 'en')!.question).toBe(true);
    expect(lexicalCues('שנקבע שיחה ביום שלישי מתאים לך', 'he')!.question).toBe(true);
  });

  it('reads the clause being spoken: a fronted "if…"/"כש…" projects more, a short "I hear you" is a preface', () => {
    expect(chunkCues('If I understand correctly', 'en')!.frameOpener).toBe(true);
    expect(chunkCues('כשעסק בגודל שלכם עובר אלינו', 'he')!.frameOpener).toBe(true);
    expect(chunkCues('we work with most banks', 'en')!.frameOpener).toBe(false);
    expect(chunkCues('I hear you', 'en')!.shortPreface).toBe(true);
    expect(chunkCues('אני מבין שהתקציב מוגבל השנה בגלל המצב', 'he')!.shortPreface).toBe(false);
  });

  it('has no cues without words', () => {
    expect(lexicalCues('  ', 'he')).toBeNull();
  });
});

describe('the end-of-turn model', () => {
  it('ships trained weights for every feature, from turns the evaluation never uses', () => {
    for (const f of FEATURE_NAMES) expect(Number.isFinite(TRAINED_MODEL.weights[f]), f).toBe(true);
    expect(TRAINED_MODEL.name).toMatch(/TRAIN/);
    const test = new Set(TEST_TURNS.map((t) => t.id));
    expect(TRAIN_TURNS.some((t) => test.has(t.id))).toBe(false);
    expect(TEST_TURNS.filter((t) => t.language === 'he').length).toBeGreaterThanOrEqual(12);
  });

  it('learned the lexical cues in the expected direction: a question yields the turn, a trailing "and"/"um" holds it', () => {
    const w = TRAINED_MODEL.weights;
    expect(w.question).toBeGreaterThan(0);
    expect(w.trailingConnective).toBeLessThan(0);
    expect(w.trailingFiller).toBeLessThan(0);
    expect(w.frameOpener).toBeLessThan(0);
  });

  it('one feature category per silence, and the hand-set weights in the same feature space', () => {
    const f = endOfTurnFeatures({ prosody: null, transcript: 'המחיר טוב אבל', language: 'he' });
    expect(f.trailingConnective + f.question + f.plainEnding + f.trailingFiller + f.terminalPunctuation + f.noWords).toBe(1);
    expect(endOfTurnTerms({ prosody: null, transcript: 'מה דעתך?', language: 'he' }, HAND_MODEL).question).toBe(3.2);
  });
});

describe('EndOfTurnPredictor', () => {
  const p = new EndOfTurnPredictor({ silenceMs: 700, language: 'he' });
  const wait = (transcript: string | null, q = p) => q.estimate({ prosody: null, transcript }).waitMs;

  it('waits least after a question, longer after a plain statement, longest after "ו…" or "אממ"', () => {
    const question = wait('כמה את משלמת היום?');
    const plain = wait('הלקוחות שלנו חוסכים בממוצע');
    expect(question).toBeLessThan(plain);
    expect(plain).toBeLessThan(wait('יש לנו מסלול משפחתי אבל'));
    expect(plain).toBeLessThan(wait('אני רוצה להבין אממ'));
  });

  it('waits shorter than the persona window when the turn is clearly over and longer when it clearly is not', () => {
    expect(wait('מה הכי חשוב לך?')).toBeLessThan(700);
    expect(wait('ויש לנו גם ו')).toBeGreaterThan(700);
  });

  it('follows the persona: an eager customer waits less than a hesitant one, a patient one more than an impatient one', () => {
    const text = 'הלקוחות שלנו חוסכים בממוצע';
    const eager = new EndOfTurnPredictor({ silenceMs: 700, eagerness: 'high', language: 'he' });
    const hesitant = new EndOfTurnPredictor({ silenceMs: 700, eagerness: 'low', language: 'he' });
    expect(wait(text, eager)).toBeLessThan(wait(text));
    expect(wait(text)).toBeLessThan(wait(text, hesitant));
    const patient = new EndOfTurnPredictor({ silenceMs: 1000, language: 'he' });
    const impatient = new EndOfTurnPredictor({ silenceMs: 450, language: 'he' });
    expect(wait('מה דעתך?', impatient)).toBeLessThan(wait('מה דעתך?', patient));
    expect(wait(text, impatient)).toBeLessThan(wait(text, patient));
  });

  it('does not decide on stale words: until the latest speech is transcribed it waits at least the window', () => {
    const e = p.estimate({ prosody: null, transcript: 'מה הכי חשוב לך?', awaitingWords: true });
    expect(e.waitMs).toBeGreaterThanOrEqual(700);
    expect(e.terms.question).toBeUndefined();
    expect(e.waitMs).toBeGreaterThan(wait('מה הכי חשוב לך?'));
  });

  it('explains itself: the terms that moved the estimate are named', () => {
    const e = p.estimate({ prosody: null, transcript: 'המחיר טוב אבל' });
    expect(Object.keys(e.terms)).toContain('trailingConnective');
    expect(e.pEnd).toBeLessThan(0.5);
  });
});

describe('evaluation helpers', () => {
  it('draws mid-turn pauses around a median, short ones more often than long ones, not bunched', () => {
    const xs = pauseLengths(17);
    const sorted = [...xs].sort((a, b) => a - b);
    expect(sorted[8]).toBe(600);
    expect(sorted.filter((x) => x < 600).length).toBe(sorted.filter((x) => x > 600).length);
    expect(xs).not.toEqual(sorted);
  });

  it('counts false cut-ins per mid-turn pause and gaps per language and detector', () => {
    const o = (detector: TurnOutcome['detector'], gapMs: number | null, cut: boolean[]): TurnOutcome => ({ id: 'x', language: 'en', detector, gapMs, pauses: cut.map((c) => ({ kind: 'filler', ms: 500, cutIn: c })) });
    const s = summarizeOutcomes([o('window', 700, [true, false]), o('window', 720, [false]), o('predictor', 300, [false, false]), o('predictor', null, [false])]);
    const w = s.find((x) => x.detector === 'window')!;
    const p = s.find((x) => x.detector === 'predictor')!;
    expect(w.falseCutIns).toBe(1);
    expect(w.midPauses).toBe(3);
    expect(p.falseCutInRate).toBe(0);
    expect(p.missedEnds).toBe(1);
    // an order on the audio-time clock (20 ms per frame fed), not a wall-clock limit: the same on any machine
    expect(p.gapP50Ms).toBeLessThan(w.gapP50Ms);
  });
});

/** Commits of a detector over `audio` fed in 20 ms frames on an audio-time clock. */
async function commits(audio: Int16Array, o: { predictor?: EndOfTurnPredictor; transcript?: (ms: number) => string | null }) {
  let clockMs = 0;
  const got: Array<{ speechEndMs: number; atMs: number }> = [];
  const d = new TurnDetector(
    { clock: () => clockMs, silenceMs: 700, longSpeechMs: 600, keepAudio: false, stallMs: null, endOfTurn: o.predictor, transcript: o.transcript && (() => o.transcript!(clockMs)) },
    { speechStart: () => {}, longSpeech: () => {}, utterance: (u) => got.push({ speechEndMs: u.speechEndMs, atMs: clockMs }) },
  );
  await d.init();
  for (let i = 0; i < audio.length; i += 480) {
    d.push(audio.subarray(i, i + 480));
    clockMs += 20;
    await d.drained();
  }
  d.close();
  return got;
}

describe.skipIf(!haveTools(['espeak-ng'], 'end-of-turn predictor in the turn detector'))('TurnDetector with the end-of-turn predictor', () => {
  const predictor = () => new EndOfTurnPredictor({ silenceMs: 700, language: 'he' });

  it('answers a question sooner than the fixed window would', async () => {
    const q = speakPcm24k('כמה את משלמת היום על הביטוח?', 'he');
    const audio = concat(silence(200), q, silence(2000));
    const window = await commits(audio, {});
    // the browser's interim words come in while the agent speaks
    const predicted = await commits(audio, { predictor: predictor(), transcript: (ms) => (ms > 200 + q.length / 48 ? 'כמה את משלמת היום על הביטוח' : null) });
    expect(window).toHaveLength(1);
    expect(predicted).toHaveLength(1);
    expect(predicted[0].atMs).toBeLessThan(window[0].atMs);
  });

  it('with a transcript source that never delivers (no speech recognition in the browser) it answers no sooner than the window', async () => {
    const q = speakPcm24k('כמה את משלמת היום על הביטוח?', 'he');
    const audio = concat(silence(200), q, silence(2000));
    const window = await commits(audio, {});
    const predicted = await commits(audio, { predictor: predictor(), transcript: () => null });
    expect(predicted).toHaveLength(1);
    expect(predicted[0].atMs).toBeGreaterThanOrEqual(window[0].atMs);
  });

  it('answers once the question\'s words arrive, even when they arrive after the speech ends', async () => {
    const q = speakPcm24k('כמה את משלמת היום על הביטוח?', 'he');
    const end = 200 + q.length / 24;
    const audio = concat(silence(200), q, silence(2000));
    const window = await commits(audio, {});
    const late = await commits(audio, { predictor: predictor(), transcript: (ms) => (ms >= end + 300 ? 'כמה את משלמת היום על הביטוח' : null) });
    expect(late).toHaveLength(1);
    expect(late[0].atMs).toBeGreaterThanOrEqual(end + 300);
    expect(late[0].atMs).toBeLessThan(window[0].atMs);
  });

  it('holds through a pause after "אבל" that the fixed window cuts into, and ends the turn once', async () => {
    const a = speakPcm24k('יש לנו מסלול משפחתי, אבל,', 'he');
    const b = speakPcm24k('הוא מתאים בעיקר למשפחות עם ילדים. זה המצב אצלכם?', 'he');
    const aEnd = 200 + a.length / 24;
    const audio = concat(silence(200), a, silence(1000), b, silence(2500));
    // interim words as a browser gives them: a little behind the speech
    const transcript = (ms: number) =>
      ms < 200 + a.length / 48 ? null : ms < aEnd + 100 ? 'יש לנו מסלול משפחתי' : ms < aEnd + 1000 + b.length / 24 ? 'יש לנו מסלול משפחתי אבל' : 'יש לנו מסלול משפחתי אבל הוא מתאים בעיקר למשפחות עם ילדים זה המצב אצלכם';
    const window = await commits(audio, {});
    const predicted = await commits(audio, { predictor: predictor(), transcript });
    expect(window).toHaveLength(2); // cut in on the pause
    expect(predicted).toHaveLength(1);
    expect(predicted[0].speechEndMs).toBeGreaterThan(aEnd + 1000);
  });
});

/**
 * End-of-turn prediction: how long the customer should wait, after the agent falls silent, before taking the turn.
 * A fixed silence window either answers late (every turn waits it out) or cuts in on thinking pauses; people do
 * neither (≈200 ms gaps, docs/voice-facts.md) because they hear whether the turn is over. This predictor reads
 * the same cues, all explainable: named features (`FEATURE_NAMES`) weighted by a logistic model trained here on
 * labelled espeak-ng turns (end-of-turn-train.ts → end-of-turn-model.json; `HAND_MODEL` keeps the first hand-set weights):
 *  - prosody of the last ~400 ms of speech: final pitch movement (a fall or a question rise yields the turn, a
 *    level pitch holds it), phrase-final lengthening, and the energy fading out (a clean fade ends a phrase; speech
 *    cut off at full level is a word broken off);
 *  - lexical completeness of the partial transcript, when one exists: a question asked, a sentence complete, a
 *    trailing connective ("and…", "ו…", "אבל", "because") or filler ("um", "אממ", "אה") that promises more;
 *  - the persona's patience (its silence window) scales the shortest and the longest wait.
 * Pure functions (the model file is read once at load); the turn detector calls `EndOfTurnPredictor.estimate` while a
 * silence runs.
 */
import { readFileSync } from 'node:fs';
import pitchfinder from 'pitchfinder';
import { z } from 'zod';
import type { Language } from '../analysis/index.ts';

// ── prosodic cues ────────────────────────────────────────────────────────────────

/** Prosodic cues at the end of an utterance (null when the tail has no usable speech). */
export interface ProsodicCues {
  /** Final pitch movement (semitones): the last ~60 ms of voicing against the 100–400 ms before. > 0 rises. */
  pitchDeltaSt: number | null;
  /** Energy fall (dB) from the body of the last ~400 ms to its final 60 ms: a fade-out is large, a cut-off small. */
  energyFallDb: number;
  /** Length of the last voiced stretch (ms): phrase-final lengthening, and "אממ"/"um" held long. */
  finalVoicedMs: number;
  /** Pitch range (semitones) inside the last voiced stretch: a long flat stretch is a filled pause. */
  finalRangeSt: number | null;
}

const A_RATE = 4000; // analysis rate: pitch and vowel energy live below 1 kHz, and YIN is quadratic in its window
const HOP = 40; // 10 ms
const FRAME = 160; // 40 ms: YIN searches lags up to 80 samples (50 Hz)
const TAIL_MS = 450;

/** Low-passes PCM16 at `rate` (a multiple of 4 kHz) at 1 kHz (two one-pole stages) and keeps 4 kHz floats. */
function decimate(pcm: Int16Array, rate: number): Float32Array {
  const f = Math.max(1, Math.round(rate / A_RATE));
  const a = Math.exp((-2 * Math.PI * 1000) / rate);
  const out = new Float32Array(Math.floor(pcm.length / f));
  let l1 = 0;
  let l2 = 0;
  for (let i = 0, o = 0; o < out.length; i++) {
    l1 = ((1 - a) * pcm[i]) / 32768 + a * l1 + 1e-15;
    l2 = (1 - a) * l1 + a * l2;
    if (i % f === f - 1) out[o++] = l2;
  }
  return out;
}

const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};

/**
 * Cues of the speech that ends at the end of `pcm` (PCM16 mono at `rate`, a multiple of 8 kHz). Trailing silence
 * is found and skipped here, so the caller may pass the audio up to "now" (speech then the start of the silence).
 */
export function prosodicCues(pcm: Int16Array, rate = 24_000): ProsodicCues | null {
  const x = decimate(pcm.length > (rate * 1200) / 1000 ? pcm.subarray(pcm.length - (rate * 1200) / 1000) : pcm, rate);
  const n = Math.floor((x.length - FRAME) / HOP) + 1;
  if (n < 8) return null;
  const db: number[] = [];
  for (let i = 0; i < n; i++) {
    let e = 0;
    for (let k = i * HOP; k < i * HOP + FRAME; k++) e += x[k] * x[k];
    db.push(10 * Math.log10(e / FRAME + 1e-12));
  }
  const peak = Math.max(...db);
  if (peak < -50) return null;
  // speech ends at the last frame within 30 dB of the loudest (and above an absolute floor)
  let end = n - 1;
  while (end > 0 && (db[end] < peak - 30 || db[end] < -55)) end--;
  const tailFrames = TAIL_MS / 10;
  const start = Math.max(0, end - tailFrames + 1);
  if (end - start < 10) return null;
  const detect = pitchfinder.YIN({ sampleRate: A_RATE, threshold: 0.15 });
  const st: (number | null)[] = [];
  for (let i = start; i <= end; i++) {
    let hz: number | null = null;
    if (db[i] > peak - 25) {
      const f0 = detect(x.subarray(i * HOP, i * HOP + FRAME));
      if (f0 && f0 >= 65 && f0 <= 450) hz = f0;
    }
    st.push(hz === null ? null : 12 * Math.log2(hz / 100));
  }
  // octave jumps of YIN: fold every value to within 6 semitones of the median
  const med = median(st.filter((v): v is number => v !== null));
  const fold = (v: number) => {
    while (v - med > 6) v -= 12;
    while (med - v > 6) v += 12;
    return v;
  };
  const voiced = st.map((v, i) => (v === null ? null : { i, v: fold(v) })).filter((v): v is { i: number; v: number } => v !== null);
  let pitchDeltaSt: number | null = null;
  if (voiced.length >= 5) {
    const last = voiced[voiced.length - 1].i;
    const fin = voiced.filter((p) => p.i > last - 8).map((p) => p.v);
    const body = voiced.filter((p) => p.i <= last - 8 && p.i > last - 45).map((p) => p.v);
    if (fin.length >= 2 && body.length >= 3) pitchDeltaSt = median(fin) - median(body);
  }
  // the last voiced stretch (gaps of up to 30 ms inside it are tolerated)
  let finalVoicedMs = 0;
  let finalRangeSt: number | null = null;
  if (voiced.length) {
    let j = voiced.length - 1;
    while (j > 0 && voiced[j].i - voiced[j - 1].i <= 3) j--;
    const run = voiced.slice(j);
    finalVoicedMs = (run[run.length - 1].i - run[0].i + 1) * 10;
    const vs = run.map((p) => p.v);
    finalRangeSt = run.length >= 3 ? Math.max(...vs) - Math.min(...vs) : null;
  }
  const tail = db.slice(start, end + 1);
  const finalDb = tail.slice(-6).reduce((a, b) => a + b, 0) / Math.min(6, tail.length);
  const body = tail.slice(0, -10);
  const bodyDb = body.length ? [...body].sort((a, b) => b - a).slice(0, Math.max(1, body.length >> 2)).reduce((a, b) => a + b, 0) / Math.max(1, Math.min(body.length, body.length >> 2 || 1)) : finalDb;
  return { pitchDeltaSt, energyFallDb: bodyDb - finalDb, finalVoicedMs, finalRangeSt };
}

// ── lexical cues ─────────────────────────────────────────────────────────────────

/** What the words so far say about the turn (from a partial or final transcript). */
export interface LexicalCues {
  words: number;
  /** Ends with "?" or opens with a question word / asks a yes-no question ("יש לך…", "do you…"). */
  question: boolean;
  /** Ends with . ! or ? (browser transcripts are often unpunctuated: absence says little). */
  terminalPunctuation: boolean;
  /** The last word is a connective, preposition or article that needs a continuation ("and", "ו", "אבל", "של"). */
  trailingConnective: boolean;
  /** The last word is a filler ("um", "אממ", "אה") or ends in an ellipsis / a dash. */
  trailingFiller: boolean;
}

const CONNECTIVES: Record<Language, Set<string>> = {
  he: new Set(['ו', 'אבל', 'או', 'כי', 'ש', 'אז', 'גם', 'עם', 'של', 'את', 'על', 'ל', 'ב', 'מ', 'אם', 'כש', 'בגלל', 'למשל', 'כמו', 'שזה', 'אלא', 'וגם', 'ואז', 'אולי', 'לכן', 'כדי', 'עד', 'אחרי', 'לפני', 'בין', 'אצל', 'לגבי', 'יותר', 'הכי', 'ה', 'שאני', 'שאתה', 'שאת', 'שלנו', 'רק', 'בעצם', 'פשוט', 'ממש', 'גם']),
  en: new Set(['and', 'but', 'or', 'because', 'so', 'the', 'a', 'an', 'to', 'of', 'with', 'that', 'if', 'when', 'like', 'for', 'in', 'on', 'at', 'about', 'than', 'then', 'which', 'who', 'your', 'my', 'our', 'their', 'is', 'are', 'was', 'were', 'also', 'just', 'really', 'maybe', 'as', 'from', 'by', 'into', 'since', 'while', 'although', 'whether', 'plus', "i'm", "we're", "it's", "that's"]),
};
const FILLERS: Record<Language, Set<string>> = {
  he: new Set(['אממ', 'אמ', 'אה', 'אהה', 'אההה', 'אממממ', 'אמממ', 'הממ', 'המממ', 'כאילו', 'רגע', 'נו', 'יעני', 'כזה', 'כזאת', 'אהמ']),
  en: new Set(['um', 'umm', 'uh', 'uhh', 'er', 'erm', 'hmm', 'hm', 'ah', 'like', 'well', 'you know', 'mean']),
};
const QUESTION_OPENERS: Record<Language, RegExp> = {
  he: /^(מה|מי|למה|איך|מתי|כמה|איפה|האם|היכן|לאן|מאיפה|איזה|איזו|אילו|באיזה|באיזו|יש לך|יש לכם|אפשר|תוכל|תוכלי|מה דעתך|נכון)(?=\s|$)/,
  en: /^(what|who|why|how|when|where|which|whose|do|does|did|are|is|can|could|would|will|should|shall|have|has|may|isn't|aren't|don't|doesn't)\b/i,
};
/** Hebrew/English tag questions closing a statement: "…, נכון?", "…, right?". */
const TAGS: Record<Language, RegExp> = { he: /(נכון|לא|כן|בסדר|מה דעתך)$/, en: /(right|okay|ok|correct|yeah|isn't it|don't you|no)$/i };

/** Lexical cues of `text` (a partial or final transcript of the agent's turn so far). */
export function lexicalCues(text: string, language: Language): LexicalCues | null {
  const t = text.trim();
  if (!t) return null;
  // the current sentence: what follows the last terminal punctuation inside the text
  const sentences = t.split(/(?<=[.!?؟])\s+/);
  const sentence = sentences[sentences.length - 1];
  const bare = sentence.replace(/[.,!?;:"'()…\-–—]+/g, ' ').trim().toLowerCase();
  const words = bare.split(/\s+/).filter(Boolean);
  const last = words[words.length - 1] ?? '';
  const lastTwo = words.slice(-2).join(' ');
  const ellipsis = /(\.\.\.|…|[-–—])\s*$/.test(t);
  const terminalPunctuation = !ellipsis && /[.!?؟]\s*$/.test(t);
  const trailingFiller = ellipsis || FILLERS[language].has(last) || FILLERS[language].has(lastTwo) || /^(א+מ+|א+ה+|ה+מ+|u+m+|u+h+|e+r+m*|h+m+)$/.test(last);
  // a pseudo-cleft left hanging: "מה שאני מציע זה…" ("what I suggest is…")
  const cleft = language === 'he' && last === 'זה' && /(^|\s)מה ש\S+/.test(bare);
  // or a one-letter Hebrew prefix written alone ("ו", "ש"), or a function word left hanging
  const trailingConnective = !trailingFiller && !terminalPunctuation && (cleft || CONNECTIVES[language].has(last) || (language === 'he' && /^[ושהבלמכ]$/.test(last)));
  // unpunctuated speech recognition gives no sentence boundaries: a question word among the last words will do
  // a question inverts ("what do you…"); a wh-word followed by its subject is a relative clause ("what I suggest is…")
  const relative = (rest: string[]) => (language === 'he' ? /^(מה|מי|איך|כמה|איפה|מתי|למה) ש/ : /^(what|who|how|where|when|why|which) (i|we|you|they|he|she|it)\b/).test(rest.join(' '));
  const opensQuestion =
    words.slice(-7).some((_, i, tail) => QUESTION_OPENERS[language].test(tail.slice(i).join(' ')) && !relative(tail.slice(i))) ||
    (language === 'he' && /(מתאים|נוח|בסדר|נשמע טוב|מסתדר|מקובל) (לך|לכם|לכן|מבחינתך)$/.test(bare));
  const question = /[?؟]\s*$/.test(t) || (!trailingConnective && !trailingFiller && (opensQuestion || (words.length >= 3 && TAGS[language].test(bare) && /,\s*\S+\s*[?.]?\s*$/.test(sentence))));
  return { words: t.split(/\s+/).length, question, terminalPunctuation, trailingConnective, trailingFiller };
}

/**
 * Openers that project more to come (conversation analysis: "projectability"): a fronted subordinate clause or frame
 * adverbial ("if I understand correctly", "before we go on", "כשעסק…", "בנוסף לזה") needs a main clause after it.
 */
const FRAME_OPENERS: Record<Language, RegExp> = {
  he: /^(אם|כש\S+|כאשר|לפני|אחרי|בזמן ש\S*|מאחר|למרות|בדרך כלל|בנוסף|חוץ מזה|מעבר לזה|כמו ש\S*|ברגע ש\S*|ככל ש\S*|עד ש\S*)(\s|$)/,
  en: /^(if|when|whenever|before|after|while|although|though|since|as soon as|once|unless|usually|normally|basically|on top of that|in addition|besides|apart from that|as i said|as you know)\b/i,
};
/** Short prefaces that acknowledge before the main action ("I hear you.", "אני מבין את ההתלבטות."). */
const PREFACES: Record<Language, RegExp> = {
  he: /^(אני שומע|אני שומעת|אני מבין|אני מבינה|ברור|בסדר|מעולה|מצוין|יפה|נכון|אוקיי|אוקי|הבנתי|צודק|צודקת|זה בדיוק)(\s|$)/,
  en: /^(i hear|i see|i understand|i get it|got it|sure|right|great|okay|ok|fair enough|that makes sense|exactly|absolutely)\b/i,
};

/** Cues of the clause being spoken (the words since the last pause). */
export function chunkCues(text: string | null, language: Language): { words: number; frameOpener: boolean; shortPreface: boolean } | null {
  const bare = (text ?? '').replace(/[.,!?;:"'()…\-–—]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  if (!bare) return null;
  const words = bare.split(' ').length;
  return { words, frameOpener: FRAME_OPENERS[language].test(bare), shortPreface: words <= 4 && PREFACES[language].test(bare) };
}

// ── the model ────────────────────────────────────────────────────────────────────

/**
 * Features of one silence, each 0..1 (energyFade −0.5..1): the lexical category of the words so far (one of question,
 * terminal punctuation, a plain ending, a trailing connective or filler, or no words), the final pitch movement, the
 * energy fade, a held flat final stretch, final lengthening. The model's log-odds that the turn is over is the
 * weighted sum; each weighted feature is a named term of the explanation.
 */
export const FEATURE_NAMES = [
  'bias', 'question', 'terminalPunctuation', 'plainEnding', 'trailingConnective', 'trailingFiller', 'noWords',
  'frameOpener', 'shortPreface', 'chunkLength',
  'pitchFall', 'pitchRise', 'levelPitch', 'energyFade', 'heldFlat', 'lengthening',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

/** Logistic weights over FEATURE_NAMES, with where they came from. */
export interface EndOfTurnModel {
  name: string;
  weights: Features;
}

/**
 * The first, hand-set weights (session 1: from conversation-analysis findings, checked on the first 24 espeak-ng
 * turns). Kept for comparison in the bench; the predictor uses the trained model.
 */
export const HAND_MODEL: EndOfTurnModel = {
  name: 'hand-set',
  weights: {
    bias: -0.4, question: 3.2, terminalPunctuation: 1.6, plainEnding: -0.2, trailingConnective: -3.6, trailingFiller: -3.2, noWords: 0,
    frameOpener: 0, shortPreface: 0, chunkLength: 0,
    pitchFall: 1.35, pitchRise: 1.35, levelPitch: -0.5, energyFade: 0.72, heldFlat: -1.4, lengthening: 0.3,
  },
};

const modelFileSchema = z.object({
  name: z.string(),
  weights: z.object(Object.fromEntries(FEATURE_NAMES.map((f) => [f, z.number()])) as Record<FeatureName, z.ZodNumber>),
});

/** The trained model shipped in the repo (end-of-turn-model.json, written by end-of-turn-train.ts). */
export const TRAINED_MODEL: EndOfTurnModel = (() => {
  const file = new URL('./end-of-turn-model.json', import.meta.url);
  const parsed = modelFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`end-of-turn-model.json does not fit the predictor's features (re-run end-of-turn-train.ts): ${parsed.error.message}`);
  return parsed.data;
})();

/** The features of one silence. */
export function endOfTurnFeatures(input: EndOfTurnInput): Features {
  const f = Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as Features;
  f.bias = 1;
  const lex = input.transcript ? lexicalCues(input.transcript, input.language) : null;
  if (!lex) f.noWords = 1;
  else if (lex.trailingConnective) f.trailingConnective = 1;
  else if (lex.trailingFiller) f.trailingFiller = 1;
  else if (lex.question) f.question = 1;
  else if (lex.terminalPunctuation) f.terminalPunctuation = 1;
  else f.plainEnding = 1;
  const chunk = lex ? chunkCues(input.latestWords === undefined ? input.transcript! : input.latestWords, input.language) : null;
  if (chunk) {
    if (chunk.frameOpener) f.frameOpener = 1;
    if (chunk.shortPreface) f.shortPreface = 1;
    f.chunkLength = Math.min(12, chunk.words) / 12;
  }
  const p = input.prosody;
  if (p) {
    if (p.pitchDeltaSt !== null) {
      if (p.pitchDeltaSt <= -1) f.pitchFall = Math.min(3, -p.pitchDeltaSt) / 3;
      else if (p.pitchDeltaSt >= 1) f.pitchRise = Math.min(3, p.pitchDeltaSt) / 3;
      else f.levelPitch = 1;
    }
    f.energyFade = Math.max(-0.5, Math.min(1, (p.energyFallDb - 6) / 12));
    const flat = p.finalRangeSt !== null && p.finalRangeSt < 1.5;
    if (p.finalVoicedMs >= 250 && flat) f.heldFlat = 1;
    else if (p.finalVoicedMs >= 180) f.lengthening = 1;
  }
  return f;
}

/** The weighted terms of the end-of-turn logit for one silence (only the features present). */
export function endOfTurnTerms(input: EndOfTurnInput, model: EndOfTurnModel = TRAINED_MODEL): Partial<Features> {
  const f = endOfTurnFeatures(input);
  const t: Partial<Features> = {};
  for (const n of FEATURE_NAMES) if (f[n] !== 0) t[n] = Math.round(model.weights[n] * f[n] * 1000) / 1000;
  return t;
}

/** How eager the persona is to take the turn (the Realtime semantic_vad's word, same meaning). */
export type Eagerness = 'low' | 'medium' | 'high' | 'auto';

const EAGER_SHIFT: Record<Eagerness, { logit: number; min: number }> = {
  high: { logit: 0.8, min: 0.7 }, // an impatient customer jumps in on less evidence, and sooner
  medium: { logit: 0, min: 1 },
  auto: { logit: 0, min: 1 },
  low: { logit: -0.8, min: 1.3 }, // a hesitant one waits to be sure
};

export interface EndOfTurnInput {
  /** Prosodic cues of the speech before the silence (null: too little audio). */
  prosody: ProsodicCues | null;
  /** Partial / final transcript of the turn so far ('' or null: none). */
  transcript: string | null;
  /**
   * There is a transcript source but the words of the latest speech have not arrived yet: the estimate is not
   * made on stale words, and the wait is at least the persona's window until they come (or never do: a browser
   * without speech recognition gets the window, lengthened when prosody says the turn goes on).
   */
  awaitingWords?: boolean;
  /** The words of the latest stretch of speech (since the agent's last pause), when known; default: all of `transcript`. */
  latestWords?: string | null;
  language: Language;
}

/** A decision with its reasons, for logs, tests and the bench. */
export interface EndOfTurnEstimate {
  /** Probability that the turn is over, 0..1. */
  pEnd: number;
  /** Silence to wait before taking the turn (ms). */
  waitMs: number;
  /** The terms that contributed, by name (log-odds). */
  terms: Partial<Features>;
}

export interface EndOfTurnPredictorOptions {
  /** The persona's silence window (ms): the predictor's waits scale with it (patience). */
  silenceMs: number;
  eagerness?: Eagerness;
  language: Language;
  /** While the latest speech's words have not arrived: the longest wait past `silenceMs` (ms, default 400). */
  holdExtraMs?: number;
  /** Logistic weights (default: the trained model shipped in end-of-turn-model.json). */
  model?: EndOfTurnModel;
}

/**
 * Predicts the silence to wait at the end of an agent utterance. Waits run from `minWaitMs` (≈30% of the
 * persona's window: ~210 ms for a 700 ms window) when the turn is clearly over to `maxWaitMs` (2.5× the window)
 * when it clearly is not; the probability maps to the wait as min + (max − min)·(1 − p)².
 */
export class EndOfTurnPredictor {
  readonly minWaitMs: number;
  readonly maxWaitMs: number;
  private readonly shift: number;

  constructor(private readonly o: EndOfTurnPredictorOptions) {
    const e = EAGER_SHIFT[o.eagerness ?? 'auto'];
    this.minWaitMs = Math.round(Math.min(400, Math.max(100, 0.3 * o.silenceMs * e.min)));
    this.maxWaitMs = Math.round(Math.min(4000, Math.max(800, 2.5 * o.silenceMs)));
    this.shift = e.logit;
  }

  get language(): Language {
    return this.o.language;
  }

  estimate(input: Omit<EndOfTurnInput, 'language'>): EndOfTurnEstimate {
    const stale = input.awaitingWords;
    const terms = endOfTurnTerms({ ...input, transcript: stale ? null : input.transcript, latestWords: stale ? null : input.latestWords, language: this.o.language }, this.o.model);
    const z = Object.values(terms).reduce((a, b) => a + (b ?? 0), 0) + this.shift;
    const pEnd = 1 / (1 + Math.exp(-z));
    const predicted = Math.round(this.minWaitMs + (this.maxWaitMs - this.minWaitMs) * (1 - pEnd) ** 2);
    // words not in yet: at least the window, and never more than a bounded extra (words that never come hold nothing)
    const waitMs = input.awaitingWords ? Math.min(Math.max(predicted, this.o.silenceMs), this.o.silenceMs + (this.o.holdExtraMs ?? 400)) : predicted;
    return { pEnd, waitMs, terms };
  }
}

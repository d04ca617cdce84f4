/**
 * The statistical half of the sales-act classifier: a binarised multinomial naive Bayes over word unigrams and
 * bigrams (Hebrew words also without their clitic prefixes), trained at first use on the labelled utterances in
 * ./data (TRAINING_SETS). classifier.ts lets it decide only where the rules fall back, behind MODEL_PROB gates.
 * Alone it is the stronger reader of the clean labelled sets (blind4: 81.9/88.2% he/en against 74.3/79.2% gated),
 * but on real calls, full of thanks and stories, it invents acts; hence the gates.
 */
import { readFileSync } from 'node:fs';
import { readQuestion } from './questions.ts';
import type { Language, ObjectionKind, SalesAct } from './taxonomy.ts';
import { normalizeText, words } from './text.ts';

/** A model label: a sales act, or an objection with its kind ("objection:price"). */
export type ActLabel = Exclude<SalesAct, 'objection'> | `objection:${ObjectionKind}`;

/** One labelled utterance as stored in src/analysis/data/*.jsonl. */
export interface LabelledUtterance {
  text: string;
  act: SalesAct;
  objection?: ObjectionKind;
}

/** The model's best label and its (softened) posterior probability, 0..1. */
export interface ActGuess {
  label: ActLabel;
  prob: number;
}

export interface ActModel {
  readonly labels: readonly ActLabel[];
  /** Guess for one utterance (normalizeText is applied here). */
  predict(text: string): ActGuess;
}

export interface ActModelOptions {
  /** Additive (Lidstone) smoothing of feature counts; default 0.1. */
  alpha?: number;
  /**
   * Softening of the reported probability (scores divided by it; the best label is unchanged): naive Bayes
   * counts correlated words as independent evidence and is far too sure of itself; default 3.
   */
  temperature?: number;
}

export const labelOf = (u: LabelledUtterance): ActLabel =>
  u.act === 'objection' ? `objection:${u.objection ?? 'no_need'}` : (u.act as ActLabel);

const HE_PREFIX_LETTERS = new Set('ושהבלכמ');

/** A Hebrew word's forms without 1–3 clitic prefixes (ובשביל → בשביל, שביל), keeping at least 3 letters. */
function bareForms(t: string): string[] {
  const out: string[] = [];
  let s = t;
  for (let i = 0; i < 3 && s.length > 3 && HE_PREFIX_LETTERS.has(s[0]); i++) {
    s = s.slice(1);
    out.push(s);
  }
  return out;
}

/** The set of features of an utterance: words, prefix-stripped Hebrew words, bigrams, edges, question form. */
export function actFeatures(text: string, lang: Language): string[] {
  const n = normalizeText(text);
  const toks = words(n).map((t) => (/\d/.test(t) ? '#' : t));
  const f = new Set<string>();
  const bare = toks.map((t) => (lang === 'he' ? (bareForms(t).at(-1) ?? t) : t));
  for (let i = 0; i < toks.length; i++) {
    f.add(toks[i]);
    if (lang === 'he') for (const b of bareForms(toks[i])) f.add(b);
    if (i > 0) {
      f.add(`${toks[i - 1]} ${toks[i]}`);
      if (lang === 'he') f.add(`${bare[i - 1]} ${bare[i]}`);
    }
  }
  if (toks.length) {
    f.add(`^${bare[0]}`);
    if (toks.length > 1) f.add(`^${bare[0]} ${bare[1]}`);
  }
  const len = toks.length;
  f.add(len <= 1 ? '|len1' : len <= 3 ? '|len3' : len <= 8 ? '|len8' : len <= 16 ? '|len16' : '|len+');
  const q = readQuestion(n, lang);
  if (n.includes('?')) f.add('|qmark');
  if (q.isQuestion) f.add(q.isOpenQuestion ? '|openq' : '|q');
  return [...f];
}

/** Trains a binarised multinomial naive Bayes on labelled utterances of one language (a few ms for ~700 rows). */
export function trainActModel(rows: readonly LabelledUtterance[], lang: Language, opts: ActModelOptions = {}): ActModel {
  const alpha = opts.alpha ?? 0.1;
  const temperature = opts.temperature ?? 3;
  const labels = [...new Set(rows.map(labelOf))].sort() as ActLabel[];
  const index = new Map(labels.map((l, i) => [l, i]));
  const k = labels.length;
  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(k);
  const docs = new Float64Array(k);
  for (const r of rows) {
    const c = index.get(labelOf(r))!;
    docs[c]++;
    for (const feat of actFeatures(r.text, lang)) {
      let v = counts.get(feat);
      if (!v) counts.set(feat, (v = new Float64Array(k)));
      v[c]++;
      totals[c]++;
    }
  }
  const denom = Array.from(totals, (t) => Math.log(t + alpha * counts.size));
  const prior = Float64Array.from(docs, (d) => Math.log((d + 1) / (rows.length + k)));
  // log P(feature | label); features never seen in training carry no evidence and are skipped.
  const logp = new Map<string, Float64Array>();
  for (const [feat, v] of counts) logp.set(feat, Float64Array.from(v, (x, c) => Math.log(x + alpha) - denom[c]));

  return {
    labels,
    predict(text: string): ActGuess {
      const score = Float64Array.from(prior);
      for (const feat of actFeatures(text, lang)) {
        const v = logp.get(feat);
        if (v) for (let c = 0; c < k; c++) score[c] += v[c];
      }
      let best = 0;
      for (let c = 1; c < k; c++) if (score[c] > score[best]) best = c;
      let z = 0;
      for (let c = 0; c < k; c++) z += Math.exp((score[c] - score[best]) / temperature);
      return { label: labels[best], prob: 1 / z };
    },
  };
}

/** The labelled sets the shipped model learns from (src/analysis/data); blind4.* is never among them. */
export const TRAINING_SETS = ['utterances', 'holdout2', 'holdout3'] as const;

/** Reads one labelled JSONL file from src/analysis/data ("utterances.he.jsonl"). */
export function loadLabelled(file: string): LabelledUtterance[] {
  return readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledUtterance);
}

const models = new Map<Language, ActModel>();

/** The model for a language, trained on TRAINING_SETS on first use (about 10 ms), then cached. */
export function actModelFor(lang: Language): ActModel {
  let m = models.get(lang);
  if (!m) {
    m = trainActModel(TRAINING_SETS.flatMap((s) => loadLabelled(`${s}.${lang}.jsonl`)), lang);
    models.set(lang, m);
  }
  return m;
}

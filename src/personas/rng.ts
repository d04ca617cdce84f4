/** Seeded pseudo-random numbers (mulberry32): the same seed always gives the same sequence. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A new array with the elements in seeded random order. */
  shuffle<T>(items: readonly T[]): T[];
  /** `n` distinct elements (or all of them when there are fewer). */
  sample<T>(items: readonly T[], n: number): T[];
  /** True with probability p. */
  chance(p: number): boolean;
  /** A value in [min, max], rounded to 2 decimals. */
  range(min: number, max: number): number;
  /** An independent stream derived from this seed and a label (order of other draws does not affect it). */
  fork(label: string): Rng;
  /** An identical stream from this point on, drawn from separately (to try a branch without moving this one). */
  copy(): Rng;
}

/** 32-bit FNV-1a hash of a string: stable seeds from labels. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  return rngAt(seed, seed >>> 0);
}

function rngAt(seed: number, state: number): Rng {
  let a = state;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    sample: (items, n) => rng.shuffle(items).slice(0, Math.max(0, n)),
    chance: (p) => next() < p,
    range: (min, max) => Math.round((min + next() * (max - min)) * 100) / 100,
    fork: (label) => createRng((seed ^ hashString(label)) >>> 0),
    copy: () => rngAt(seed, a),
  };
  return rng;
}

/** A fresh random seed (used when the caller gives none; the persona records it so it can be replayed). */
export const randomSeed = (): number => Math.floor(Math.random() * 2 ** 31);

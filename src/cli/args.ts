/** Reads the value(s) of one `--flag`; every reader throws a message a person understands. */
export interface FlagReader {
  readonly flag: string;
  /** The next argument (not another flag). */
  value(): string;
  /** One or more following arguments, also split on commas: `--weakness closing listening` or `closing,listening`. */
  values(): string[];
  oneOf<T extends string>(allowed: readonly T[]): T;
  manyOf<T extends string>(allowed: readonly T[]): T[];
  wholeNumber(): number;
}

export interface ArgHandlers {
  /** Handle one flag; return an error message for an unknown one. */
  flag(name: string, r: FlagReader): string | void;
  /** Handle a non-flag argument; without this handler any is an error. */
  positional?(value: string): string | void;
}

/** Walks argv once for the sub-commands' hand-written options. Returns the first problem, or null. */
export function walkArgs(argv: string[], h: ArgHandlers): string | null {
  let i = 0;
  const reader = (flag: string): FlagReader => {
    const value = () => {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      i++;
      return v;
    };
    const check = <T extends string>(allowed: readonly T[], v: string): T => {
      if (!(allowed as readonly string[]).includes(v)) throw new Error(`${flag} must be one of ${allowed.join(', ')} (got "${v}")`);
      return v as T;
    };
    const values = () => {
      const list = [value()];
      while (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) list.push(argv[++i]);
      return list.flatMap((v) => v.split(',')).filter(Boolean);
    };
    return {
      flag,
      value,
      values,
      oneOf: (allowed) => check(allowed, value()),
      manyOf: (allowed) => values().map((v) => check(allowed, v)),
      wholeNumber: () => {
        const v = value();
        if (!/^\d+$/.test(v)) throw new Error(`${flag} must be a whole number (got "${v}")`);
        return Number(v);
      },
    };
  };
  try {
    for (; i < argv.length; i++) {
      const x = argv[i];
      const problem = x.startsWith('--')
        ? h.flag(x, reader(x))
        : h.positional
          ? h.positional(x)
          : `unexpected argument "${x}"`;
      if (problem) return problem;
    }
  } catch (e) {
    return (e as Error).message;
  }
  return null;
}

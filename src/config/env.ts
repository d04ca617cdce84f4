import { z } from 'zod';

const bool = (def: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? def : v === 'true' || v === '1' || v === 'yes'));

const url = (protocols: string[]) =>
  z
    .string()
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}`);

/** Every environment variable SalesGym reads, with its default. Documented in README "Configuration". */
export const envSchema = z.object({
  PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: url(['http:', 'https:']).optional(),
  OPENAI_REALTIME_URL: url(['ws:', 'wss:']).optional(),
  OPENAI_REALTIME_MODEL: z.string().min(1).default('gpt-realtime'),
  OPENAI_CHAT_MODEL: z.string().min(1).default('gpt-4.1-mini'),
  OPENAI_TRANSCRIBE_MODEL: z.string().min(1).default('gpt-4o-transcribe'),
  OPENAI_TTS_MODEL: z.string().min(1).default('gpt-4o-mini-tts'),
  /** Separate OpenAI-compatible transcription endpoint (e.g. a self-hosted Whisper server). */
  TRANSCRIBE_BASE_URL: url(['http:', 'https:']).optional(),
  TRANSCRIBE_API_KEY: z.string().min(1).optional(),
  /** A whisper.cpp (ggml) model file for the embedded recogniser; default: the first model in DATA_DIR/models. */
  TRANSCRIBE_MODEL_PATH: z.string().min(1).optional(),
  /** Longest the embedded recogniser may take per second of audio before it is stopped (ms, default 3000). */
  TRANSCRIBE_TIMEOUT_MS_PER_SEC: z.coerce.number({ message: 'must be a number' }).positive().default(3000),
  SALESGYM_DEMO: bool(true),
  /** Demo calls get audio rendered with espeak-ng (about 20 s on first start); false = transcripts only. */
  SALESGYM_DEMO_AUDIO: bool(true),
  /** The demo company gets weeks of history for the dashboards (older calls, practice calls played through the real pipeline); false = only the recent calls. */
  SALESGYM_DEMO_HISTORY: bool(true),
  UPLOAD_MAX_MB: z.coerce.number({ message: 'must be a number' }).positive().max(2048).default(100),
  SESSION_TTL_HOURS: z.coerce.number({ message: 'must be a number' }).positive().default(24 * 30),
  /** Default: on when PUBLIC_URL is https (see loadConfig). */
  COOKIE_SECURE: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1' || v === 'yes')),
  /** The address people open, e.g. https://gym.example.com: its origin is the one state-changing requests may come from. */
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  /** More origins allowed to send state-changing requests and open sockets (comma-separated, e.g. https://a.example,https://b.example). */
  ALLOWED_ORIGINS: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every((o) => originOf(o) === o.replace(/\/$/, '')), 'must be a comma-separated list of origins such as https://gym.example.com')
    .transform((list) => list.map((o) => originOf(o)!))
    .optional(),
  /**
   * Which proxies may tell us the client's address (X-Forwarded-For): a number of hops, or their addresses / CIDRs
   * (comma-separated; "loopback", "uniquelocal" allowed). Unset: none, the socket's address is the client.
   */
  TRUST_PROXY: z
    .string()
    .refine((v) => !/^(true|yes)$/i.test(v.trim()), 'name the proxy (e.g. 127.0.0.1, 10.0.0.0/8) or the number of proxies in front; "true" would believe any client')
    .transform((v): false | number | string => (/^(false|no|0)$/i.test(v.trim()) ? false : /^\d+$/.test(v.trim()) ? Number(v.trim()) : v.trim()))
    .optional(),
  /** `manual`: only platform staff mark orders paid. `test`: buyers may pay with the test flow (never in production). */
  PAYMENTS_MODE: z.enum(['manual', 'test']).default('manual'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Failed sign-ins to one account from one client before that client waits (doubling each further failure). */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  /** Failed sign-ins from one client (any accounts) per window before it waits for the window: slows password spraying. */
  LOGIN_CLIENT_MAX_FAILURES: z.coerce.number().int().positive().default(20),
  /** Longest call accepted for analysis, in minutes (read from the file's header before decoding). */
  CALL_MAX_MINUTES: z.coerce.number({ message: 'must be a number' }).positive().max(24 * 60).default(180),
  /** This node's id among several (letters, digits, . _ : -); default host:PORT. */
  NODE_ID: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1–64 letters, digits, dots, underscores, colons or dashes').optional(),
  /** Where the other nodes reach this one (they check a call's owner is alive there); default http://<hostname>:PORT. */
  NODE_URL: url(['http:', 'https:']).optional(),
});

/** The origin (scheme://host[:port]) of a URL, or null when it is not one. */
export function originOf(v: string): string | null {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

export type Config = Omit<z.output<typeof envSchema>, 'COOKIE_SECURE'> & { COOKIE_SECURE: boolean };

/** Settings derived from others: the session cookie is Secure by default when the public address is https. */
function finish(c: z.output<typeof envSchema> & Partial<Config>): Config {
  return { ...c, COOKIE_SECURE: c.COOKIE_SECURE ?? Boolean(c.PUBLIC_URL?.startsWith('https:')) };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parse the environment once. Empty strings count as unset. Throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') cleaned[key] = v;
  }
  const r = envSchema.safeParse(cleaned);
  if (!r.success) {
    throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.')}=${JSON.stringify(cleaned[String(i.path[0])] ?? '')}: ${i.message}`));
  }
  return finish({ ...r.data, ...overrides });
}

/** A config for tests: defaults, no AI, no demo, in-memory database unless told otherwise. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({ SALESGYM_DEMO: 'false', SALESGYM_DEMO_AUDIO: 'false', SALESGYM_DEMO_HISTORY: 'false', LOG_LEVEL: 'silent' }, overrides);
}

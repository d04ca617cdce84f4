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
  UPLOAD_MAX_MB: z.coerce.number({ message: 'must be a number' }).positive().max(2048).default(100),
  SESSION_TTL_HOURS: z.coerce.number({ message: 'must be a number' }).positive().default(24 * 30),
  COOKIE_SECURE: bool(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
});

export type Config = z.output<typeof envSchema>;

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
  return { ...r.data, ...overrides };
}

/** A config for tests: defaults, no AI, no demo, in-memory database unless told otherwise. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({ SALESGYM_DEMO: 'false', SALESGYM_DEMO_AUDIO: 'false', LOG_LEVEL: 'silent' }, overrides);
}

import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { CALL_TYPES, LANGUAGES, LlmAnalyzer, OfflineAnalyzer, formatAnalysisText, type Analyzer, type CallType, type Language } from '../analysis/index.ts';
import { importTranscript } from '../calls/transcript/index.ts';
import { isAppError } from '../core/index.ts';
import { loadConfig } from '../config/index.ts';
import { walkArgs } from './args.ts';

/** Where the command writes; injectable for tests. */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env?: Record<string, string | undefined>;
}

/** Audio/video extensions handled by the calls pipeline (upload → conversion → transcription), not by this command. */
export const AUDIO_EXTENSIONS = ['wav', 'mp3', 'm4a', 'mp4', 'aac', 'webm', 'ogg', 'opus', 'oga', 'flac', 'amr', 'wma', 'mov', '3gp'];

const USAGE = 'usage: salesgym analyze <transcript-or-audio-file> [--agent NAME] [--lang he|en] [--type CALL_TYPE] [--json] [--offline]';

interface Args {
  file?: string;
  agent?: string;
  lang?: Language;
  type?: CallType;
  json: boolean;
  offline: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { json: false, offline: false };
  const problem = walkArgs(argv, {
    flag(x, r) {
      if (x === '--json') a.json = true;
      else if (x === '--offline') a.offline = true;
      else if (x === '--agent') a.agent = r.value();
      else if (x === '--lang') a.lang = r.oneOf(LANGUAGES);
      else if (x === '--type') a.type = r.oneOf(CALL_TYPES);
      else return `unknown option ${x}`;
    },
    positional(x) {
      if (a.file) return `only one file can be analysed at a time (got "${a.file}" and "${x}")`;
      a.file = x;
    },
  });
  if (problem) return problem;
  return a.file ? a : 'missing the transcript file';
}

/**
 * `salesgym analyze <file>`: import a transcript, analyse it (LLM when OPENAI_API_KEY/OPENAI_BASE_URL is set and
 * --offline is not given, with offline fallback; offline otherwise) and print a readable report or one JSON
 * document (--json, schema = CallAnalysis). Returns the exit code: 0 ok, 1 bad file, 2 bad usage.
 */
export async function runAnalyze(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`salesgym analyze: ${args}\n${USAGE}\n`);
    return 2;
  }
  const file = args.file!;
  const ext = extname(file).slice(1).toLowerCase();
  if (AUDIO_EXTENSIONS.includes(ext)) return analyzeAudioFile(file, args, io);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(`salesgym analyze: cannot read "${file}": ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}\n`);
    return 1;
  }
  try {
    const transcript = importTranscript(text, { agentName: args.agent, language: args.lang, fileName: basename(file) });
    const analysis = await pickAnalyzer(args, io.env ?? process.env).analyze(transcript, { callType: args.type });
    io.stdout(args.json ? `${JSON.stringify(analysis, null, 2)}\n` : `${formatAnalysisText(analysis)}\n`);
    return 0;
  } catch (e) {
    if (isAppError(e)) {
      io.stderr(`salesgym analyze: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** The analyzer a command uses: offline when asked or when no LLM endpoint is configured. */
export function pickAnalyzer(args: { offline: boolean }, env: Record<string, string | undefined>): Analyzer {
  if (args.offline) return new OfflineAnalyzer();
  const config = loadConfig(env);
  if (config.OPENAI_API_KEY || config.OPENAI_BASE_URL) return LlmAnalyzer.fromConfig(config);
  return new OfflineAnalyzer();
}

/**
 * An audio file goes through the calls pipeline (conversion, tone, transcription when an endpoint is
 * configured, else the audio-only report). JSON: the CallAnalysis plus an `audio` object (talk time, tone).
 */
async function analyzeAudioFile(file: string, args: Args, io: CliIO): Promise<number> {
  try {
    // the audio pipeline (ffmpeg, voice activity, transcription) loads only for audio files
    const { analyzeRecordingFile, describeAudio } = await import('../calls/index.ts');
    const config = loadConfig(io.env ?? process.env);
    const report = await analyzeRecordingFile(file, config, { agentName: args.agent, language: args.lang, callType: args.type, analyzer: pickAnalyzer(args, io.env ?? process.env) });
    const lang = report.analysis.language;
    if (args.json) io.stdout(`${JSON.stringify({ ...report.analysis, audio: report.audio }, null, 2)}\n`);
    else io.stdout(`${formatAnalysisText(report.analysis)}\n\n${report.audio ? describeAudio(report.audio, lang).join('\n') + '\n' : ''}`);
    return 0;
  } catch (e) {
    if (isAppError(e)) {
      io.stderr(`salesgym analyze: ${basename(file)}: ${e.message}\n`);
      return 1;
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      io.stderr(`salesgym analyze: cannot read "${file}": no such file\n`);
      return 1;
    }
    throw e;
  }
}

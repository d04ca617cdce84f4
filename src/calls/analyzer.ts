import { LlmAnalyzer, OfflineAnalyzer, type Analyzer } from '../analysis/index.ts';
import type { Config } from '../config/index.ts';

/** The content analyzer for calls: the LLM analyzer (with offline fallback) when a chat endpoint is configured, else offline. */
export function callAnalyzerFromConfig(config: Config): Analyzer {
  if (config.OPENAI_API_KEY || config.OPENAI_BASE_URL) return LlmAnalyzer.fromConfig(config);
  return new OfflineAnalyzer();
}

export type { Transcriber, TranscriberCapabilities, TranscribeOptions, TranscribedSegment } from './types.ts';
export { OpenAiTranscriber, transcriberFromConfig, responseModeFor, type OpenAiTranscriberOptions } from './openai.ts';
export { planChunks, groupUtterances, type Chunk } from './chunks.ts';
export { transcribeCall, type TranscribeCallInput, type CallAudioPaths } from './call.ts';

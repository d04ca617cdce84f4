export type { Transcriber, TranscriberCapabilities, TranscribeOptions, TranscribedSegment } from './types.ts';
export { OpenAiTranscriber, transcriberFromConfig as endpointTranscriberFromConfig, responseModeFor, type OpenAiTranscriberOptions } from './openai.ts';
export { transcriberFromConfig, serverTranscription, type ServerTranscription, type ChainConfig } from './chain.ts';
export { EmbeddedWhisper, embeddedFromConfig, findModel, modelsDir, type EmbeddedSegment, type EmbeddedOptions } from './embedded/engine.ts';
export { EmbeddedTranscriber } from './embedded/transcriber.ts';
export { MODELS, modelByName, checkModel, installedModels, pullModel, sha256File, type ModelEntry, type ModelCheck, type PullOptions } from './embedded/models.ts';
export { planChunks, groupUtterances, type Chunk } from './chunks.ts';
export { transcribeCall, type TranscribeCallInput, type CallAudioPaths } from './call.ts';

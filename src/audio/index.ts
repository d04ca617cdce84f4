export { AUDIO_FORMATS, ANALYSIS_RATE, hasTool, probeAudio, normalizeAudio, makePlayable, cutSegment, run, type ProbeResult, type NormalizedAudio, type RunResult } from './ffmpeg.ts';
export { readWavInfo, wavBlocks, readWavSamples, encodeWav, type WavInfo } from './wav.ts';
export { FrameAnalyzer, FRAME_MS, type Frame } from './frames.ts';
export { Vad, type SpeechSegment, type VadOptions } from './vad.ts';
export { ToneAccumulator, ToneTracker, toneConfidence, type ToneFeatures, type ToneEstimate } from './tone.ts';
export { talkMetrics, voiceActivity, toTurns, type TalkMetrics, type VoiceActivity } from './talk.ts';
export { analyzeAudio, type AudioAnalysis, type AnalyzeAudioInput, type SpeakerAudio, type AudioSpeaker } from './analyze.ts';
export { renderCall, type RenderLine, type RenderedSegment, type RenderOptions } from './render.ts';
export { clusterVoices, type VoiceClusters } from './diarize.ts';

import { FrameAnalyzer, FRAME_MS } from './frames.ts';
import { Vad, type SpeechSegment } from './vad.ts';
import { ToneAccumulator, type ToneEstimate } from './tone.ts';
import { talkMetrics, voiceActivity, type TalkMetrics, type VoiceActivity } from './talk.ts';
import { wavBlocks, readWavInfo } from './wav.ts';

export type AudioSpeaker = 'agent' | 'customer' | 'mixed';

export interface SpeakerAudio {
  speaker: AudioSpeaker;
  segments: SpeechSegment[];
  tone: ToneEstimate;
}

/** What the audio alone tells: who spoke when, tone per speaker, talk time. */
export interface AudioAnalysis {
  durationSec: number;
  /** stereo: one speaker per channel; transcript: speakers from transcript timing on mono; mono: voices not separated. */
  separation: 'stereo' | 'transcript' | 'mono';
  speakers: SpeakerAudio[];
  /** Two-speaker talk metrics (stereo or transcript timing); null for plain mono. */
  talk: TalkMetrics | null;
  voiceActivity: VoiceActivity;
}

export interface AnalyzeAudioInput {
  monoPath: string;
  /** [left, right] for a stereo call. */
  channelPaths?: [string, string] | null;
  /** Which channel is the agent (default 0 = left). */
  agentChannel?: 0 | 1;
  /** For mono audio with a transcript: who speaks when (times in seconds). */
  turns?: { speaker: 'agent' | 'customer'; startSec: number; endSec: number }[];
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

const BLOCK = 16_000 * 4; // 4 s of 16 kHz audio per read
/** A frame on one channel counts as bleed from the other when the other is this much louder. */
const BLEED_DB = 15;

/** Measures a normalised call (16 kHz mono WAVs from normalizeAudio). Streams the files; memory stays flat. */
export async function analyzeAudio(input: AnalyzeAudioInput): Promise<AudioAnalysis> {
  const info = await readWavInfo(input.monoPath);
  const durationSec = info.dataBytes / 2 / info.sampleRate;
  const frameSec = FRAME_MS / 1000;
  const totalFrames = Math.max(1, Math.floor(durationSec / frameSec));
  if (input.channelPaths) {
    const agentCh = input.agentChannel ?? 0;
    const paths = agentCh === 0 ? input.channelPaths : ([input.channelPaths[1], input.channelPaths[0]] as [string, string]);
    const fa = [new FrameAnalyzer(info.sampleRate), new FrameAnalyzer(info.sampleRate)];
    const vads = [new Vad(), new Vad()];
    const acc = [new ToneAccumulator(), new ToneAccumulator()];
    const speaking = [false, false];
    const gens = paths.map((p) => wavBlocks(p, BLOCK));
    let done = 0;
    for (;;) {
      input.signal?.throwIfAborted();
      const [ra, rb] = await Promise.all(gens.map((g) => g.next()));
      if (ra.done && rb.done) break;
      const framesA = ra.done ? [] : fa[0].push(ra.value);
      const framesB = rb.done ? [] : fa[1].push(rb.value);
      const n = Math.min(framesA.length, framesB.length);
      for (let i = 0; i < n; i++) {
        const a = framesA[i];
        const b = framesB[i];
        speaking[0] = vads[0].push(a, b.db - a.db > BLEED_DB);
        speaking[1] = vads[1].push(b, a.db - b.db > BLEED_DB);
        acc[0].push(a, speaking[0], speaking[1]);
        acc[1].push(b, speaking[1], speaking[0]);
      }
      done += n;
      input.onProgress?.(Math.min(1, done / totalFrames));
    }
    const [agentSeg, customerSeg] = vads.map((v) => v.finish());
    return {
      durationSec,
      separation: 'stereo',
      speakers: [
        { speaker: 'agent', segments: agentSeg, tone: acc[0].estimate() },
        { speaker: 'customer', segments: customerSeg, tone: acc[1].estimate() },
      ],
      talk: talkMetrics(agentSeg, customerSeg, durationSec),
      voiceActivity: voiceActivity(mergeSegs(agentSeg, customerSeg), durationSec),
    };
  }

  const fa = new FrameAnalyzer(info.sampleRate);
  const vad = new Vad();
  const turns = input.turns?.length ? [...input.turns].sort((a, b) => a.startSec - b.startSec) : null;
  const accs = { agent: new ToneAccumulator(), customer: new ToneAccumulator(), mixed: new ToneAccumulator() };
  const segs: Record<'agent' | 'customer', SpeechSegment[]> = { agent: [], customer: [] };
  let ti = 0;
  let done = 0;
  let cur: { who: 'agent' | 'customer'; start: number; end: number } | null = null;
  for await (const block of wavBlocks(input.monoPath, BLOCK)) {
    input.signal?.throwIfAborted();
    for (const f of fa.push(block)) {
      const speech = vad.push(f);
      accs.mixed.push(f, speech);
      if (turns) {
        while (ti < turns.length && turns[ti].endSec <= f.tSec) ti++;
        const t = turns[ti];
        const who = t && t.startSec <= f.tSec ? t.speaker : null;
        accs.agent.push(f, speech && who === 'agent', speech && who === 'customer');
        accs.customer.push(f, speech && who === 'customer', speech && who === 'agent');
        if (speech && who) {
          if (cur && cur.who === who && f.tSec - cur.end < 0.35) cur.end = f.tSec + frameSec;
          else {
            if (cur) segs[cur.who].push({ startSec: cur.start, endSec: cur.end });
            cur = { who, start: f.tSec, end: f.tSec + frameSec };
          }
        }
      }
    }
    done += block.length;
    input.onProgress?.(Math.min(1, done / (durationSec * info.sampleRate)));
  }
  if (cur) segs[cur.who].push({ startSec: cur.start, endSec: cur.end });
  const all = vad.finish();
  if (turns) {
    const round = (s: SpeechSegment[]) => s.map((x) => ({ startSec: r3(x.startSec), endSec: r3(x.endSec) }));
    return {
      durationSec,
      separation: 'transcript',
      speakers: [
        { speaker: 'agent', segments: round(segs.agent), tone: accs.agent.estimate() },
        { speaker: 'customer', segments: round(segs.customer), tone: accs.customer.estimate() },
      ],
      talk: talkMetrics(segs.agent, segs.customer, durationSec),
      voiceActivity: voiceActivity(all, durationSec),
    };
  }
  return {
    durationSec,
    separation: 'mono',
    speakers: [{ speaker: 'mixed', segments: all, tone: accs.mixed.estimate() }],
    talk: null,
    voiceActivity: voiceActivity(all, durationSec),
  };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

function mergeSegs(a: SpeechSegment[], b: SpeechSegment[]): SpeechSegment[] {
  const s = [...a, ...b].sort((x, y) => x.startSec - y.startSec);
  const out: SpeechSegment[] = [];
  for (const x of s) {
    const last = out.at(-1);
    if (last && x.startSec <= last.endSec) last.endSec = Math.max(last.endSec, x.endSec);
    else out.push({ ...x });
  }
  return out;
}

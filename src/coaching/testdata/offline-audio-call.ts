/**
 * A practice call through the offline VOICE path, for tests: the same persona, OfflineCustomerBrain, scripted agent
 * and coaching tap as offline-call.ts, but the agent speaks. Each line is rendered by espeak-ng and streamed to the
 * SimulationSession as 20 ms binary PCM16 24 kHz frames; the CascadeEngine's Silero VAD and silence window find the
 * end of the turn, and the line's text arrives as the browser's speech recognition would send it
 * (`agent_transcript`, final). The customer answers in espeak-ng speech. The clock is virtual and follows the
 * audio: every agent frame moves it 20 ms (once the VAD has scored it), every customer frame by its length (the
 * browser plays it), so timings are those of the spoken call while the test runs faster than real time.
 */
import { classifyUtterance, splitSentences, type Language } from '../../analysis/index.ts';
import { DEMO_QUESTIONNAIRE, questionnaireSchema } from '../../org/index.ts';
import { buildCompanyContext, compileSession, personaForScenario, profileFromManagerChoice } from '../../personas/index.ts';
import { defaultScenario } from '../../scenarios/index.ts';
import {
  CascadeEngine, EspeakSynthesizer, SimulationSession, decodeServerMessage, offlineBrainFromSnapshot, pcm16Bytes, voicePersonaFrom,
  type LiveSessionHandle, type ServerMessage, type SessionSummary,
} from '../../voice/index.ts';
import type { SessionReport } from '../report-schema.ts';
import { coachingTap } from '../voice-tap.ts';
import { roomSilence, speakLine, type Delivery } from './agent-voice.ts';
import { EN_QUESTIONNAIRE, objectionKinds, type OfflineCallOptions, type OfflineCallResult } from './offline-call.ts';

const FRAME = 480; // 20 ms at 24 kHz

export interface OfflineAudioCallOptions extends OfflineCallOptions {
  /** How the agent's lines are rendered to audio. */
  delivery: Delivery;
}

export interface OfflineAudioCallResult extends Omit<OfflineCallResult, 'brain'> {
  /** Seconds of agent audio streamed to the session. */
  agentAudioSec: number;
}

export async function runOfflineAudioCall(o: OfflineAudioCallOptions): Promise<OfflineAudioCallResult> {
  const lang: Language = o.language;
  const q = questionnaireSchema.parse(lang === 'he' ? DEMO_QUESTIONNAIRE : EN_QUESTIONNAIRE);
  const ctx = buildCompanyContext({ version: 1, data: q, companyId: 'test-company' }, { language: lang });
  const scenario = { ...defaultScenario(o.scenarioType ?? 'discovery', o.level ?? 'intermediate', lang) };
  const profile = profileFromManagerChoice(scenario.targetSkills, { agentId: 'test-agent' });
  const customer = personaForScenario(scenario, profile, ctx, [], { seed: o.seed });
  const { instructions, offline } = compileSession(customer, scenario);
  const voice = voicePersonaFrom(customer, scenario, instructions);

  let now = 0;
  const clock = () => now;
  const messages: ServerMessage[] = [];
  let customerSaid = '';
  let replyItem: string | null = null;
  /** Before the first agent turn, a customer who speaks first: any reply counts. */
  let anyReply = true;
  let done = false;
  let ready: (() => void) | null = null;
  let report: SessionReport | null = null;
  let summary: SessionSummary | null = null;
  let turnOver: (() => void) | null = null;

  const brain = offlineBrainFromSnapshot({ voice, persona: { customer, offline }, scenario, seed: o.seed, clock });
  const engine = new CascadeEngine({ persona: voice, brain, clock, tts: new EspeakSynthesizer(), stt: null, browserTranscriptWaitMs: 1500 });
  let hungUp = false;
  engine.onEvent((e) => {
    if (e.type === 'hangup') hungUp = true;
  });
  const transport = {
    sendJson: (m: ServerMessage) => {
      const wire = decodeServerMessage(JSON.stringify(m));
      if (!wire) throw new Error(`the session sent a message the wire schema rejects: ${JSON.stringify(m)}`);
      messages.push(wire);
      if (wire.type === 'ready') ready?.();
      if (wire.type === 'customer_turn_started') replyItem = wire.itemId;
      // only the reply to the turn just spoken counts (a cut-off earlier reply is finalised first)
      if (wire.type === 'customer_transcript_final' && (anyReply || wire.itemId === replyItem)) {
        customerSaid = wire.text;
        turnOver?.();
      }
      if (wire.type === 'ended') {
        done = true;
        turnOver?.();
      }
    },
    // the browser plays the customer's audio in real time: the call's clock moves with it
    sendAudio: (pcm: Int16Array) => void (now += pcm.length / 24),
    close: () => undefined,
  };
  let session!: SimulationSession;
  const handle: LiveSessionHandle = {
    simulationId: `offline-audio-${lang}-${o.seed}`,
    voice,
    scenario,
    persona: { customer, offline },
    now: clock,
    publish: (m) => session.notify(m),
    applyDirective: (d, reason, text) => session.applyDirective(d, reason, text),
  };
  const tap = coachingTap({
    onReport: (_id, r, s) => {
      report = r;
      summary = s;
    },
    differentiator: () => q.differentiator,
  })(handle);
  // audio arrives faster than real time (virtual clock): lift the wall-clock audio rate limit
  session = new SimulationSession({ engine, persona: voice, transport, clock, taps: [tap], maxDurationMs: 3_600_000, limits: { audioMsPerSec: 1e9, audioBurstMs: 1e9 } });

  let agentSamples = 0;
  /** Stream audio as the microphone would: 20 ms frames, each scored by the VAD before the clock moves on. */
  const stream = async (pcm: Int16Array) => {
    for (let i = 0; i < pcm.length; i += FRAME) {
      const frame = new Int16Array(FRAME); // the last frame padded with silence (the wire takes 10–100 ms frames)
      frame.set(pcm.subarray(i, i + FRAME));
      session.handleBinary(pcm16Bytes(frame));
      now += frame.length / 24;
      agentSamples += frame.length;
      await engine.drained();
    }
  };
  /** The customer's reply (or the end of the call); a customer who never answers fails the call, not the clock. */
  const waitCustomer = () => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no customer reply within 30 s (${lang}, seed ${o.seed})`)), 30_000);
    turnOver = () => {
      clearTimeout(timer);
      turnOver = null;
      resolve();
    };
  });

  const started = new Promise<void>((resolve) => (ready = resolve));
  const customerFirst = voice.customerSpeaksFirst ? waitCustomer() : null;
  session.handleText(JSON.stringify({ type: 'start', v: 1, mode: 'voice' }));
  await started;
  if (customerFirst) await customerFirst;

  for (let turn = 1; turn <= (o.maxTurns ?? 16) && !done && !hungUp; turn++) {
    const sentences = customerSaid ? splitSentences(customerSaid).map((x) => classifyUtterance(x, lang)) : [];
    const objections = objectionKinds(sentences);
    const line = o.agent({
      turn,
      customer: customerSaid,
      objection: objections[0] ?? null,
      objections,
      question: sentences.some((c) => c.isQuestion),
      buyingSignal: sentences.some((c) => c.acts.includes('buying_signal')),
    });
    if (!line) break;
    await stream(roomSilence(300 + line.pauseMs, turn)); // the customer's last word → the agent's ear, then the agent's pause
    const answered = waitCustomer();
    replyItem = null;
    anyReply = false;
    await stream(speakLine(line.text, lang, o.delivery));
    // the silence after the words: the VAD's window ends the turn; the browser's final transcript follows
    await stream(roomSilence(voice.turnTaking.silenceMs + 200, turn + 100));
    session.handleText(JSON.stringify({ type: 'agent_transcript', text: line.text, final: true }));
    await answered;
  }
  for (let i = 0; i < 200 && hungUp && !done; i++) await new Promise((r) => setTimeout(r, 10));
  if (!done) await session.end('agent_ended');
  for (let i = 0; i < 400 && !report; i++) await new Promise((r) => setTimeout(r, 25));
  if (!report || !summary) throw new Error('the session ended without a report');
  const transcript = session.transcript.map((t) => ({ speaker: t.speaker, text: t.text, startMs: t.startMs, endMs: t.endMs }));
  return { report, summary, messages, transcript, agentAudioSec: agentSamples / 24_000 };
}

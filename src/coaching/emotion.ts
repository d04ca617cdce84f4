/**
 * EmotionDetector (Hebrew and English, text plus prosody): the customer's mood and the agent's state.
 * With the offline brain, its internal customer state is the truth; otherwise the mood is estimated from cue
 * phrases, the sales acts of the customer's words, and (when given) how aroused the customer's voice sounds.
 */
import type { Language } from '../analysis/index.ts';
import { CUSTOMER_MOODS, type CueMood, type CustomerMood, hedgeCount, moodCues } from './emotion-lexicon.ts';
import type { ConfidenceReading } from './voice-confidence.ts';
import type { ConversationSnapshot } from './conversation-tracker.ts';
import type { CustomerState } from './types.ts';
import { clamp01, round } from './types.ts';
import { readTurn } from './utterance.ts';

export type AgentState = 'confident' | 'hesitant' | 'stressed';

export interface MoodReading {
  mood: CustomerMood;
  /** 'engine': the brain's own state; 'estimated': text + prosody. */
  source: 'engine' | 'estimated';
  /** Decayed evidence per mood (estimated) or the engine values behind the mood. */
  scores: Record<CustomerMood, number>;
}

export interface AgentReading {
  state: AgentState;
  /** 0..1 evidence for hesitation and for stress. */
  hesitation: number;
  stress: number;
}

/** Engine mood words → our six moods (persona emotions and brain moods use a few other words). */
const MOOD_SYNONYMS: Record<string, CustomerMood> = {
  calm: 'calm', neutral: 'calm', relaxed: 'calm', reserved: 'calm',
  interested: 'interested', engaged: 'interested', warm: 'interested', curious: 'interested', positive: 'interested', happy: 'interested',
  skeptical: 'skeptical', sceptical: 'skeptical', guarded: 'skeptical', suspicious: 'skeptical', doubtful: 'skeptical', hesitant: 'skeptical',
  annoyed: 'annoyed', frustrated: 'annoyed', impatient: 'annoyed', irritated: 'annoyed', busy: 'annoyed',
  angry: 'angry', irate: 'angry', furious: 'angry', hostile: 'angry',
  confused: 'confused', lost: 'confused', uncertain: 'confused',
};

/** The customer's mood from the engine's state: its mood word when we know it, else from the numbers. */
export function moodFromState(s: CustomerState): CustomerMood | null {
  const word = s.mood ? MOOD_SYNONYMS[s.mood.toLowerCase()] : undefined;
  if (word) return word;
  if (s.patience === undefined && s.trust === undefined && s.interest === undefined) return null;
  const patience = s.patience ?? 0.6, trust = s.trust ?? 0.5, interest = s.interest ?? 0.5;
  if (patience < 0.15) return 'angry';
  if (patience < 0.35) return 'annoyed';
  if (interest >= 0.6 && trust >= 0.5) return 'interested';
  if (trust < 0.35 || (s.openObjections ?? 0) > 0) return 'skeptical';
  return 'calm';
}

const DECAY = 0.5;
const THRESHOLD = 0.6;

export interface EmotionOptions {
  language: Language;
}

export class EmotionDetector {
  private readonly lang: Language;
  private scores: Record<CustomerMood, number> = { calm: 0, interested: 0, skeptical: 0, annoyed: 0, angry: 0, confused: 0 };
  private engine: { mood: CustomerMood; state: CustomerState } | null = null;

  constructor(opts: EmotionOptions) {
    this.lang = opts.language;
  }

  /** The engine reports its own state: text and voice cues no longer decide anything. */
  get engineDriven(): boolean {
    return this.engine !== null;
  }

  /** The engine's internal state (offline brain): from now on it decides the mood. */
  observeState(state: CustomerState): void {
    const mood = moodFromState(state);
    if (mood) this.engine = { mood, state };
  }

  /**
   * A finished customer turn. `arousal` (0..1) is how agitated the voice sounded against the speaker's own
   * baseline (louder, faster, wider pitch) — it strengthens annoyed/angry cues, it never creates them.
   */
  observeCustomerTurn(text: string, arousal?: number): void {
    const cues = moodCues(text, this.lang);
    const r = readTurn(text, this.lang);
    const ev: Record<CueMood, number> = { ...cues };
    if (r.acts.has('objection')) ev.skeptical += 1;
    if (r.acts.has('buying_signal')) ev.interested += 1;
    if (r.acts.has('need_statement')) ev.interested += 0.5;
    if (/!{2,}/.test(text)) ev.angry += 0.5;
    if (arousal !== undefined) {
      const boost = 1 + clamp01(arousal);
      ev.angry *= boost;
      ev.annoyed *= boost;
    }
    for (const m of CUSTOMER_MOODS) this.scores[m] = this.scores[m] * DECAY + (m === 'calm' ? 0 : ev[m]);
  }

  /** The customer's current mood. */
  customer(): MoodReading {
    if (this.engine) {
      const s = this.engine.state;
      const scores = { calm: 0, interested: s.interest ?? 0, skeptical: 1 - (s.trust ?? 1), annoyed: 1 - (s.patience ?? 1), angry: 0, confused: 0 };
      return { mood: this.engine.mood, source: 'engine', scores: roundAll(scores) };
    }
    let best: CustomerMood = 'calm';
    let bestScore = THRESHOLD;
    // Stronger moods win ties: anger outranks annoyance outranks doubt.
    for (const m of ['angry', 'annoyed', 'confused', 'skeptical', 'interested'] as const) {
      if (this.scores[m] > bestScore + 1e-9) {
        best = m;
        bestScore = this.scores[m];
      }
    }
    return { mood: best, source: 'estimated', scores: roundAll(this.scores) };
  }

  /**
   * The agent's state from voice confidence (when there is audio), fillers and hedges in their words, and the
   * conversation: answering objections with no pause and talking over the customer read as stress.
   */
  agent(input: { voice?: ConfidenceReading | null; snapshot: ConversationSnapshot; recentAgentText?: string }): AgentReading {
    const s = input.snapshot;
    const conf = input.voice?.confidence ?? null;
    const hedges = input.recentAgentText ? hedgeCount(input.recentAgentText, this.lang) : 0;
    const words = Math.max(1, input.recentAgentText ? readTurn(input.recentAgentText, this.lang).words : 1);
    const textHes = clamp01(s.fillers.perMin / 8) * 0.5 + clamp01((hedges / words) * 15) * 0.5;
    const hesitation = conf === null ? textHes : clamp01(0.7 * (1 - conf) + 0.3 * textHes);
    const rushed = s.objections.meanResponseMs !== null ? clamp01((600 - s.objections.meanResponseMs) / 600) : 0;
    const fast = s.wordsPerMin !== null ? clamp01((s.wordsPerMin - 190) / 50) : 0;
    const rate = input.voice?.features.syllablesPerSec ?? 0;
    const voiceFast = conf === null ? 0 : clamp01((rate - 6.5) / 1.5);
    const overTalk = clamp01(s.interruptions.byAgent / 3);
    const stress = clamp01(0.35 * rushed + 0.25 * Math.max(fast, voiceFast) + 0.4 * overTalk);
    const state: AgentState = stress >= 0.5 && stress >= hesitation ? 'stressed' : hesitation >= 0.5 ? 'hesitant' : 'confident';
    return { state, hesitation: round(hesitation), stress: round(stress) };
  }
}

function roundAll(s: Record<CustomerMood, number>): Record<CustomerMood, number> {
  const out = { ...s };
  for (const k of CUSTOMER_MOODS) out[k] = round(out[k]);
  return out;
}

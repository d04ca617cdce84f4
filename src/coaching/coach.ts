/**
 * RealTimeCoach: on-screen hints (never spoken into the call) from the live conversation snapshot. Each rule
 * fires once per occurrence; hints are rationed per level, spaced by a global and a per-rule cooldown, and held
 * while the agent is mid-sentence unless they are about the sentence itself (monologue, talking over).
 * Every hint records what triggered it and when, and when it was shown.
 */
import type { Language } from '../analysis/index.ts';
import type { ConversationSnapshot } from './conversation-tracker.ts';
import type { Bilingual } from './types.ts';

export const HINT_RULES = [
  'objection_unacknowledged',
  'monologue',
  'no_discovery',
  'price_before_needs',
  'talking_over',
  'missed_buying_signal',
  'no_next_step',
] as const;
export type HintRule = (typeof HINT_RULES)[number];

export interface HintEvent {
  rule: HintRule;
  text: string;
  severity: 'info' | 'warn';
  /** When the situation arose (session ms), e.g. the objection's time. */
  triggerAtMs: number;
  /** When the coach showed it. */
  shownAtMs: number;
  /** What set it off, in plain words (kept for the report). */
  trigger: string;
}

export interface CoachOptions {
  language: Language;
  /** Hints allowed in the whole call (the level's hintsAllowed). 0 = no hints. */
  maxHints: number;
  /** Objection not acknowledged within this many seconds → hint. Default 8. */
  objectionAckSec?: number;
  /** Agent talking this long without the customer → hint. Default 60. */
  monologueSec?: number;
  /** No discovery question by this time → hint. Default 120. */
  discoveryBySec?: number;
  /** Scenario time limit; "no next step" fires when this much is left. Default 600 / 90. */
  timeLimitSec?: number;
  nextStepLeadSec?: number;
  /** Minimum gap between any two hints (s). Default 20. Halved while the customer is supportive. */
  globalCooldownSec?: number;
  /** Minimum gap between two hints of the same rule (s). Default 60. */
  ruleCooldownSec?: number;
  /** Rules switched off for this scenario. */
  disabled?: HintRule[];
}

const TEXT: Record<HintRule, Bilingual> = {
  objection_unacknowledged: { he: 'הלקוח העלה התנגדות — הכר בה לפני שאתה עונה ("אני מבין ש…").', en: 'The customer raised an objection — acknowledge it before you answer ("I understand that…").' },
  monologue: { he: 'אתה מדבר כבר יותר מדקה. עצור ושאל שאלה.', en: "You've been talking for over a minute. Pause and ask a question." },
  no_discovery: { he: 'עוד לא שאלת שאלת בירור. נסה: "מה הכי חשוב לך ב…?"', en: 'No discovery question yet. Try: "What matters most to you in…?"' },
  price_before_needs: { he: 'הצגת מחיר לפני שהבנת את הצרכים. חזור לשאלות על מה שחשוב ללקוח.', en: 'You gave a price before understanding the needs. Go back to what matters to the customer.' },
  talking_over: { he: 'נכנסת לדברי הלקוח. תן לו לסיים, ספור עד שתיים ואז ענה.', en: 'You talked over the customer. Let them finish, count to two, then answer.' },
  missed_buying_signal: { he: 'הלקוח נתן סימן קנייה — הצע צעד הבא או סגירה עכשיו.', en: 'The customer gave a buying signal — propose a next step or close now.' },
  no_next_step: { he: 'השיחה מתקרבת לסוף ואין צעד הבא. קבע מועד או בקש החלטה.', en: 'The call is nearly over and there is no next step. Set a time or ask for a decision.' },
};

/** A hint's wording in both languages (the page shows its own UI language, whatever the call's). */
export const hintTexts = (rule: HintRule): Bilingual => TEXT[rule];

/**
 * Misses that still get a hint while the difficulty engine has reduced hints (the agent sounds confident): an
 * objection left unacknowledged and talking over the customer cost the call whatever the agent's confidence.
 */
export const CRITICAL_RULES: ReadonlySet<HintRule> = new Set(['objection_unacknowledged', 'talking_over']);

/** Rules that may interrupt the agent mid-sentence (they are about that sentence). */
const URGENT: ReadonlySet<HintRule> = new Set(['monologue', 'talking_over']);

interface Pending {
  rule: HintRule;
  key: string;
  triggerAtMs: number;
  trigger: string;
}

export class RealTimeCoach {
  private readonly o: Required<Omit<CoachOptions, 'disabled'>> & { disabled: Set<HintRule> };
  private readonly fired = new Set<string>();
  private readonly shown: HintEvent[] = [];
  private readonly lastByRule = new Map<HintRule, number>();
  private lastShownAt = -Infinity;
  private enabled = true;
  private supportive = false;
  private reduced = false;

  constructor(opts: CoachOptions) {
    this.o = {
      language: opts.language,
      maxHints: opts.maxHints,
      objectionAckSec: opts.objectionAckSec ?? 8,
      monologueSec: opts.monologueSec ?? 60,
      discoveryBySec: opts.discoveryBySec ?? 120,
      timeLimitSec: opts.timeLimitSec ?? 600,
      nextStepLeadSec: opts.nextStepLeadSec ?? 90,
      globalCooldownSec: opts.globalCooldownSec ?? 20,
      ruleCooldownSec: opts.ruleCooldownSec ?? 60,
      disabled: new Set(opts.disabled ?? []),
    };
  }

  /**
   * The difficulty engine switches hints on/off, marks supportive phases (shorter spacing) and reduces hints while
   * the agent is cruising: then only CRITICAL_RULES fire, spaced twice as far apart — reduced, never silenced.
   */
  setMode(m: { hintsEnabled: boolean; supportive: boolean; hintsReduced?: boolean }): void {
    this.enabled = m.hintsEnabled;
    this.supportive = m.supportive;
    this.reduced = m.hintsReduced === true;
  }

  /** Every hint shown so far. */
  get hints(): readonly HintEvent[] {
    return this.shown;
  }

  /** Hints still allowed in this call. */
  get remaining(): number {
    return Math.max(0, this.o.maxHints - this.shown.length);
  }

  /** Evaluate the rules at `nowMs`; returns the hints to show now (at most one per call). */
  evaluate(s: ConversationSnapshot, nowMs: number): HintEvent[] {
    if (!this.enabled || this.remaining === 0) return [];
    const globalGap = (this.supportive ? this.o.globalCooldownSec / 2 : this.reduced ? this.o.globalCooldownSec * 2 : this.o.globalCooldownSec) * 1000;
    if (nowMs - this.lastShownAt < globalGap) return [];
    for (const p of this.triggers(s, nowMs)) {
      if (this.o.disabled.has(p.rule) || this.fired.has(p.key)) continue;
      if (this.reduced && !CRITICAL_RULES.has(p.rule)) continue;
      if (s.agentSpeaking && !URGENT.has(p.rule)) continue; // wait for a breath
      const last = this.lastByRule.get(p.rule) ?? -Infinity;
      if (nowMs - last < this.o.ruleCooldownSec * 1000) continue;
      this.fired.add(p.key);
      this.lastByRule.set(p.rule, nowMs);
      this.lastShownAt = nowMs;
      const hint: HintEvent = {
        rule: p.rule,
        text: TEXT[p.rule][this.o.language],
        severity: p.rule === 'talking_over' || p.rule === 'objection_unacknowledged' ? 'warn' : 'info',
        triggerAtMs: p.triggerAtMs,
        shownAtMs: nowMs,
        trigger: p.trigger,
      };
      this.shown.push(hint);
      return [hint];
    }
    return [];
  }

  /** Every rule's current trigger, most important first. */
  private triggers(s: ConversationSnapshot, now: number): Pending[] {
    const o = this.o;
    const out: Pending[] = [];
    if (s.interruptions.lastByAgentAtMs !== null && now - s.interruptions.lastByAgentAtMs <= 10_000) {
      out.push({ rule: 'talking_over', key: `talking_over:${s.interruptions.byAgent}`, triggerAtMs: s.interruptions.lastByAgentAtMs, trigger: `interruption #${s.interruptions.byAgent}` });
    }
    for (const ob of s.objections.list) {
      const late = now - ob.endMs >= o.objectionAckSec * 1000;
      // Not acknowledged: the agent answered without acknowledging, or N seconds passed with no acknowledgement.
      if (!ob.acknowledged && (late || ob.answeredTurn !== null) && ob.resolved !== true) {
        out.push({ rule: 'objection_unacknowledged', key: `objection:${ob.id}`, triggerAtMs: ob.endMs, trigger: `${ob.kind} objection: "${ob.text}"` });
      }
    }
    if (s.monologue.currentMs >= o.monologueSec * 1000) {
      out.push({ rule: 'monologue', key: `monologue:${Math.round(now - s.monologue.currentMs)}`, triggerAtMs: now - s.monologue.currentMs + o.monologueSec * 1000, trigger: `agent talking ${Math.round(s.monologue.currentMs / 1000)} s` });
    }
    if (s.price.beforeNeeds) {
      out.push({ rule: 'price_before_needs', key: 'price_before_needs', triggerAtMs: s.price.beforeNeeds.atMs, trigger: `price before needs: "${s.price.beforeNeeds.text}"` });
    }
    for (const b of s.buyingSignals) {
      if (b.followedUp === false) out.push({ rule: 'missed_buying_signal', key: `signal:${b.atMs}`, triggerAtMs: b.atMs, trigger: `buying signal: "${b.text}"` });
    }
    if (s.questions.discovery === 0 && now >= o.discoveryBySec * 1000) {
      out.push({ rule: 'no_discovery', key: 'no_discovery', triggerAtMs: o.discoveryBySec * 1000, trigger: `no discovery question in ${o.discoveryBySec} s` });
    }
    const nearEnd = (o.timeLimitSec - o.nextStepLeadSec) * 1000;
    if (s.nextStep.proposedAtMs === null && now >= nearEnd) {
      out.push({ rule: 'no_next_step', key: 'no_next_step', triggerAtMs: nearEnd, trigger: `no next step with ${o.nextStepLeadSec} s left` });
    }
    return out;
  }
}

/** A customer reply before it is worded: a reaction, one main move, up to two extras, and maybe the end of the call. */
import type { ObjectionKind } from '../../analysis/index.ts';
import type { Technique } from '../../personas/index.ts';
import type { Outcome } from '../protocol.ts';
import type { OwnSituation } from './lines.ts';

export type Move =
  /** A line from the persona's phrase banks (params.phrases[situation]). */
  | { kind: 'phrase'; situation: string }
  | { kind: 'own'; situation: OwnSituation }
  | { kind: 'objection'; id: string; how: 'raise' | 'reraise' | 'sharp' | 'press' | 'resurface' | 'remind' }
  | { kind: 'accept'; id: string }
  | { kind: 'reveal'; id: string }
  | { kind: 'fact'; index: number }
  | { kind: 'detail'; index: number }
  | { kind: 'tech'; index: number }
  | { kind: 'hint'; objection?: ObjectionKind; topic?: string }
  /** What would settle a resurfaced objection, asked in character ("do people like me actually do this?"). */
  | { kind: 'ask'; technique: Technique }
  | { kind: 'stakeholder'; index: number }
  | { kind: 'agree'; outcome: 'purchase' | 'next_step'; when?: string }
  | { kind: 'opening' }
  /** Words already chosen by the dialogue layer (a fact answered, a summary confirmed, a time echoed). */
  | { kind: 'say'; text: string; critical?: boolean };

export interface Plan {
  reaction: Move | null;
  main: Move;
  extras: Move[];
  end: { outcome: Outcome; reason: string } | null;
}

/** Collects candidate moves with priorities; the highest wins each slot. */
export class PlanBuilder {
  private mains: { prio: number; move: Move }[] = [];
  private reactions: { prio: number; move: Move }[] = [];
  private extraMoves: Move[] = [];
  end: Plan['end'] = null;

  main(prio: number, move: Move): void {
    this.mains.push({ prio, move });
  }

  react(prio: number, move: Move): void {
    this.reactions.push({ prio, move });
  }

  extra(move: Move): void {
    if (this.extraMoves.length < 2) this.extraMoves.push(move);
  }

  /** The best main move so far (null when none). */
  get best(): Move | null {
    return this.mains.reduce<{ prio: number; move: Move } | null>((b, x) => (!b || x.prio > b.prio ? x : b), null)?.move ?? null;
  }

  /** Priority of the best main move so far (−1 when none). */
  get top(): number {
    return this.mains.reduce((m, x) => Math.max(m, x.prio), -1);
  }

  finish(end: Plan['end'], fallback: Move): Plan {
    const best = <T extends { prio: number }>(xs: T[]) => xs.reduce<T | null>((b, x) => (!b || x.prio > b.prio ? x : b), null);
    let reaction = best(this.reactions)?.move ?? null;
    // A reply that is only a reaction ("Don't tell me to calm down!") is not padded with a filler ("…I see.").
    const main = best(this.mains)?.move ?? reaction ?? fallback;
    if (main === reaction) reaction = null;
    // "…but go on" makes no sense in a reply that ends the call.
    if (end && reaction?.kind === 'own' && reaction.situation === 'movedOnDispleased') reaction = null;
    // An ending reply carries no extras: nobody raises a new topic while hanging up or agreeing.
    return { reaction, main, extras: end ? [] : this.extraMoves, end };
  }
}

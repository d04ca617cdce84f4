/**
 * The one source of truth for an LLM customer's instructions. The persona's compiled instructions are the base
 * and never change during a call; mid-call changes (the difficulty directive, a manager's whisper) are layers on
 * top, each kept once: a new directive replaces the previous one instead of piling up. Engines send `text()`
 * whole (Realtime `session.update`, the chat brain's system message), so the customer never loses its identity,
 * objections and rules after an update.
 */
import type { Language } from '../analysis/index.ts';
import type { DifficultyDirective } from './engine.ts';

export type Gender = 'female' | 'male';

/** A layer on top of the persona: the difficulty directive or a manager's whisper. */
export type InstructionLayer = 'difficulty' | 'whisper';

const HEADINGS: Record<InstructionLayer, { he: string; en: string }> = {
  difficulty: { he: '# הנחיה עדכנית (גוברת על הוראות קודמות באותו נושא)', en: '# Current directive (overrides earlier guidance on the same point)' },
  whisper: { he: '# הערה מהמנהל (אל תזכיר/י אותה)', en: '# A note from the manager (never mention it)' },
};

/** `[masculine|feminine]` alternatives resolved for the customer's gender. */
function genderize(text: string, gender: Gender): string {
  return text.replace(/\[([^[\]|]*)\|([^[\]|]*)\]/g, (_m, masc: string, fem: string) => (gender === 'male' ? masc : fem));
}

const DEFAULT_NOTES: Record<DifficultyDirective['level'], { he: string; en: string }> = {
  supportive: { he: 'מעכשיו [היה|היי] סבלני[|ת] ופתוח[|ה] יותר, [ותן|ותני] לנציג הזדמנות. אל [תצא|תצאי] מהדמות.', en: 'From now on be more patient and open; give the agent a chance. Stay in character.' },
  neutral: { he: '[התנהג|התנהגי] כרגיל לפי הדמות, כפי שהוגדרה בתחילת השיחה.', en: 'Behave as the persona normally would, as defined at the start of the call.' },
  challenging: { he: 'מעכשיו [העלה|העלי] עוד התנגדות [והפעל|והפעילי] לחץ זמן. אל [תצא|תצאי] מהדמות.', en: 'From now on raise another objection and add time pressure. Stay in character.' },
};

/** The directive text for an LLM customer: the directive's own note, or the level's default, gender-correct. */
export function directiveText(d: DifficultyDirective, language: Language, gender: Gender = 'female'): string {
  return genderize(d.note?.trim() || DEFAULT_NOTES[d.level][language], gender);
}

export class CustomerInstructions {
  private readonly layers = new Map<InstructionLayer, string>();

  constructor(
    /** The persona's compiled instructions (identity, objections, hidden needs, rules). */
    readonly base: string,
    readonly language: Language,
    readonly gender: Gender = 'female',
  ) {}

  /** Set (or clear with null) one layer. True when the text changed. */
  set(layer: InstructionLayer, text: string | null): boolean {
    const clean = text?.trim() || null;
    if ((this.layers.get(layer) ?? null) === clean) return false;
    if (clean === null) this.layers.delete(layer);
    else this.layers.set(layer, clean);
    return true;
  }

  /** The difficulty layer from a directive. True when the text changed. */
  setDirective(d: DifficultyDirective): boolean {
    return this.set('difficulty', directiveText(d, this.language, this.gender));
  }

  layer(layer: InstructionLayer): string | null {
    return this.layers.get(layer) ?? null;
  }

  /** The instructions in force: the persona's, then each layer once. */
  text(): string {
    const parts = [this.base];
    for (const l of ['difficulty', 'whisper'] as const) {
      const t = this.layers.get(l);
      if (t) parts.push(`${HEADINGS[l][this.language]}\n${t}`);
    }
    return parts.join('\n\n');
  }

  /** An independent copy (a brain forked to prepare a reply ahead). */
  clone(): CustomerInstructions {
    const c = new CustomerInstructions(this.base, this.language, this.gender);
    for (const [k, v] of this.layers) c.layers.set(k, v);
    return c;
  }
}

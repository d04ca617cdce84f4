/** Words a planned reply: picks persona and own lines (never the same sentence twice) and keeps turns short. */
import { countWords } from '../../analysis/index.ts';
import { genderize, type Gender, type OfflineBrainParams } from '../../personas/index.ts';
import type { LinePicker, OwnLines } from './lines.ts';
import type { Mind } from './mind.ts';
import { paramsOf } from './objections.ts';
import type { Move, Plan } from './plan.ts';

export interface Composer {
  p: OfflineBrainParams;
  mind: Mind;
  lines: LinePicker;
  own: OwnLines;
}

const CRITICAL = new Set<Move['kind']>(['objection', 'tech', 'detail', 'reveal', 'agree', 'accept', 'ask']);

export interface ReplyPart {
  text: string;
  move: Move;
}

/** The reply as sentences, in order, each with the move it words. */
export function compose(c: Composer, plan: Plan): ReplyPart[] {
  const parts: { critical: boolean; text: string; move: Move }[] = [];
  const add = (m: Move | null, critical: boolean) => {
    if (!m) return;
    for (const t of word(c, m)) parts.push({ critical: critical || CRITICAL.has(m.kind) || (m.kind === 'say' && !!m.critical), text: t, move: m });
  };
  add(plan.reaction, false);
  add(plan.main, true);
  for (const e of plan.extras) add(e, false);
  // Keep the turn near the persona's length: drop reactions and small extras first, never the substance.
  const limit = Math.round(c.p.turn.maxWords * 1.6);
  let total = parts.reduce((n, x) => n + countWords(x.text), 0);
  for (let i = parts.length - 1; i >= 0 && total > limit; i--) {
    if (parts[i].critical) continue;
    total -= countWords(parts[i].text);
    parts.splice(i, 1);
  }
  // Never the same thing twice in one reply ("they offered me cheaper" in the reason and again as the objection).
  const norm = (t: string) => t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
  const out = parts.filter((x, i) => !parts.slice(0, i).some((y) => norm(y.text).includes(norm(x.text))));
  return out.map((x) => ({ text: sentence(x.text), move: x.move })).filter((x) => x.text);
}

function word(c: Composer, m: Move): string[] {
  const { p, lines, own } = c;
  const phrases = (s: string) => p.phrases[s] ?? [];
  const one = (...pools: (readonly string[])[]) => {
    const l = lines.must(...pools);
    return l ? [l] : [];
  };
  switch (m.kind) {
    case 'say':
      return [m.text];
    case 'phrase':
      return one(phrases(m.situation), phrases('shortAnswer'));
    case 'own':
      return one(own.own(m.situation));
    case 'opening': {
      const first = p.opening.firstLine;
      if (!lines.said(first)) {
        lines.mark(first);
        return [first];
      }
      return one(own.own('noReason'));
    }
    case 'objection': {
      const o = c.mind.objections.find((x) => x.id === m.id)!;
      const po = paramsOf(p, o);
      const rest = po.lines.slice(1);
      if (m.how === 'raise') {
        if (!o.extraOf) return one([po.lines[0]], rest, po.pushbacks);
        const andAlso = own.connectors.at(-1)!; // "And another thing," — a resolved concern returns in another form
        return one([...rest, ...po.pushbacks].map((x) => `${andAlso} ${x}`));
      }
      if (m.how === 'press') return one(po.pushbacks, phrases('notConvinced'));
      if (m.how === 'remind') return [...one(own.own('remind')), ...one(rest, po.pushbacks, [po.lines[0]])];
      const lead = m.how === 'sharp' ? own.own('reRaiseSharp') : m.how === 'resurface' ? own.own('resurface') : own.own('reRaise');
      return [...one(lead), ...one(rest, po.pushbacks, [po.lines[0]])];
    }
    case 'accept': {
      const o = c.mind.objections.find((x) => x.id === m.id)!;
      return one(paramsOf(p, o).acceptLines, phrases('objectionAccepted'), phrases('warming'));
    }
    case 'reveal':
      return one(p.hiddenNeeds.find((n) => n.id === m.id)?.revealLines ?? []);
    case 'fact':
      return one(p.facts[m.index].lines);
    case 'detail':
      return one([p.plantedDetails[m.index].text]);
    case 'tech':
      return one([p.technicalQuestions[m.index].text]);
    case 'ask':
      return one(own.ask(m.technique));
    case 'hint':
      return m.objection ? one(own.hint(m.objection)) : m.topic ? one(own.needHint(m.topic)) : [];
    case 'stakeholder': {
      const s = p.stakeholders[m.index];
      return one(p.language === 'he' ? heStakeholder(s, p.gender) : [`${s.name} is here with me and says: ${s.lines[0]}`]);
    }
    case 'agree': {
      const main = one(phrases(m.outcome === 'purchase' ? 'agreePurchase' : 'agreeNextStep'));
      if (m.when) return [...one(own.own('agreeWhen').map((t) => t.replace('{when}', m.when!)).map((t) => t.charAt(0).toUpperCase() + t.slice(1))), ...main];
      if (m.outcome === 'purchase' || !p.close.nextStep) return main;
      return [...main, ...one(own.own('agreeNextStepTail').map((t) => t.replace('{nextStep}', p.close.nextStep)))];
    }
  }
}

type StakeholderParams = OfflineBrainParams['stakeholders'][number];

/** The customer passes on what another decision-maker says: `[m|f]` agrees with the customer, `{says}` with the stakeholder. */
const HE_STAKEHOLDER = [
  'רגע, {who} פה לידי, ואני [מעביר|מעבירה] לך מה {thatSays}: {line}',
  'אני [חייב|חייבת] להגיד לך מה {who} {says} פה לידי: {line}',
  'רגע, אני [שם|שמה] אותך על רמקול. {who} {says}: {line}',
];

/** Hebrew stakeholder sentences agreeing with both the speaker's and the stakeholder's gender. */
function heStakeholder(s: StakeholderParams, speaker: Gender): string[] {
  const female = stakeholderGender(s) === 'female';
  const slots: Record<string, string> = {
    who: heRelation(s, female),
    says: female ? 'אומרת' : 'אומר',
    thatSays: female ? 'שהיא אומרת' : 'שהוא אומר',
    line: s.lines[0],
  };
  return HE_STAKEHOLDER.map((t) => genderize(t, speaker).replace(/\{(who|says|thatSays|line)\}/g, (_m, k: string) => slots[k]));
}

/** How the customer refers to the stakeholder: "אשתי מיכל", "הבן שלי רון", "דנה לוי, סמנכ״לית כספים אצלנו,". */
function heRelation(s: StakeholderParams, female: boolean): string {
  const first = s.name.split(' ')[0];
  if (/(?:בן|בת) הזוג|^(?:בעל|אישה|אשה)$/.test(s.role)) return `${female ? 'אשתי' : 'בעלי'} ${first}`;
  if (/שותפ|שותף/.test(s.role)) return `${female ? 'השותפה שלי' : 'השותף שלי'} ${first}`;
  if (/^(?:בן|בת)\s/.test(s.role)) return `${female ? 'הבת שלי' : 'הבן שלי'} ${first}`;
  return `${s.name}, ${s.role} אצלנו,`;
}

/** The stakeholder's gender; parameters stored before it was kept are read from the (already gendered) Hebrew role. */
function stakeholderGender(s: StakeholderParams): Gender {
  if (s.gender) return s.gender;
  return /^(?:בת|\S+ת)(?:\s|$)/.test(s.role) ? 'female' : 'male';
}

/** Ends a sentence with punctuation so sentences join and split cleanly. */
function sentence(s: string): string {
  const t = s.trim();
  if (!t) return '';
  if (/[—:]$/.test(t) && !/[.?!]$/.test(t)) return t; // a lead-in: what follows finishes it
  return /[.?!…,]$/.test(t) ? t.replace(/,$/, '.') : `${t}.`;
}

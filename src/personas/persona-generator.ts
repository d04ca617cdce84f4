import { SKILL_IDS, type Language, type ObjectionKind, type SkillId } from '../analysis/index.ts';
import { AppError, describeIssues } from '../core/index.ts';
import { LEVEL_SPECS, SCENARIO_CATALOGUE, type Emotion, type Level, type PersonaOverrides, type Scenario, type ScenarioType } from '../scenarios/index.ts';
import type { CompanyContext, ContextHiddenNeed, ContextObjection } from './company-context.ts';
import { CUSTOMER_COMPANY_NAMES, pickName } from './names.ts';
import { ARCHETYPE_TRAITS, PLANTED_DETAILS, STAKEHOLDER_ROLES, TIMELINES } from './persona-parts.ts';
import { customerPersonaSchema, type CustomerPersona, type PersonaHiddenNeed, type PersonaObjection, type Stakeholder } from './persona-schema.ts';
import { inboundOpeners, phraseBank } from './phrasebank.ts';
import { createRng, randomSeed, type Rng } from './rng.ts';
import { describeTargets, orderKinds, requirementsFor, type Requirements } from './targeting.ts';
import { TECHNIQUE_LABELS, type Technique } from './techniques.ts';
import { fillSlots, genderize, hasUnfilled, adaptLine, feminizeLeading, feminizeLine, textLanguage, type Gender } from './text.ts';
import type { AnalysisRecord, WeaknessProfile } from './weakness-profile.ts';
import { clashesWith, traitsFrom } from './traits.ts';

export interface GenerateOptions {
  /** Same seed + same inputs = the same persona. Absent: a random seed, recorded on the persona. */
  seed?: number;
  /** Session language (default: the context's). */
  language?: Language;
  /** Default: the weakness-targeted type of the profile's top weakness. */
  scenarioType?: ScenarioType;
  /** Skills the scenario targets on top of the profile's top weaknesses. */
  scenarioSkills?: SkillId[];
  overrides?: PersonaOverrides;
  /** Names of the agent's recent personas, so the next one is someone new. */
  avoidNames?: string[];
}

/**
 * PersonaGenerator: (weakness profile, company context, call history, level) → CustomerPersona aimed at the
 * agent's weak spots inside the company's market. Deterministic for a seed: every aspect draws from its own
 * seeded stream, so pinning one field (an override) does not reshuffle the others.
 */
export function generatePersona(profile: WeaknessProfile, ctx: CompanyContext, callHistory: readonly AnalysisRecord[], level: Level, opts: GenerateOptions = {}): CustomerPersona {
  const lang = opts.language ?? ctx.language;
  if (lang !== ctx.language) throw new AppError('VALIDATION_FAILED', `The company context was built for "${ctx.language}" but the persona was asked for "${lang}"; build the context for the session language.`);
  const seed = (opts.seed ?? randomSeed()) >>> 0;
  const rng = createRng(seed);
  const ov = opts.overrides ?? {};
  const type: ScenarioType = opts.scenarioType ?? profile.top[0] ?? 'discovery';
  const spec = SCENARIO_CATALOGUE[type];
  const shape = spec.customer;
  const lv = LEVEL_SPECS[level];

  const skills = targetSkills(profile, opts.scenarioSkills ?? spec.focusSkills);
  const req = requirementsFor(skills, shape, level, lv);

  // Who: audience, archetype, emotion.
  const idRng = rng.fork('identity');
  const audience = ov.audience ?? spec.audience ?? (ctx.audience === 'both' ? idRng.pick(['B2B', 'B2C'] as const) : ctx.audience);
  const archetype = ov.archetype ?? shape.archetype;
  const emotion: Emotion = ov.emotion ?? (skills.includes('rapport') && shape.emotion === 'calm' ? 'skeptical' : shape.emotion);

  const templates = ctx.personaTemplates.filter((t) => t.audience === audience);
  const template = idRng.pick(templates.length > 0 ? templates : ctx.personaTemplates);
  const age = ov.age ?? idRng.int(template.ageRange[0], template.ageRange[1]);
  // A retiree's lines are a retiree's at any age (no cover through work, no small kids, no shifts).
  const lifeAge = /retire/i.test(template.role.en) ? Math.max(age, 67) : age;
  // What the customer's life is (occupation, children, partner): no line of theirs may contradict it.
  const life = traitsFrom(`${template.role.en} ${genderize(template.role[lang], 'male')}`, '', lifeAge, audience);
  const fits = (t: string) => fitsAge(t, lifeAge) && !clashesWith(t, life);

  // Objections: the company's bank first, then the agent's real calls, then the industry pack.
  const objRng = rng.fork('objections');
  let competitor = ctx.competitors.length > 0 ? objRng.pick(ctx.competitors) : null;
  const slots = { price: ctx.products.price, competitor: competitor?.name, company: ctx.companyName, product: ctx.products.types[0], benefit: ctx.benefits[0], differentiator: textLanguage(ctx.differentiator) === lang ? ctx.differentiator : undefined };
  const objectionCount = ov.objectionCount ?? req.minObjections;
  const drafts = chooseObjections(ctx, callHistory, lang, objRng, objectionCount, shape.leadObjections, profile, ov, slots, fits, { mentionsPrice: !!shape.mentionsPrice, mentionsCompetitor: !!shape.mentionsCompetitor });
  // The competitor the customer names in their objection is the one whose offer they have (one story, not two).
  const named = drafts.find((d) => d.kind === 'competitor');
  if (named && competitor && !named.text.includes(competitor.name)) competitor = ctx.competitors.find((c) => named.text.includes(c.name)) ?? competitor;

  const gender: Gender = ov.gender ?? idRng.pick(['female', 'male'] as const);
  const g = (s: string) => genderize(s, gender);
  const name = ov.name ?? pickName(idRng, lang, gender, opts.avoidNames, age).full;
  const role = ov.role ?? g(template.role[lang]);
  const background = ov.background ?? g(idRng.pick(template.backgrounds[lang]));
  const organization = audience === 'B2B' ? idRng.pick(CUSTOMER_COMPANY_NAMES[lang]) : null;
  const situations = (template.situations?.[lang]?.length ? template.situations[lang] : ctx.currentSituations).filter((x) => fits(genderize(x.says, 'male')) && fits(genderize(x.about, 'male')));
  const situation = idRng.pick(situations.length > 0 ? situations : ctx.currentSituations);
  const currentSituation = g(situation.about);

  // How they talk.
  const st = rng.fork('style');
  const a = ARCHETYPE_TRAITS[archetype];
  const jitter = (x: number, d = 0.06) => clamp(x + st.range(-d, d));
  let talkativeness = jitter(shape.talkativeness ?? a.talk);
  if (req.talkativenessCap !== null) talkativeness = Math.min(talkativeness, req.talkativenessCap);
  if (req.talkativenessFloor !== null) talkativeness = Math.max(talkativeness, req.talkativenessFloor);
  talkativeness = ov.talkativeness ?? r2(talkativeness);
  const patience = ov.patience ?? r2(clamp(lv.patience * req.patienceFactor + st.range(-0.05, 0.05), 0.1, 1));
  const interruptTendency = ov.interruptTendency ?? r2(clamp(a.interrupt + req.interruptBoost + st.range(-0.05, 0.05)));
  const formality = r2(clamp(a.formal + (audience === 'B2B' ? 0.2 : 0) + (lang === 'he' ? -0.1 : 0) + st.range(-0.05, 0.05)));
  const communication = {
    talkativeness,
    directness: r2(jitter(a.direct)),
    formality,
    patience,
    interruptTendency,
    turnSilenceMs: Math.round(450 + 550 * patience + (a.pace === 'slow' ? 150 : a.pace === 'fast' ? -100 : 0)),
    deadAirToleranceSec: r2(2 + 6 * patience),
    maxTurnWords: Math.round(8 + 35 * talkativeness),
    pace: a.pace,
  };
  const attitude = { trust: r2(clamp(lv.trust + req.trustDelta + st.range(-0.04, 0.04), 0.05, 0.9)), interest: r2(clamp(lv.interest + st.range(-0.04, 0.04), 0.05, 0.9)) };
  const volatility = r2(clamp(lv.volatility + (emotion === 'angry' ? 0.15 : 0) + st.range(-0.05, 0.05)));

  const objections = finishObjections(drafts, gender, lang, req, lv.intensity, ov.intensity, type, st);

  // What they want.
  const needRng = rng.fork('needs');
  const needCount = ov.hiddenNeedCount ?? req.minHiddenNeeds;
  const hiddenNeeds = chooseNeeds(ctx, needRng, needCount, lv.questionsPerNeed + req.extraQuestionsPerNeed, gender, fits);
  const technicalQuestions = chooseTechnical(ctx, needRng, req.minTechnicalQuestions);
  const conversionTriggers = buildTriggers(ctx, lang, hiddenNeeds, objections, g);
  const buyingSignals = needRng.sample(ctx.buyingSignals.filter((b) => fits(genderize(b, 'male'))), 3).map(g);

  // How they decide.
  const dRng = rng.fork('decision');
  const stakeholders = buildStakeholders(rng.fork('stakeholders'), lv.stakeholders, audience, lang, gender, ov.name ?? name, opts.avoidNames ?? []);
  // Other people on the call share the decision.
  const authority = stakeholders.length > 0 && template.authority === 'sole' ? 'shared' : template.authority;
  const decisionMakers = authority === 'sole' ? [] : [...new Set([...stakeholders.map((x) => `${x.name} (${x.role})`), ...template.otherDecisionMakers[lang], ...(audience === 'B2C' ? ctx.decisionMakers : [])])].slice(0, 3);
  const flex = archetype === 'price_hunter' || objections.some((o) => o.kind === 'price' && o.intensity >= 0.6) ? 'tight' : dRng.pick(['some', 'some', 'flexible'] as const);
  const budgetAmount = Math.round(ctx.products.averageDealSize * (flex === 'tight' ? 0.8 : flex === 'some' ? 1 : 1.2));
  const budgetText = lang === 'he'
    ? `${flex === 'tight' ? 'תקציב צפוף' : flex === 'some' ? 'יש תקציב, עם מעט גמישות' : 'התקציב גמיש אם הערך ברור'} — בערך ${fillSlots('{p}', { p: ctx.products.price.replace(/[\d,]+/, budgetAmount.toLocaleString('en-US')) })}`
    : `${flex === 'tight' ? 'A tight budget' : flex === 'some' ? 'There is a budget, with a little flexibility' : 'The budget is flexible if the value is clear'} — around ${ctx.products.price.replace(/[\d,]+/, budgetAmount.toLocaleString('en-US'))}`;
  const budgetSays = lang === 'he'
    ? `${flex === 'tight' ? 'התקציב שלי צפוף' : flex === 'some' ? 'יש לי תקציב, עם קצת גמישות' : 'התקציב שלי גמיש אם אני רואה ערך ברור'} — בערך ${ctx.products.price.replace(/[\d,]+/, budgetAmount.toLocaleString('en-US'))}`
    : `${flex === 'tight' ? 'My budget is tight' : flex === 'some' ? 'I have a budget, with a little flexibility' : 'My budget is flexible if I see clear value'} — around ${ctx.products.price.replace(/[\d,]+/, budgetAmount.toLocaleString('en-US'))}`;
  const timeline = dRng.pick(TIMELINES[lang]);
  const closeAttemptsRequired = ov.closeAttemptsRequired ?? Math.min(6, req.minCloseAttempts);

  const bank = phraseBank(lang, gender);
  const inbound = spec.direction === 'inbound';
  const openRng = rng.fork('opening');
  const firstResponse = inbound ? openRng.pick(inboundOpeners(type, lang, gender)) : req.resistantOpeningSec !== null ? openRng.pick([...bank.whoIsCalling, ...bank.busy]) : openRng.pick(bank.answerPhone);
  const plantedDetails = rng.fork('details').sample(PLANTED_DETAILS[lang].filter((d) => fits(genderize(d.text, 'male'))), req.plantedDetails).map((d) => ({ text: g(d.text), topics: d.topics }));

  const traits = a[lang].map(g);
  const base: Omit<CustomerPersona, 'targets'> = {
    schemaVersion: 1,
    seed,
    language: lang,
    level,
    scenarioType: type,
    audience,
    name,
    gender,
    age,
    role,
    organization,
    background,
    currentSituation,
    personality: { archetype, traits, summary: g(a.summary[lang]) },
    communication,
    attitude,
    emotion: { baseline: emotion, volatility },
    objections,
    hiddenNeeds,
    conversionTriggers,
    buyingSignals,
    technicalQuestions,
    competitor: competitor ? { name: competitor.name, offer: competitorOffer(lang, ctx, objRng) } : null,
    decision: {
      authority,
      decisionMakers,
      budget: { amount: budgetAmount, currency: ctx.products.currency, flexibility: flex, text: budgetText },
      timeline: timeline.about,
      closeAttemptsRequired,
      nextStep: ctx.styles[audience].nextStep,
    },
    stakeholders,
    opening: { resistant: req.resistantOpeningSec !== null, reasonDeadlineSec: req.resistantOpeningSec, firstResponse },
    plantedDetails,
    spoken: { intro: introLine(role, lang), situation: g(situation.says), budget: budgetSays, timeline: timeline.says },
    traits: life,
    provenance: {
      generator: 'deterministic',
      companyId: ctx.companyId,
      companyName: ctx.companyName,
      questionnaireVersion: ctx.questionnaireVersion,
      packId: ctx.packId,
      profileBasis: profile.basis,
      callsUsed: callHistory.length,
      notes: ctx.notes,
    },
  };
  const weaknessOf = (s: SkillId) => (profile.basis === 'none' ? null : (profile.skills.find((x) => x.skill === s)?.weakness ?? null));
  const persona = { ...base, targets: describeTargets(base, skills, weaknessOf) };
  const r = customerPersonaSchema.safeParse(persona);
  if (!r.success) throw new AppError('INTERNAL', `The generated persona is inconsistent: ${describeIssues(r.error)}`);
  return r.data;
}

/** Profile's top weaknesses first, then the scenario's skills (at most four). */
function targetSkills(profile: WeaknessProfile, scenarioSkills: SkillId[]): SkillId[] {
  const out: SkillId[] = [];
  for (const s of [...profile.top, ...scenarioSkills]) if (!out.includes(s) && SKILL_IDS.includes(s)) out.push(s);
  return out.slice(0, 4);
}

interface ObjectionDraft {
  kind: ObjectionKind;
  text: string;
  phrasings: string[];
  pushbacks: string[];
  source: PersonaObjection['source'];
  techniques: Technique[];
  modelAnswer?: string;
}

function chooseObjections(
  ctx: CompanyContext, history: readonly AnalysisRecord[], lang: Language, rng: Rng, count: number,
  lead: ObjectionKind[], profile: WeaknessProfile, ov: PersonaOverrides, slots: Record<string, string | undefined>, fits: (line: string) => boolean,
  mentions: { mentionsPrice: boolean; mentionsCompetitor: boolean },
): ObjectionDraft[] {
  const usable = (t: string) => !hasUnfilled(fillSlots(t, slots)) && fits(genderize(fillSlots(t, slots), 'male'));
  const fill = (t: string) => fillSlots(t, slots);
  // Kinds the agent fails most in real calls come right after the scenario's lead kinds.
  const failing = profile.objections.filter((o) => o.unhandled > 0).sort((a, b) => b.unhandled - a.unhandled).map((o) => o.kind);
  const custom = (ov.customObjections ?? []).map((c): ObjectionDraft => {
    const fromCtx = ctx.objections.find((o) => o.kind === c.kind);
    return { kind: c.kind, text: c.text, phrasings: [c.text], pushbacks: fromCtx?.pushbacks ?? [], source: 'manager', techniques: fromCtx?.techniques ?? ['acknowledge', 'clarifying_question'], modelAnswer: fromCtx?.answer };
  });
  const kinds = orderKinds(ov.objectionKinds ?? lead, failing, rng.shuffle(['price', 'timing', 'trust', 'competitor', 'authority', 'no_need'] as ObjectionKind[]))
    .filter((k) => !custom.some((c) => c.kind === k))
    .filter((k) => k !== 'competitor' || ctx.competitors.length > 0 || ctx.objections.some((o) => o.kind === 'competitor' && usable(o.text)));
  const historyLines = unhandledQuotes(history, lang);
  const out = [...custom];
  for (const kind of kinds) {
    if (out.length >= Math.max(count, custom.length)) break;
    const all = ctx.objections.filter((o) => o.kind === kind && usable(o.text));
    if (all.length === 0) continue;
    const company = all.filter((o) => o.source === 'company');
    let pack = all.filter((o) => o.source === 'pack');
    const wantsSlot = (kind === 'price' && mentions.mentionsPrice) ? '{price}' : (kind === 'competitor' && mentions.mentionsCompetitor) ? '{competitor}' : null;
    if (wantsSlot) pack = [...pack.filter((o) => o.text.includes(wantsSlot)), ...pack.filter((o) => !o.text.includes(wantsSlot))];
    else pack = rng.shuffle(pack);
    const real = historyLines.filter((h) => h.kind === kind).map((h) => h.quote);
    // The company's own bank first; then the agent's real calls; then the industry pack.
    const primary: ContextObjection | { text: string; source: 'call_history' } =
      company[0] ?? (real.length > 0 ? { text: real[0], source: 'call_history' as const } : pack[0]);
    const ref = 'kind' in primary ? primary : (company[0] ?? pack[0]);
    const lines = [primary.text, ...company.map((o) => o.text), ...real, ...pack.map((o) => o.text)];
    const phrasings = [...new Set(lines.map(fill))];
    let text = phrasings[0];
    // A scenario that calls for the price (or competitor) says it in the first line, after the company's own words.
    const slotValue = wantsSlot === '{price}' ? ctx.products.price : wantsSlot === '{competitor}' ? slots.competitor : undefined;
    // …unless the line already names another competitor: one offer per line, or the customer contradicts themselves.
    const namesOther = kind === 'competitor' && ctx.competitors.some((c) => c.name !== slotValue && text.includes(c.name));
    if (slotValue && !text.includes(slotValue) && !namesOther) {
      const withSlot = pack.find((o) => o.text.includes(wantsSlot!));
      if (withSlot) text = `${sentence(text)} ${fill(withSlot.text)}`;
    }
    out.push({ kind, text, phrasings: phrasings.filter((x) => x !== text).slice(0, 5), pushbacks: ref.pushbacks.map(fill), source: primary.source, techniques: ref.techniques, modelAnswer: ref.answer ? fill(ref.answer) : undefined });
  }
  return out;
}

/** Objection quotes the agent failed to handle in real calls, in the session language. */
function unhandledQuotes(history: readonly AnalysisRecord[], lang: Language): { kind: ObjectionKind; quote: string }[] {
  return [...history]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .flatMap((r) => r.analysis.objections.filter((o) => !o.handled && o.quote.trim().length >= 6 && textLanguage(o.quote) === lang).map((o) => ({ kind: o.kind, quote: o.quote.trim() })));
}

function finishObjections(drafts: ObjectionDraft[], gender: Gender, lang: Language, req: Requirements, baseIntensity: number, fixed: number | undefined, type: ScenarioType, rng: Rng): PersonaObjection[] {
  // Pack lines carry [m|f] markup; company and real-call lines are adapted from the masculine.
  const g = (s: string) => adaptLine(genderize(s, gender), gender);
  return drafts.map((d, i) => {
    const intensity = fixed ?? r2(clamp(baseIntensity + req.intensityBoost + (i === 0 ? 0.1 : 0) + rng.range(-0.05, 0.05), 0.1, 1));
    const resolvedBy: Technique[] = [...new Set<Technique>([...(intensity >= 0.5 ? (['acknowledge'] as Technique[]) : []), ...d.techniques])];
    const hint = resolvedBy.map((t) => TECHNIQUE_LABELS[t][lang]).join(lang === 'he' ? ', ואז ' : ', then ');
    return {
      id: `${d.kind}_${i + 1}`,
      kind: d.kind,
      text: g(d.text),
      phrasings: d.phrasings.map(g),
      pushbacks: d.pushbacks.map(g),
      intensity,
      order: i + 1,
      source: d.source,
      trigger: triggerFor(d.kind, i, type),
      resolvedBy,
      resolveHint: hint,
      modelAnswer: d.modelAnswer ? genderize(d.modelAnswer, gender) : undefined,
    };
  });
}

function triggerFor(kind: ObjectionKind, index: number, type: ScenarioType): PersonaObjection['trigger'] {
  if (index === 0 && (type === 'opening' || type === 'cancellation_retention')) return 'opening';
  if (kind === 'price') return 'on_price';
  if (kind === 'authority' || (kind === 'timing' && type === 'closing')) return 'on_close';
  if (kind === 'competitor') return 'after_pitch';
  return 'early';
}

function chooseNeeds(ctx: CompanyContext, rng: Rng, count: number, questionsNeeded: number, gender: Gender, fits: (line: string) => boolean): PersonaHiddenNeed[] {
  // A need whose every reveal contradicts the customer's life (cover "through work" for someone self-employed) is not theirs.
  const theirs = (n: ContextHiddenNeed) => n.reveal.some((r) => fits(genderize(r, 'male')));
  const company = rng.shuffle(ctx.hiddenNeeds.filter((n) => n.source === 'company' && theirs(n)));
  const pack = rng.shuffle(ctx.hiddenNeeds.filter((n) => n.source === 'pack' && theirs(n)));
  // At least one need from the company's own list of customer pains when it has one.
  const picked: ContextHiddenNeed[] = [];
  for (const n of [...company.slice(0, 1), ...pack, ...company.slice(1)]) {
    if (picked.length >= count) break;
    // Skip a need that repeats one already picked (two shared topic words).
    if (picked.some((p) => p.topics.filter((t) => n.topics.includes(t)).length >= 2)) continue;
    picked.push(n);
  }
  // Company pains are written in the masculine third person; pack needs carry [m|f] markup.
  const adapt = (t: string, src: 'company' | 'pack') => (src === 'company' && gender === 'female' ? feminizeLine(feminizeLeading(t)) : genderize(t, gender));
  return picked.map((n) => ({ id: n.id, need: adapt(n.need, n.source), reveal: n.reveal.filter((r) => fits(genderize(r, 'male'))).map((r) => adapt(r, n.source)), topics: n.topics, questionsNeeded: Math.min(4, questionsNeeded), source: n.source }));
}

function chooseTechnical(ctx: CompanyContext, rng: Rng, count: number): CustomerPersona['technicalQuestions'] {
  if (count <= 0) return [];
  const company = ctx.technicalQuestions.filter((q) => q.source === 'company');
  const pack = rng.shuffle(ctx.technicalQuestions.filter((q) => q.source === 'pack'));
  // Questions built from the questionnaire come first: they test what this company sells.
  return [...company, ...pack].slice(0, count).map((q) => ({ text: q.text, answerHint: q.answerHint }));
}

function buildTriggers(ctx: CompanyContext, lang: Language, needs: PersonaHiddenNeed[], objections: PersonaObjection[], g: (s: string) => string): CustomerPersona['conversionTriggers'] {
  const out: CustomerPersona['conversionTriggers'] = [];
  const he = lang === 'he';
  if (needs[0]) out.push({ id: 'need_addressed', text: he ? `הנציג מגלה ש${needs[0].need} ומראה איך הפתרון עונה בדיוק על זה` : `The agent discovers that the customer ${needs[0].need.charAt(0).toLowerCase()}${needs[0].need.slice(1)} and shows how the offer answers exactly that` });
  // Company wording in another language than the session's is described, not quoted.
  const same = (t: string) => textLanguage(t) === lang;
  out.push({ id: 'differentiator', text: same(ctx.differentiator) ? (he ? `הנציג מסביר בבהירות את הבידול: ${ctx.differentiator}` : `The agent clearly explains the differentiator: ${ctx.differentiator}`) : (he ? `הנציג מסביר בבהירות במה ${ctx.companyName} שונים מכל השאר` : `The agent clearly explains what makes ${ctx.companyName} different from the rest`) });
  const benefit = ctx.benefits.find(same);
  if (benefit) out.push({ id: 'benefit', text: he ? `תועלת מוחשית: ${benefit}` : `A tangible benefit: ${benefit}` });
  if (objections.some((o) => o.kind === 'trust' || o.kind === 'competitor')) out.push({ id: 'proof', text: g(he ? 'דוגמה של לקוח דומה או הוכחה כתובה שמורידה את הסיכון' : 'An example of a similar customer or written proof that lowers the risk') });
  out.push({ id: 'easy_next_step', text: he ? `צעד הבא קל וקונקרטי (${ctx.nextStep}) בזמן שנוח ללקוח` : `An easy, concrete next step (${ctx.nextStep}) at a time that suits the customer` });
  return out;
}

/** What the customer heard from the competitor (the company's own notes about it stay with the company). */
function competitorOffer(lang: Language, ctx: CompanyContext, rng: Rng): string {
  const he = [`הצעה שנשמעת זולה יותר מ${ctx.products.price}`, 'מחיר נמוך יותר בטלפון, בלי הרבה שאלות', 'הצעה שקיבלת בשבוע שעבר ועוד לא ענית עליה'];
  const en = [`an offer that sounds cheaper than ${ctx.products.price}`, 'a lower price over the phone, without many questions', 'a quote you got last week and have not answered yet'];
  return rng.pick(lang === 'he' ? he : en);
}

function buildStakeholders(rng: Rng, count: number, audience: 'B2B' | 'B2C', lang: Language, gender: Gender, primaryName: string, avoid: string[]): Stakeholder[] {
  if (count < 2) return [];
  // B2B: a committee (at least two others, e.g. a CFO and a CTO). B2C: one spouse at most, plus an adult child.
  const pool = rng.shuffle(STAKEHOLDER_ROLES[audience]);
  const roles = audience === 'B2B'
    ? pool.slice(0, Math.min(count + rng.int(0, 1), pool.length))
    : [pool.find((r) => r.role.en === 'spouse')!, ...pool.filter((r) => r.role.en !== 'spouse')].slice(0, count - 1);
  const stances: Stakeholder['stance'][] = ['opposed', 'neutral', 'supportive'];
  const used = [primaryName, ...avoid];
  return roles.map((r, i) => {
    // A B2C partner is the spouse of the opposite gender (matches "my wife"/"my husband" in the lines).
    const sg: Gender = audience === 'B2C' && r.role.en === 'spouse' ? (gender === 'male' ? 'female' : 'male') : rng.pick(['female', 'male'] as const);
    const picked = pickName(rng, lang, sg, used);
    const n = audience === 'B2C' && r.role.en === 'spouse' ? `${picked.first} ${primaryName.split(' ').slice(1).join(' ')}` : picked.full;
    used.push(n);
    return { name: n, gender: sg, role: genderize(r.role[lang], sg), priority: genderize(r.priority[lang], sg), concern: genderize(r.concern[lang], sg), stance: stances[i % stances.length] };
  });
}

/** The customer introducing themselves from their role: "אני מנהלת משאבי אנוש", "I'm an HR manager", "We're a young couple…". */
function introLine(role: string, lang: Language): string {
  if (lang === 'he') return /^זוג\b/.test(role) ? `אנחנו ${role}` : `אני ${role}`;
  const couple = /^(?:young )?couple\b/i.test(role);
  // "an" before a vowel, and before an acronym read with a vowel sound ("an HR manager", "a CTO").
  const an = (/^[aeiou]/i.test(role) && !/^[A-Z]{2,}\b/.test(role)) || /^[FHLMNRSX][A-Z]{1,4}\b/.test(role);
  return `${couple ? "We're" : "I'm"} ${an ? 'an' : 'a'} ${role}`;
}

/** Drops lines that contradict the persona's age ("I'm young", "through work" from a retiree). */
function fitsAge(text: string, age: number): boolean {
  if (/צעיר|young/i.test(text) && age >= 40) return false;
  if (/דרך העבודה|יום עבודה|through work|work day|at work|בעבודה|משמרות|work shifts/i.test(text) && age >= 67) return false;
  if (/ילדים קטנים|small kids/i.test(text) && age >= 60) return false;
  if (/ההורים|אבא שלי|my parents|my father/i.test(text) && age >= 60) return false;
  return true;
}

/** Ends a line with sentence punctuation so another can follow. */
const sentence = (s: string) => (/[.?!]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

const clamp = (x: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x));
const r2 = (x: number) => Math.round(x * 100) / 100;

/** The persona for a stored scenario: its type, level, language, target skills and the manager's overrides. */
export function personaForScenario(
  scenario: Pick<Scenario, 'type' | 'level' | 'language' | 'targetSkills' | 'personaOverrides'>,
  profile: WeaknessProfile, ctx: CompanyContext, callHistory: readonly AnalysisRecord[] = [],
  opts: { seed?: number; avoidNames?: string[] } = {},
): CustomerPersona {
  return generatePersona(profile, ctx, callHistory, scenario.level, {
    seed: opts.seed,
    avoidNames: opts.avoidNames,
    language: scenario.language ?? ctx.language,
    scenarioType: scenario.type,
    scenarioSkills: scenario.targetSkills,
    overrides: scenario.personaOverrides,
  });
}

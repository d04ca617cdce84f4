import { describe, expect, it } from 'vitest';
import { actModelFor, labelOf, loadLabelled, trainActModel, TRAINING_SETS, type ActGuess } from './act-model.ts';
import { classifyByRules, classifyUtterance, combineWithModel, MODEL_PROB } from './classifier.ts';
import { SALES_ACTS, type Language } from './taxonomy.ts';

const guess = (label: ActGuess['label'], prob: number): ActGuess => ({ label, prob });

describe('sales-act model (naive Bayes fallback)', () => {
  // Training time is a figure of `npm run bench` (section analysis), not of a test.
  it.each(['he', 'en'] as const)('trains the %s model from the labelled sets: every act a label, its own examples recalled', (lang) => {
    const rows = TRAINING_SETS.flatMap((s) => loadLabelled(`${s}.${lang}.jsonl`));
    const m = trainActModel(rows, lang);
    expect([...m.labels].sort()).toEqual([...new Set(rows.map(labelOf))].sort());
    const recalled = rows.filter((r) => m.predict(r.text).label === labelOf(r)).length;
    expect(recalled / rows.length).toBeGreaterThan(0.95);
  });

  it('never learns from the sets that measure it', () => {
    expect(TRAINING_SETS).not.toContain('blind4');
    expect(TRAINING_SETS).not.toContain('holdout');
  });

  it('reads Hebrew words through their clitic prefixes', () => {
    const m = trainActModel(
      [
        { text: 'אני שולח לך את ההצעה', act: 'next_step' },
        { text: 'איזה יום יפה היום', act: 'small_talk' },
      ],
      'he',
    );
    // "וכשההצעה" is only known as "הצעה"/"ההצעה" once its prefixes are stripped.
    expect(m.predict('וכשההצעה').label).toBe('next_step');
  });
});

describe('rules + model', () => {
  const primary = (t: string, lang: Language) => classifyUtterance(t, lang).primary;

  it('lets the model pick the main act where no rule fired', () => {
    for (const [text, lang, act] of [
      ['ככה אתה לא משלם יותר, אתה משלם על הדברים הנכונים', 'he', 'value_statement'],
      ['נתראה ביום שלישי', 'he', 'next_step'],
      ['We are a big company with lots of customers', 'en', 'social_proof'],
      ['See you on Tuesday then', 'en', 'next_step'],
    ] as const) {
      expect(classifyByRules(text, lang).basis, text).toBe('none');
      expect(primary(text, lang), text).toBe(act);
    }
  });

  it('lets the model name a question the rules only read as discovery, keeping discovery among the acts', () => {
    const c = classifyUtterance('Is it okay if I ask you a few questions?', 'en');
    expect(classifyByRules('Is it okay if I ask you a few questions?', 'en').basis).toBe('question');
    expect(c.acts).toEqual(['opening_agenda', 'discovery_question']);
    expect(primary('What suits you better, Tuesday at ten or Wednesday at six?', 'en')).toBe('close_attempt');
  });

  it('keeps thanks, goodbyes and story fragments as other', () => {
    for (const [text, lang] of [['תודה, ביי', 'he'], ['Thanks, bye.', 'en'], ['Three kids.', 'en']] as const) {
      expect(classifyUtterance(text, lang).acts, text).toEqual(['other']);
    }
  });

  it('never makes up an objection the rules did not find', () => {
    // The model reads "תודה" as the "לא תודה" of a refusal; a thank-you is not an objection.
    const text = 'תודה רבה, אלון, באמת עזרת';
    expect(actModelFor('he').predict(text).label).toMatch(/^objection:/);
    expect(classifyUtterance(text, 'he').acts).not.toContain('objection');
    expect(combineWithModel(classifyByRules(text, 'he'), guess('objection:no_need', 1)).acts).toEqual(['other']);
  });

  it('lets the model decide a fallback only when it is sure enough', () => {
    const r = classifyByRules('נתראה ביום שלישי', 'he');
    expect(combineWithModel(r, guess('next_step', MODEL_PROB.fallback - 0.01)).primary).toBe('other');
    expect(combineWithModel(r, guess('next_step', MODEL_PROB.fallback)).acts).toEqual(['next_step']);
  });

  it('outranks a generic rule act only when very sure, and keeps it among the acts', () => {
    const r = classifyByRules('אני מבין, שמעת הרבה הצעות', 'he');
    expect(r.cls.primary).toBe('acknowledgement');
    expect(combineWithModel(r, guess('empathy', MODEL_PROB.overrideGeneric - 0.01)).primary).toBe('acknowledgement');
    expect(combineWithModel(r, guess('empathy', MODEL_PROB.overrideGeneric)).acts).toEqual(['empathy', 'acknowledgement']);
  });

  it('never overrides a rule that fired on something specific', () => {
    const r = classifyByRules('The basic plan is too expensive for us', 'en');
    expect(r.cls.objectionKind).toBe('price');
    expect(combineWithModel(r, guess('value_statement', 1))).toEqual(r.cls);
    const g = classifyByRules('שלום, מדברת דנה מחברת החשמל', 'he');
    expect(combineWithModel(g, guess('small_talk', 1)).primary).toBe('greeting');
  });

  it.each(['he', 'en'] as const)('keeps the output contract on every labelled %s utterance', (lang) => {
    const sets = [...TRAINING_SETS, 'holdout', 'blind4'];
    for (const { text } of sets.flatMap((s) => loadLabelled(`${s}.${lang}.jsonl`))) {
      const rules = classifyByRules(text, lang).cls;
      const c = classifyUtterance(text, lang);
      expect(c.primary, text).toBe(c.acts[0]);
      expect(new Set(c.acts).size, text).toBe(c.acts.length);
      for (const a of c.acts) expect(SALES_ACTS, text).toContain(a);
      for (const a of rules.acts) if (a !== 'other') expect(c.acts, text).toContain(a);
      expect(c.objectionKind !== undefined, text).toBe(c.acts.includes('objection'));
      expect(c.objectionKind, text).toBe(rules.objectionKind);
      expect({ ...c, acts: [], primary: '' }).toEqual({ ...rules, acts: [], primary: '' });
    }
  });
});

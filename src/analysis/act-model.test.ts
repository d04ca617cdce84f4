import { describe, expect, it } from 'vitest';
import { actModelFor, loadLabelled, trainActModel, TRAINING_SETS, type ActGuess } from './act-model.ts';
import { classifyByRules, classifyUtterance, combineWithModel, MODEL_PROB } from './classifier.ts';
import { SALES_ACTS, type Language } from './taxonomy.ts';

const guess = (label: ActGuess['label'], prob: number): ActGuess => ({ label, prob });

describe('sales-act model (naive Bayes fallback)', () => {
  it.each(['he', 'en'] as const)('trains the %s model in time linear in the labelled sets (no fixed millisecond budget)', (lang) => {
    const rows = TRAINING_SETS.flatMap((s) => loadLabelled(`${s}.${lang}.jsonl`));
    // Fastest of 7, measured in turns after a warm-up so a burst of load on the shared CPU hits both sizes alike;
    // the twice-as-large set must cost about twice as much (a quadratic step would cost four times as much).
    const doubled = [...rows, ...rows];
    const time = (data: typeof rows) => {
      const t0 = performance.now();
      trainActModel(data, lang);
      return performance.now() - t0;
    };
    time(rows);
    time(doubled);
    let once = Infinity;
    let twice = Infinity;
    for (let i = 0; i < 7; i++) {
      once = Math.min(once, time(rows));
      twice = Math.min(twice, time(doubled));
    }
    console.info(`[act-model ${lang}] trained on ${rows.length} utterances in ${once.toFixed(1)} ms (${twice.toFixed(1)} ms on twice as many)`);
    expect(twice / once).toBeLessThan(3.2);
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

/**
 * Labelled agent turns for the end-of-turn evaluation (end-of-turn-eval.ts), Hebrew and English. Each turn is
 * spoken segment by segment with espeak-ng (synthesized speech: no recorded human speech can be had from the
 * registries these machines reach), with a mid-turn pause after every segment but the last and the true turn
 * end after the last. The text's punctuation drives espeak's intonation: "," a continuation, "." a fall, "?" a
 * question. `pause` labels what the speaker was doing in the pause:
 *  - connective: broke off after "and" / "ו" / "אבל" / "because";
 *  - filler: "um" / "אממ" / "אה";
 *  - clause: a comma-ended clause, the sentence plainly unfinished;
 *  - sentence: a complete sentence, then more (the hard case: nothing but the continuation says it was a pause).
 * Pause lengths are not here: the evaluation draws them from a fixed log-normal spread (median 600 ms).
 */
export type PauseKind = 'connective' | 'filler' | 'clause' | 'sentence';

export interface LabelledTurn {
  id: string;
  language: 'he' | 'en';
  segments: Array<{ text: string; pause?: PauseKind }>;
}

export const EVAL_TURNS: LabelledTurn[] = [
  // ── Hebrew ──
  { id: 'he-01', language: 'he', segments: [{ text: 'שלום דנה, מדבר יוסי מחברת הביטוח, וגם', pause: 'connective' }, { text: 'רציתי לשאול אם יש לך דקה?' }] },
  { id: 'he-02', language: 'he', segments: [{ text: 'אני רוצה להבין, אממ,', pause: 'filler' }, { text: 'מה הכי חשוב לך כשאת בוחרת ביטוח?' }] },
  { id: 'he-03', language: 'he', segments: [{ text: 'הפוליסה שלך היום,', pause: 'clause' }, { text: 'אם הבנתי נכון, מכסה רק את הרכב,', pause: 'clause' }, { text: 'ולא את הדירה.' }] },
  { id: 'he-04', language: 'he', segments: [{ text: 'אני שומע שהמחיר חשוב לך.', pause: 'sentence' }, { text: 'כמה את משלמת היום בערך?' }] },
  { id: 'he-05', language: 'he', segments: [{ text: 'יש לנו מסלול משפחתי, אבל', pause: 'connective' }, { text: 'הוא מתאים בעיקר למי שיש לו ילדים,', pause: 'clause' }, { text: 'זה המצב אצלכם?' }] },
  { id: 'he-06', language: 'he', segments: [{ text: 'תראי, אה,', pause: 'filler' }, { text: 'ההצעה הזאת בתוקף עד סוף החודש, כי', pause: 'connective' }, { text: 'אז מתחדשים המחירים.' }] },
  { id: 'he-07', language: 'he', segments: [{ text: 'אני מבין את ההתלבטות.', pause: 'sentence' }, { text: 'מה היה עוזר לך להחליט?' }] },
  { id: 'he-08', language: 'he', segments: [{ text: 'בוא נגיד ש,', pause: 'connective' }, { text: 'אממ,', pause: 'filler' }, { text: 'נוריד את ההשתתפות העצמית. זה משנה משהו?' }] },
  { id: 'he-09', language: 'he', segments: [{ text: 'הלקוחות שלנו חוסכים בממוצע,', pause: 'clause' }, { text: 'בערך שלוש מאות שקל בשנה.' }] },
  { id: 'he-10', language: 'he', segments: [{ text: 'אז מה שאני מציע זה,', pause: 'clause' }, { text: 'שנקבע שיחה קצרה ביום שלישי.', pause: 'sentence' }, { text: 'מתאים לך?' }] },
  { id: 'he-11', language: 'he', segments: [{ text: 'ברור, ו', pause: 'connective' }, { text: 'אם תרצי אני שולח לך את הפרטים במייל.' }] },
  { id: 'he-12', language: 'he', segments: [{ text: 'רגע, אה,', pause: 'filler' }, { text: 'רק לוודא, את הבעלים של הרכב?' }] },
  // ── English ──
  { id: 'en-01', language: 'en', segments: [{ text: 'Hi Dana, this is Joe from the insurance company, and', pause: 'connective' }, { text: 'I wanted to ask if you have a minute?' }] },
  { id: 'en-02', language: 'en', segments: [{ text: 'I would like to understand, um,', pause: 'filler' }, { text: 'what matters most to you when you choose a policy?' }] },
  { id: 'en-03', language: 'en', segments: [{ text: 'Your current policy,', pause: 'clause' }, { text: 'if I understood correctly, covers only the car,', pause: 'clause' }, { text: 'and not the apartment.' }] },
  { id: 'en-04', language: 'en', segments: [{ text: 'I hear that the price matters to you.', pause: 'sentence' }, { text: 'How much are you paying today?' }] },
  { id: 'en-05', language: 'en', segments: [{ text: 'We have a family plan, but', pause: 'connective' }, { text: 'it mostly suits people with children,', pause: 'clause' }, { text: 'is that your situation?' }] },
  { id: 'en-06', language: 'en', segments: [{ text: 'Look, uh,', pause: 'filler' }, { text: 'this offer is valid until the end of the month, because', pause: 'connective' }, { text: 'then the prices are renewed.' }] },
  { id: 'en-07', language: 'en', segments: [{ text: 'I understand the hesitation.', pause: 'sentence' }, { text: 'What would help you decide?' }] },
  { id: 'en-08', language: 'en', segments: [{ text: 'Let us say that', pause: 'connective' }, { text: 'um,', pause: 'filler' }, { text: 'we lower the deductible. Does that change anything?' }] },
  { id: 'en-09', language: 'en', segments: [{ text: 'Our customers save on average,', pause: 'clause' }, { text: 'about three hundred dollars a year.' }] },
  { id: 'en-10', language: 'en', segments: [{ text: 'So what I suggest is,', pause: 'clause' }, { text: 'that we set up a short call on Tuesday.', pause: 'sentence' }, { text: 'Does that work for you?' }] },
  { id: 'en-11', language: 'en', segments: [{ text: 'Sure, and', pause: 'connective' }, { text: 'if you like I will email you the details.' }] },
  { id: 'en-12', language: 'en', segments: [{ text: 'Wait, uh,', pause: 'filler' }, { text: 'just to make sure, are you the owner of the car?' }] },
];

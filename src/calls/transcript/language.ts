/**
 * The languages SalesGym analyses are Hebrew and English. A call in another language is refused with a clear
 * reason instead of being read as English (a German call) or Hebrew (a script with no Hebrew or Latin letters).
 */

const HEBREW = /[\u05D0-\u05EA]/gu;
const LATIN = /[A-Za-z]/g;
const LETTER = /\p{L}/gu;
/** The commonest English words; any English conversation is full of them. */
const EN_COMMON = new Set(
  ('the a an and or but to of in on at for with is are was were be been it its this that you your i me my we our they ' +
    'he she do does did not no yes have has had will would can could so if what how why when just okay ok hi hello ' +
    'thanks thank there here about from as by up out all get got know think want need')
    .split(' '),
);
/** Frequent words of languages written in Latin letters that are often mistaken for English. */
const OTHER_LATIN = /\b(?:der|die|das|und|ist|nicht|ich|sie|wir|ein|eine|le|la|les|et|est|vous|nous|je|une|des|el|los|las|y|es|usted|que|por|para|una|o|de|il|di|che|non|sono|een|het|niet|wij|não|você|sim|obrigado)\b/giu;

/** A refusal reason when the text is in a language other than Hebrew or English, else undefined. */
export function unsupportedLanguage(text: string): string | undefined {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters < 40) return undefined;
  const he = text.match(HEBREW)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (he + latin < letters * 0.5) {
    return 'is not in Hebrew or English (most of its letters are in another script). SalesGym analyses Hebrew and English calls.';
  }
  if (he >= latin) return undefined;
  const words = text.toLowerCase().match(/[a-zà-ÿ']+/giu) ?? [];
  if (words.length < 15) return undefined;
  const en = words.filter((w) => EN_COMMON.has(w)).length / words.length;
  const other = (text.match(OTHER_LATIN)?.length ?? 0) / words.length;
  if (en < 0.12 && other > en) {
    return 'does not look like Hebrew or English (it reads like another language written in Latin letters). SalesGym analyses Hebrew and English calls.';
  }
  return undefined;
}

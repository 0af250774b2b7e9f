/** A letter, digit, symbol or punctuation mark: something a person sees. */
const VISIBLE_CHARACTER = /[\p{L}\p{N}\p{S}\p{P}]/u;
/**
 * For text that must be filled in: Thai vowel and tone marks with no letter to sit on, or zero-width characters
 * only, look empty on screen and on paper, so they count as empty. Empty text passes here; its `min` check speaks.
 */
export const hasVisibleCharacter = (text: string): boolean => text === '' || VISIBLE_CHARACTER.test(text);

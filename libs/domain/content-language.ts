import { detectAll } from 'tinyld';
import { primaryLanguage } from './rules/compliance';

/**
 * The language a caption is written in, for the disclosure rules that ask for a label in the
 * language of the advertisement (docs/compliance.md#language). Kept out of libs/domain/rules,
 * which imports no package: the callers hand it to `checkCompliance`. A declared language always
 * wins; detection is a fallback, and a wrong guess would flag a correct English "#ad", so it
 * answers only when the text is long enough and one language clearly leads.
 */

/** Fewer words than this and n-gram detection is a coin toss ("Morning routine ✨"). */
export const MIN_WORDS_TO_DETECT = 6;
/** tinyld's normalised score of the best language; below it the caption counts as undetermined. */
export const MIN_DETECTION_ACCURACY = 0.5;

/**
 * The language of the words a reader reads: hashtags, mentions, links and emoji are stripped
 * first, since "#ad #glowco" says nothing about the language of the post around them.
 */
export function detectContentLanguage(text: string): string | undefined {
  const words = text
    .replace(/https?:\/\/\S+/gu, ' ')
    .replace(/[#@][\p{L}\p{M}\p{N}_.]+/gu, ' ')
    .replace(/[^\p{L}\p{M}\s'’]/gu, ' ')
    .split(/\s+/u)
    .filter((word) => /\p{L}{2,}/u.test(word));
  if (words.length < MIN_WORDS_TO_DETECT) return undefined;
  const [best] = detectAll(words.join(' '));
  if (!best || best.accuracy < MIN_DETECTION_ACCURACY) return undefined;
  return primaryLanguage(best.lang);
}

/**
 * The numbers that decide what the duplicate check reports. They are tuned so
 * that short text which legitimately recurs (a heading such as "Kontakt", a
 * date, a name, a two-word list item) is never reported.
 */

/**
 * A block (or a heading with its body, or a run of blocks) is compared only
 * when its normalised text has at least this many words (see normalise.ts)...
 */
export const MIN_WORDS = 8;

/** ...and at least this many characters. */
export const MIN_CHARACTERS = 50;

/**
 * Two blocks are a near repeat when at least this share of the word
 * shingles of the longer one also occur in the other (see find-near.ts).
 */
export const NEAR_SIMILARITY = 0.8;

/**
 * Identical text on a German and an English page counts as untranslated only
 * when at least this share of its words start with a small letter. Running
 * text (German included) easily passes; lists of names, addresses and titles
 * of publications, which are the same in both languages, do not.
 */
export const UNTRANSLATED_MIN_LOWERCASE_SHARE = 0.25;

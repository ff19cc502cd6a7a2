/**
 * The numbers behind the Leichte Sprache and easy-read rules, in one place. The Netzwerk Leichte
 * Sprache asks for short sentences and split long words; these make "short" and "long" decidable.
 */
export const thresholds = {
  /** The most words a sentence may have. */
  maxWordsPerSentence: 15,
  /** The most letters a word may have without a Mediopunkt (·) or hyphen splitting it. */
  maxUnsplitLetters: 12,
} as const;

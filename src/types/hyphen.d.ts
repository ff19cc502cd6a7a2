// hyphen's language modules are CommonJS files (`hyphen/<patterns>/index.js`), loaded with
// `require` by src/lib/hyphenate.ts; each exports a hyphenator of this shape.
interface Hyphenator {
  /** The text with soft hyphens (or `hyphenChar`) at the syllable breaks of its words. */
  hyphenateSync(text: string, options?: { minWordLength?: number; hyphenChar?: string }): string;
}

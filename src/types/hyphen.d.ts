// hyphen's language modules are CommonJS files; @types/hyphen types them only for paths Node's
// ESM resolution does not accept (directories), so the two modules the site uses are typed here.
interface Hyphenator {
  /** The text with soft hyphens (or `hyphenChar`) at the syllable breaks of its words. */
  hyphenateSync(text: string, options?: { minWordLength?: number; hyphenChar?: string }): string;
}

declare module "hyphen/de/index.js" {
  const hyphenator: Hyphenator;
  export default hyphenator;
}

declare module "hyphen/en-gb/index.js" {
  const hyphenator: Hyphenator;
  export default hyphenator;
}

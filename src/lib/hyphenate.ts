import { createRequire } from "node:module";
import { isLanguage, languageInfo, type Language } from "./languages.ts";

/**
 * The shortest words that get soft hyphens: in headings, table cells and captions, and
 * description terms, whose lines are short (a heading's large type, a table's narrow column)…
 */
export const MIN_WORD_LENGTH = 10;
/** …and in running text, whose lines on a 320 px screen hold about 25 letters. */
export const MIN_RUNNING_TEXT_WORD_LENGTH = 20;

/** hyphen's pattern modules are CommonJS files, one per language, loaded when a page needs one. */
const require = createRequire(import.meta.url);
const hyphenators = new Map<Language, ((word: string) => string) | undefined>();

/**
 * A language's hyphenator: the patterns `data/languages.ts` names (`hyphenation`), from the
 * `hyphen` package's module of that name; none for a language without patterns.
 */
function hyphenatorOf(language: string): ((word: string) => string) | undefined {
  if (!isLanguage(language)) return undefined;
  if (!hyphenators.has(language)) {
    const patterns = languageInfo(language).hyphenation;
    const module =
      patterns === undefined ? undefined : (require(`hyphen/${patterns}/index.js`) as Hyphenator);
    hyphenators.set(
      language,
      module === undefined
        ? undefined
        : (word) => module.hyphenateSync(word, { minWordLength: MIN_WORD_LENGTH }),
    );
  }
  return hyphenators.get(language);
}

const longWords = new Map<number, RegExp>();

function longWord(minLength: number): RegExp {
  let pattern = longWords.get(minLength);
  if (pattern === undefined) {
    pattern = new RegExp(`[\\p{L}\\p{M}]{${minLength},}`, "gu");
    longWords.set(minLength, pattern);
  }
  return pattern;
}

// The same long words come back on every page (region names, the measures): each is
// hyphenated once per language.
const hyphenatedWords = new Map<string, string>();

/** One word with soft hyphens, hyphenated once per language and then remembered. */
function hyphenateWord(word: string, language: string): string {
  const hyphenate = hyphenatorOf(language);
  if (hyphenate === undefined) return word;
  const key = `${language}:${word}`;
  let result = hyphenatedWords.get(key);
  if (result === undefined) {
    result = hyphenate(word);
    hyphenatedWords.set(key, result);
  }
  return result;
}

/**
 * Puts soft hyphens (U+00AD) into the words of at least `minLength` letters, at the syllable
 * breaks the language's hyphenation patterns allow (the TeX patterns `data/languages.ts` names,
 * such as German in the 1996 spelling and British English): a browser breaks such a word there,
 * with a hyphen, only when the word does not fit its line. Text in a language without patterns
 * is left as it is.
 */
export function hyphenateText(text: string, language: string, minLength = MIN_WORD_LENGTH): string {
  return text.replace(longWord(minLength), (word) => hyphenateWord(word, language));
}

/** Elements with short lines, whose words of `MIN_WORD_LENGTH` letters get soft hyphens. */
const shortLines = new Set(["h1", "h2", "h3", "h4", "th", "td", "caption", "dt"]);
/** Elements whose text is code or data, never hyphenated. */
const verbatim = new Set(["script", "style", "pre", "code", "kbd", "samp"]);
const voidElements = new Set([
  "area",
  "br",
  "col",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "wbr",
]);
const tagName = /^<\/?([a-zA-Z][\w-]*)/;
const langAttribute = /\slang="([^"]*)"/;
/**
 * A tag, or a word long enough to be hyphenated anywhere: letters of the Latin alphabets
 * (words in other scripts stay whole in pages: no patterns for them are used yet), a class
 * without Unicode properties, which scans a page several times faster.
 */
const latinLetter = "A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f";
/**
 * Text that is not words and must be copied as it is shown: a web address, an email address
 * and a file name ("kennzahlen.csv"), whose soft hyphens a reader would copy along with it.
 */
const addressOrFileName = [
  String.raw`(?:https?://|www\.)[^\s<"]+`,
  String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
  String.raw`[${latinLetter}\d][${latinLetter}\d_-]*(?:\.[${latinLetter}\d_-]+)*\.[a-z\d]{2,5}(?![${latinLetter}\d])`,
].join("|");
const tagOrLongWord = new RegExp(
  `<[^>]*>|${addressOrFileName}|(?<![${latinLetter}])[${latinLetter}]{${MIN_WORD_LENGTH},}`,
  "g",
);

/**
 * Hyphenates the text of markup the build wrote (well-formed, attributes in double quotes),
 * each word in the language of its element (the nearest `lang` attribute, else `language`):
 * words of 10 letters or more in headings, table cells and captions and description terms, of
 * 20 or more elsewhere. Code and data blocks (`script`, `pre`, `code`), web and email addresses
 * and file names are left as they are.
 * One pass over the markup: it runs on every page of the site.
 */
export function hyphenateHtml(markup: string, language: Language): string {
  const open: { name: string; lang: string; minLength: number }[] = [];
  let lang: string = language;
  let minLength = MIN_RUNNING_TEXT_WORD_LENGTH;
  return markup.replace(tagOrLongWord, (match) => {
    if (match.charCodeAt(0) !== 60 /* < */) {
      // A long word is letters only; anything else matched is an address or a file name.
      return match.length >= minLength && !/[^\p{L}]/u.test(match)
        ? hyphenateWord(match, lang)
        : match;
    }
    const name = tagName.exec(match)?.[1]?.toLowerCase();
    if (name === undefined) return match; // A comment or doctype.
    if (match.charCodeAt(1) === 47 /* / */) {
      const at = open.findLastIndex((entry) => entry.name === name);
      if (at !== -1) open.length = at;
    } else if (!voidElements.has(name) && !match.endsWith("/>")) {
      open.push({
        name,
        lang: langAttribute.exec(match)?.[1] ?? lang,
        minLength: verbatim.has(name)
          ? Infinity
          : shortLines.has(name)
            ? MIN_WORD_LENGTH
            : minLength,
      });
    } else {
      return match;
    }
    const current = open.at(-1);
    lang = current?.lang ?? language;
    minLength = current?.minLength ?? MIN_RUNNING_TEXT_WORD_LENGTH;
    return match;
  });
}

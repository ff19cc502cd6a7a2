import { createHash } from "node:crypto";
import { MIN_CHARACTERS, MIN_WORDS } from "./thresholds.ts";

// Soft hyphens and zero-width characters are invisible to the reader but
// would make two identical-looking paragraphs differ.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g;

const ESCAPE = /\\(?=[!-/:-@[-`{-~])/g;
// Attribute blocks after bracketed spans and links: {lang=en}, and any other an editor types ({.note #id}).
const ATTRIBUTE = String.raw`(?:[.#][^\s{}]+|[\w:-]+=(?:"[^"]*"|'[^']*'|[^\s{}]*))`;
const ATTRIBUTES = String.raw`\{\s*${ATTRIBUTE}(?:\s+${ATTRIBUTE})*\s*\}`;
const BRACKETED_SPAN = new RegExp(String.raw`\[([^[\]]*)\]${ATTRIBUTES}`, "g");
const ATTRIBUTE_LIST = new RegExp(ATTRIBUTES, "g");
// Inline and reference links and images keep their text: [text](url), [text][ref].
const LINK = /!?\[([^[\]]*)\](?:\([^()]*\)|\[[^[\]]*\])/g;
const HTML_TAG = /<\/?[a-zA-Z][^<>]*>/g;
const EMPHASIS_AND_CODE_MARKS = /[*_`~]/g;
const EMPHASIS_AND_CODE_HINT = /[*_`~]/;
const ENTITY = /&(#\d+|#x[\da-f]+|[a-z]+);/gi;
const NAMED_ENTITIES: Partial<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  shy: "",
  ndash: "-",
  mdash: "-",
};

// NFKC leaves printable ASCII, line breaks and the Latin-1 letters as they
// are; text of only these characters (most German text) can skip it.
const NEEDS_NFKC = /[^\t\n\r -~\u00C0-\u00FF]/;
const TYPOGRAPHY =
  /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u2018-\u201F\u2032\u2033\u2039\u203A\u00AB\u00BB]/g;
const SINGLE_QUOTES = "\u2018\u2019\u201A\u201B\u2032\u2039\u203A";
const DOUBLE_QUOTES = "\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB";
// Whitespace other than a lone space: runs, line breaks, tabs, no-break spaces.
const UNUSUAL_WHITESPACE = /\s{2,}|[^\S ]/g;
const SHORTCODE_OPEN = /\{([%{])-?\s*/g;
const SHORTCODE_CLOSE = /\s*-?([%}])\}/g;
const OPEN_BRACE = 0x7b;
const PERCENT = 0x25;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The text of a block without markup: invisible characters, escapes,
 * attribute lists such as {lang=en}, link targets, HTML tags, emphasis and
 * code marks removed, character references decoded.
 */
export function plainText(raw: string): string {
  let text = raw.replace(INVISIBLE, "");
  // Each replacement runs only where its first character occurs: most text
  // has little or no markup.
  if (text.includes("\\")) text = text.replace(ESCAPE, "");
  if (text.includes("{")) text = text.replace(BRACKETED_SPAN, "$1").replace(ATTRIBUTE_LIST, "");
  if (text.includes("[")) text = text.replace(LINK, "$1");
  if (text.includes("<")) text = text.replace(HTML_TAG, "");
  if (EMPHASIS_AND_CODE_HINT.test(text)) text = text.replace(EMPHASIS_AND_CODE_MARKS, "");
  if (text.includes("&")) text = text.replace(ENTITY, decodeEntity);
  return text;
}

/** Text as a reader sees it, on one line; for messages. */
export function displayText(raw: string): string {
  return collapseWhitespace(plainText(raw));
}

/**
 * Reduces a block's raw text to what decides whether two blocks are "the
 * same": no markup (see plainText), Unicode NFKC, straight quotes and
 * hyphens for typographic ones, lower case, and single spaces, so that line
 * wrapping does not matter. Shortcodes such as {% fact "x" %} are kept, with
 * their spacing made uniform.
 */
export function normaliseText(raw: string): string {
  const plain = plainText(raw);
  const compatible = NEEDS_NFKC.test(plain) ? plain.normalize("NFKC") : plain;
  const folded = collapseWhitespace(compatible.replace(TYPOGRAPHY, straighten).toLowerCase());
  return folded.includes("{")
    ? folded.replace(SHORTCODE_OPEN, "{$1 ").replace(SHORTCODE_CLOSE, " $1}")
    : folded;
}

/**
 * Writes a 32-bit hash of each word of a normalised text into `target`,
 * from `offset` on, and returns how many words there were (at most `limit`);
 * `target` needs room for `maxWordCount(normalised)` words. A word is a run
 * of letters and digits, possibly joined by ' . , - (as in "21.400" or
 * "berlin-brandenburg"); a shortcode or template expression counts as one
 * word, so {% fact "nrw.employees" %} and {% fact "nrw.firms" %} differ.
 * Hand-written rather than a regular expression, which would allocate a
 * string per word: this runs over all text.
 */
export function writeWordHashes(
  normalised: string,
  target: Uint32Array,
  offset: number,
  limit = Number.POSITIVE_INFINITY,
): number {
  let count = 0;
  let hash = FNV_OFFSET;
  let inWord = false;
  for (let index = 0; index < normalised.length && count < limit; index++) {
    const code = normalised.charCodeAt(index);
    if (
      isWordCharacter(code) ||
      (inWord && isJoiner(code) && isWordCharacter(normalised.charCodeAt(index + 1)))
    ) {
      hash = Math.imul(hash ^ code, FNV_PRIME);
      inWord = true;
      continue;
    }
    if (inWord) {
      target[offset + count++] = hash >>> 0;
      hash = FNV_OFFSET;
      inWord = false;
    }
    const next = normalised.charCodeAt(index + 1);
    if (code === OPEN_BRACE && (next === PERCENT || next === OPEN_BRACE) && count < limit) {
      const close = normalised.indexOf(next === PERCENT ? "%}" : "}}", index + 2);
      if (close === -1) continue;
      let shortcodeHash = FNV_OFFSET;
      for (let inside = index; inside < close + 2; inside++) {
        shortcodeHash = Math.imul(shortcodeHash ^ normalised.charCodeAt(inside), FNV_PRIME);
      }
      target[offset + count++] = shortcodeHash >>> 0;
      index = close + 1;
    }
  }
  if (inWord && count < limit) target[offset + count++] = hash >>> 0;
  return count;
}

/** An upper bound of the number of words in a text: each word is followed by a non-word character. */
export function maxWordCount(text: string): number {
  return Math.ceil(text.length / 2);
}

const wordCountScratch = new Uint32Array(MIN_WORDS);

/**
 * Whether a normalised text is long enough to be compared (see
 * thresholds.ts). Stops counting words once there are enough.
 */
export function isLongEnough(normalised: string): boolean {
  return (
    normalised.length >= MIN_CHARACTERS &&
    writeWordHashes(normalised, wordCountScratch, 0, MIN_WORDS) >= MIN_WORDS
  );
}

/** A short stable identifier for a normalised text, as written into the allow-list. */
export function textHash(normalised: string): string {
  return createHash("sha256").update(normalised).digest("hex").slice(0, 16);
}

const EXCERPT_LENGTH = 80;

/** The beginning of a block's raw text, without markup and cut at a word boundary. */
export function excerptOf(raw: string): string {
  const text = displayText(raw);
  if (text.length <= EXCERPT_LENGTH) return text;
  const cut = text.lastIndexOf(" ", EXCERPT_LENGTH);
  return `${text.slice(0, cut > EXCERPT_LENGTH / 2 ? cut : EXCERPT_LENGTH)} …`;
}

function collapseWhitespace(text: string): string {
  return text.replace(UNUSUAL_WHITESPACE, " ").trim();
}

function straighten(character: string): string {
  if (SINGLE_QUOTES.includes(character)) return "'";
  if (DOUBLE_QUOTES.includes(character)) return '"';
  return "-";
}

function decodeEntity(entity: string, name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
  if (lower.startsWith("#")) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
  return NAMED_ENTITIES[lower] ?? entity;
}

/** Letters and digits: ASCII ones, and anything beyond ASCII but spaces, punctuation and symbols. */
function isWordCharacter(code: number): boolean {
  // Written so that NaN, what charCodeAt gives past the end, is no letter.
  if (!(code >= 0x80)) {
    return (
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x41 && code <= 0x5a)
    );
  }
  return !(
    (code >= 0xa0 && code <= 0xbf) ||
    (code >= 0x2000 && code <= 0x206f) ||
    (code >= 0x20a0 && code <= 0x20cf) ||
    code === 0x1680 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** ' . , - join two runs of letters into one word. */
function isJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2e || code === 0x2c || code === 0x2d;
}

import type { Severity } from "../gate.ts";
import type { Language } from "../../lib/languages.ts";
import { abbreviations } from "./abbreviations.ts";
import type { TextBlock } from "./blocks.ts";
import type { Sentence, Word } from "./text.ts";
import { thresholds } from "./thresholds.ts";

/** What a rule sees of one text block. */
export interface RuleInput {
  language: Language;
  block: TextBlock;
  sentences: Sentence[];
  /** Whether the allow-list accepts a word (proper names). */
  allowed(word: string): boolean;
}

/** A place a rule objects to: an offset in the block's text and what is wrong there. */
export interface Hit {
  offset: number;
  message: string;
  excerpt: string;
}

/** One rule of the Netzwerk Leichte Sprache or DIN SPEC 33429 that a program can decide. */
export interface Rule {
  id: string;
  severity: Severity;
  /** The languages the rule applies to: German Leichte Sprache, English easy read, or both. */
  languages: readonly Language[];
  check(input: RuleInput): Hit[];
}

const words = (input: RuleInput): Word[] => input.sentences.flatMap((sentence) => sentence.words);

/** A hit for every word of the block that `matches` accepts. */
function eachWord(
  input: RuleInput,
  matches: (word: string) => boolean,
  message: (word: string) => string,
): Hit[] {
  return words(input)
    .filter((word) => matches(word.text))
    .map((word) => ({ offset: word.start, message: message(word.text), excerpt: word.text }));
}

/** A hit for every match of `pattern` (which must have the `g` flag) in the block's text. */
function eachMatch(input: RuleInput, pattern: RegExp, message: (match: string) => string): Hit[] {
  return [...input.block.text.matchAll(pattern)].map((match) => ({
    offset: match.index,
    message: message(match[0].trim()),
    excerpt: match[0].trim(),
  }));
}

/** A word list as a case-insensitive test. */
function wordSet(list: readonly string[]): (word: string) => boolean {
  const set = new Set(list);
  return (word) => set.has(word.toLowerCase());
}

/** A hit on the first word of each sentence holding a word `matches` accepts. */
function sentencesWith(
  input: RuleInput,
  matches: (sentence: Sentence) => Word | undefined,
  message: (word: string) => string,
): Hit[] {
  return input.sentences.flatMap((sentence) => {
    const word = matches(sentence);
    return word === undefined
      ? []
      : [{ offset: word.start, message: message(word.text), excerpt: sentence.text }];
  });
}

// An acronym such as "NRW" or "BGG": two or more capitals and no lower-case letter.
const acronym = (word: string) => /^\p{Lu}{2,}$/u.test(word);
const romanNumeral =
  /^(?=[MDCLXVI]{2,}$)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** Numbers written as words, which easy language writes in digits. */
const numberWords: Record<Language, RegExp> = {
  de: /^(?:eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|(?:drei|vier|fünf|sech|sieb|acht|neun)zehn|zwanzig|dreißig|(?:vier|fünf|sech|sieb|acht|neun)zig|hundert|tausend)$/iu,
  en: /^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|hundred|thousand)$/iu,
};

const negations = wordSet([
  "nicht",
  "kein",
  "keine",
  "keinen",
  "keinem",
  "keiner",
  "keines",
  "nichts",
  "nie",
  "niemals",
  "niemand",
]);
const subjunctives = /^(?:würde|könnte|hätte|wäre)(?:n|st|t)?$/iu;
const genitives = wordSet(["des", "eines", "wegen", "deren", "dessen"]);
const subordinators = wordSet(["dass", "weil", "obwohl", "ob", "falls", "sodass", "nachdem"]);
const formsOfWerden = wordSet([
  "wird",
  "werden",
  "wurde",
  "wurden",
  "worden",
  "werde",
  "wirst",
  "werdet",
]);
// A past participle: "geprüft", "gemacht", "geschrieben"; words like "genug" or "gern" are not.
const pastParticiple = /^ge\p{Ll}{2,}(?:t|en)$/u;

function compoundLetters(word: string): number {
  return word.match(/\p{L}/gu)?.length ?? 0;
}

/** The rules, in the order their findings are listed. */
export const rules: readonly Rule[] = [
  {
    id: "sentence-length",
    severity: "error",
    languages: ["de", "en"],
    check: (input) =>
      input.sentences
        .filter((sentence) => sentence.words.length > thresholds.maxWordsPerSentence)
        .map((sentence) => ({
          offset: sentence.start,
          message: `this sentence has ${sentence.words.length} words; write at most ${thresholds.maxWordsPerSentence} words per sentence`,
          excerpt: sentence.text,
        })),
  },
  {
    id: "one-sentence-per-line",
    severity: "error",
    languages: ["de"],
    check: (input) => {
      const seen = new Set<number>();
      return input.sentences.flatMap((sentence) => {
        const { line } = input.block.position(sentence.start);
        if (!seen.has(line)) {
          seen.add(line);
          return [];
        }
        return [
          {
            offset: sentence.start,
            message: "a second sentence on this line; begin each sentence on a line of its own",
            excerpt: sentence.text,
          },
        ];
      });
    },
  },
  {
    id: "abbreviation",
    severity: "error",
    languages: ["de", "en"],
    check: (input) => [
      ...eachMatch(
        input,
        abbreviations[input.language],
        (match) => `"${match}" is an abbreviation; write the words out`,
      ),
      ...eachWord(
        input,
        (word) => acronym(word) && !romanNumeral.test(word) && !input.allowed(word),
        (word) =>
          `"${word}" is an abbreviation; write the words out (or add a proper name to the allow-list)`,
      ),
    ],
  },
  {
    id: "roman-numeral",
    severity: "error",
    languages: ["de"],
    check: (input) =>
      eachWord(
        input,
        (word) => romanNumeral.test(word),
        (word) => `"${word}" is a Roman numeral; write the number in digits`,
      ),
  },
  {
    id: "semicolon",
    severity: "error",
    languages: ["de", "en"],
    check: (input) =>
      eachMatch(input, /;/g, () => "a semicolon; end the sentence there and begin a new one"),
  },
  {
    id: "parenthesis",
    severity: "error",
    languages: ["de", "en"],
    check: (input) =>
      eachMatch(
        input,
        /[()]/g,
        () => "a parenthesis; write what it holds as a sentence of its own",
      ),
  },
  {
    id: "long-word",
    severity: "error",
    languages: ["de"],
    check: (input) =>
      eachWord(
        input,
        (word) =>
          compoundLetters(word) > thresholds.maxUnsplitLetters &&
          !/[·-]/.test(word) &&
          !input.allowed(word),
        (word) =>
          `"${word}" has more than ${thresholds.maxUnsplitLetters} letters; split it with a Mediopunkt (Gesundheits·wirtschaft) or a hyphen, or add a proper name to the allow-list`,
      ),
  },
  {
    id: "number-word",
    severity: "error",
    languages: ["de", "en"],
    check: (input) =>
      eachWord(
        input,
        (word) => numberWords[input.language].test(word),
        (word) => `"${word}" is a number written as a word; write it in digits`,
      ),
  },
  {
    id: "percent-sign",
    severity: "error",
    languages: ["de"],
    check: (input) =>
      eachMatch(input, /%/g, () => 'a percent sign; say it in words such as "1 von 6 Menschen"'),
  },
  {
    id: "negation",
    severity: "warning",
    languages: ["de"],
    check: (input) =>
      eachWord(input, negations, (word) => `"${word}" is a negation; say it positively if you can`),
  },
  {
    id: "subjunctive",
    severity: "warning",
    languages: ["de"],
    check: (input) =>
      eachWord(
        input,
        (word) => subjunctives.test(word),
        (word) => `"${word}" is a Konjunktiv; say what is, not what would be`,
      ),
  },
  {
    id: "genitive",
    severity: "warning",
    languages: ["de"],
    check: (input) =>
      eachWord(input, genitives, (word) => `"${word}" points to a Genitiv; use "von" instead`),
  },
  {
    id: "subordinate-clause",
    severity: "warning",
    languages: ["de"],
    check: (input) =>
      eachWord(
        input,
        subordinators,
        (word) => `"${word}" begins a subordinate clause; write two main clauses instead`,
      ),
  },
  {
    id: "passive",
    severity: "warning",
    languages: ["de"],
    check: (input) =>
      sentencesWith(
        input,
        (sentence) =>
          sentence.words.some((word) => formsOfWerden(word.text)) &&
          sentence.words.some((word) => pastParticiple.test(word.text))
            ? sentence.words.find((word) => formsOfWerden(word.text))
            : undefined,
        (word) => `"${word}" with a past participle is passive voice; say who does what`,
      ),
  },
];

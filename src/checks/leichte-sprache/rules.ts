import type { Severity } from "../gate.ts";
import type { Language } from "../../lib/languages.ts";
import type { RuleSet } from "../../lib/data/language-list.ts";
import { abbreviations } from "./abbreviations.ts";
import type { PageTextBlock } from "../../lib/page-text.ts";
import { compoundParts } from "./compounds.ts";
import { explainsPrevious, explanationPatterns, hardWords } from "./hard-words.ts";
import type { Sentence, Word } from "./text.ts";
import { thresholds } from "./thresholds.ts";

/** What a rule sees of one text block. */
export interface RuleInput {
  language: Language;
  /** The easy-language rules the page is checked against (`easyLanguage` in `data/languages.ts`). */
  ruleSet: RuleSet;
  block: PageTextBlock;
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
  /** The rule sets the rule belongs to: Leichte Sprache, easy read, or both. */
  ruleSets: readonly RuleSet[];
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
const numberWords: Record<RuleSet, RegExp> = {
  "leichte-sprache":
    /^(?:eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|(?:drei|vier|fünf|sech|sieb|acht|neun)zehn|zwanzig|dreißig|(?:vier|fünf|sech|sieb|acht|neun)zig|hundert|tausend)$/iu,
  "easy-read":
    /^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|hundred|thousand)$/iu,
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
/**
 * Words in "-los" that easy language uses as the everyday word for what they mean, not as a
 * hidden "nicht": "kostenlos" is how Leichte Sprache says "free of charge" (its other words are a
 * loanword, "gratis", or ambiguous, "umsonst" also meaning "in vain").
 */
const everydayLosWords = new Set(["kostenlos", "kostenlose", "kostenloser", "kostenlosen"]);

/**
 * Words that negate without "nicht" or "kein": "fehlt", "ohne", adjectives in "un-" and "-los"
 * ("unzufrieden", "sinnlos"). Words that only begin with "un" ("und", "uns", "unser", "unter",
 * "unten", "ungefähr", "Universität", "Union", "Uniform") are not negations, nor are the
 * everyday "-los" words above.
 */
const implicitNegation = (word: string): boolean =>
  /^(?:fehlt|fehlen|fehlte|fehlten|fehlend\p{Ll}*|gefehlt|ohne|weder|nirgends)$/iu.test(word) ||
  /^un(?!ter|ser|ten|s$|d$|gefähr|ivers|ion|iform)\p{Ll}{4,}$/iu.test(word) ||
  (/^\p{L}{3,}los(?:e|er|en|em|es)?$/iu.test(word) && !everydayLosWords.has(word.toLowerCase()));

const subjunctives = /^(?:würde|könnte|hätte|wäre)(?:n|st|t)?$/iu;
const genitives = wordSet(["des", "eines", "wegen", "deren", "dessen"]);
/**
 * Conjunctions that only ever open a subordinate clause. Left out because they are as often
 * prepositions, adverbs or comparisons: "als", "bis", "da", "damit", "seit", "seitdem",
 * "während", "wie", "wo"; "wenn" has a rule of its own. "so dass" is found as two words.
 */
const subordinators = wordSet([
  ...["bevor", "dass", "ehe", "falls", "indem", "nachdem", "ob", "obgleich", "obschon"],
  ...["obwohl", "obzwar", "sobald", "sodass", "sofern", "solange", "soweit", "weil"],
  ...["wenngleich", "wohingegen"],
]);
const wenn = wordSet(["wenn"]);

/**
 * Words that stand before "der" without making it a Genitiv: articles, pronouns, prepositions,
 * conjunctions and adverbs that open a sentence capitalised ("In der Liste", "Dann der …").
 */
const notNouns = wordSet([
  ...["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer"],
  ...["in", "im", "an", "am", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum", "zur"],
  ...["für", "über", "unter", "vor", "hinter", "neben", "zwischen", "durch", "gegen", "ohne"],
  ...["und", "oder", "aber", "dann", "hier", "dort", "oben", "unten", "wie", "wo", "was", "wer"],
  ...["sie", "wir", "ich", "er", "es", "ihr", "bitte", "auch", "so", "nur", "noch", "heute"],
]);
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
/**
 * A past participle: with "ge-" ("geprüft", "geschrieben"), after a separable prefix
 * ("umgesetzt", "festgelegt"), or weak with an inseparable prefix ("verabschiedet", "erklärt")
 * or in "-iert" ("moderiert"). Words like "genug" or "gern" are not; an infinitive with an
 * inseparable prefix ("verstehen" after "werden") is not taken for a strong participle.
 */
const pastParticiple =
  /^(?:(?:ab|an|auf|aus|bei|dar|durch|ein|fest|fort|frei|her|heraus|herein|hin|hinaus|los|mit|nach|um|vor|vorbei|weg|weiter|zu|zurück|zusammen)?ge\p{Ll}{2,}(?:t|en)|(?:be|emp|ent|er|miss|ver|zer)\p{Ll}{2,}t|\p{Ll}{3,}iert)$/u;

function compoundLetters(word: string): number {
  return word.match(/\p{L}/gu)?.length ?? 0;
}

/** A word of more than the threshold's letters with no Mediopunkt or hyphen, and not allowed. */
function unsplitLong(word: string, input: RuleInput): boolean {
  return (
    compoundLetters(word) > thresholds.maxUnsplitLetters &&
    !/[·-]/.test(word) &&
    !input.allowed(word)
  );
}

/**
 * "der" after a noun and before a noun phrase: "die Seite der Stadt". A comma before "der" makes
 * it a relative pronoun; a preposition, article or conjunction before it, a dative or nominative.
 * A word is taken for a noun by its capital, so a word that opens the sentence or the clause
 * after a colon ("Zuerst der Name", "Zum Beispiel: Morgen der Termin") tells nothing: every
 * word is capitalised there.
 */
function genitiveDer(sentence: Sentence): Word | undefined {
  return sentence.words.find((word, index) => {
    if (word.text !== "der") return false;
    const before = sentence.words[index - 1];
    const after = sentence.words[index + 1];
    if (before === undefined || after === undefined) return false;
    const between = sentence.text.slice(
      before.start - sentence.start + before.text.length,
      word.start - sentence.start,
    );
    const opensClause = /(?:^|:)\s*$/.test(sentence.text.slice(0, before.start - sentence.start));
    return (
      /^\s+$/.test(between) &&
      /^\p{Lu}/u.test(before.text) &&
      !opensClause &&
      !notNouns(before.text) &&
      /^\p{L}/u.test(after.text)
    );
  });
}

/** The rules, in the order their findings are listed. */
export const rules: readonly Rule[] = [
  {
    id: "sentence-length",
    severity: "error",
    ruleSets: ["leichte-sprache", "easy-read"],
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
    ruleSets: ["leichte-sprache"],
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
    ruleSets: ["leichte-sprache", "easy-read"],
    check: (input) => [
      ...eachMatch(
        input,
        abbreviations[input.ruleSet],
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
    ruleSets: ["leichte-sprache"],
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
    ruleSets: ["leichte-sprache", "easy-read"],
    check: (input) =>
      eachMatch(input, /;/g, () => "a semicolon; end the sentence there and begin a new one"),
  },
  {
    id: "parenthesis",
    severity: "error",
    ruleSets: ["leichte-sprache", "easy-read"],
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
    ruleSets: ["leichte-sprache"],
    check: (input) =>
      words(input).flatMap((word) => {
        if (!unsplitLong(word.text, input)) return [];
        const parts = compoundParts(word.text);
        return parts === undefined
          ? []
          : [
              {
                offset: word.start,
                message: `"${word.text}" is a compound of more than ${thresholds.maxUnsplitLetters} letters; split it with a Mediopunkt: ${parts.join("·")} (or add a proper name to the allow-list)`,
                excerpt: word.text,
              },
            ];
      }),
  },
  {
    id: "long-simple-word",
    severity: "warning",
    ruleSets: ["leichte-sprache"],
    check: (input) =>
      eachWord(
        input,
        (word) => /^\p{L}/u.test(word) && unsplitLong(word, input) && !compoundParts(word),
        (word) =>
          `"${word}" is a long word but no compound of known nouns, so it takes no Mediopunkt; use a shorter word if there is one, or explain it`,
      ),
  },
  {
    id: "number-word",
    severity: "error",
    ruleSets: ["leichte-sprache", "easy-read"],
    check: (input) =>
      eachWord(
        input,
        (word) => numberWords[input.ruleSet].test(word),
        (word) => `"${word}" is a number written as a word; write it in digits`,
      ),
  },
  {
    id: "percent-sign",
    severity: "error",
    ruleSets: ["leichte-sprache"],
    check: (input) =>
      eachMatch(input, /%/g, () => 'a percent sign; say it in words such as "1 von 6 Menschen"'),
  },
  {
    id: "negation",
    severity: "warning",
    ruleSets: ["leichte-sprache"],
    check: (input) =>
      eachWord(input, negations, (word) => `"${word}" is a negation; say it positively if you can`),
  },
  {
    id: "implicit-negation",
    severity: "warning",
    ruleSets: ["leichte-sprache"],
    check: (input) =>
      eachWord(
        input,
        implicitNegation,
        (word) =>
          `"${word}" says no without saying "nicht"; say what is there or what readers can do`,
      ),
  },
  {
    id: "subjunctive",
    severity: "warning",
    ruleSets: ["leichte-sprache"],
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
    ruleSets: ["leichte-sprache"],
    check: (input) =>
      eachWord(input, genitives, (word) => `"${word}" points to a Genitiv; use "von" instead`),
  },
  {
    id: "genitive-der",
    severity: "warning",
    ruleSets: ["leichte-sprache"],
    check: (input) =>
      sentencesWith(
        input,
        genitiveDer,
        () => `"der" after a noun is a Genitiv ("die Seite der Stadt"); use "von" instead`,
      ),
  },
  {
    id: "wenn-clause",
    severity: "warning",
    ruleSets: ["leichte-sprache"],
    check: (input) =>
      eachWord(
        input,
        wenn,
        () =>
          'a "wenn" clause; write two sentences instead: "Sie haben eine Frage? Dann rufen Sie an."',
      ),
  },
  {
    id: "subordinate-clause",
    severity: "warning",
    ruleSets: ["leichte-sprache"],
    check: (input) => [
      ...eachWord(
        input,
        subordinators,
        (word) => `"${word}" begins a subordinate clause; write two main clauses instead`,
      ),
      ...eachMatch(
        input,
        /(?<![\p{L}\p{N}])so dass(?![\p{L}\p{N}])/giu,
        (match) => `"${match}" begins a subordinate clause; write two main clauses instead`,
      ),
    ],
  },
  {
    id: "passive",
    severity: "warning",
    ruleSets: ["leichte-sprache"],
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

/** A sentence of a page with the block it stands in, in the order of the page. */
export interface PageSentence {
  block: PageTextBlock;
  sentence: Sentence;
}

/** A rule that reads the whole page: what it objects to is a place in one of its blocks. */
export interface PageRule {
  id: string;
  severity: Severity;
  ruleSets: readonly RuleSet[];
  check(sentences: readonly PageSentence[], ruleSet: RuleSet): { block: PageTextBlock; hit: Hit }[];
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A form as a pattern that reads over Mediopunkts and soft hyphens ("Gesundheits·wirtschaft"),
 * its first letter in either case: a German verb opens a sentence capitalised ("Moderiert …").
 */
function formPattern(form: string): string {
  const [first = "", ...rest] = form.match(/./gsu) ?? [];
  const initial = `[${escapeRegExp(first.toLowerCase())}${escapeRegExp(first.toUpperCase())}]`;
  return [initial, ...rest.map(escapeRegExp)].join("[·\\u00ad]?");
}

/** The rules that read the whole page, in the order their findings are listed. */
export const pageRules: readonly PageRule[] = [
  {
    id: "unexplained-word",
    severity: "error",
    ruleSets: ["leichte-sprache", "easy-read"],
    check: (sentences, ruleSet) => {
      // German nouns are capitalised: a form's case tells a noun from a verb.
      const flags = ruleSet === "leichte-sprache" ? "u" : "iu";
      return hardWords[ruleSet].flatMap((hardWord) => {
        const forms = hardWord.forms.map(formPattern).join("|");
        const anywhere = new RegExp(`(?<![\\p{L}\\p{N}·-])(?:${forms})(?![\\p{L}\\p{N}·-])`, flags);
        const index = sentences.findIndex(({ sentence }) => anywhere.test(sentence.text));
        const first = sentences[index];
        if (first === undefined) return [];
        const explains = explanationPatterns[ruleSet].map(
          (pattern) => new RegExp(pattern.replaceAll("{w}", `(?:${forms})`), flags),
        );
        const next = sentences[index + 1]?.sentence.text ?? "";
        const explained =
          explains.some((pattern) => pattern.test(first.sentence.text) || pattern.test(next)) ||
          explainsPrevious[ruleSet].test(next);
        if (explained) return [];
        const match = anywhere.exec(first.sentence.text);
        const word = match?.[0] ?? hardWord.forms[0] ?? "";
        const kind = hardWord.foreign ? "a foreign word" : "a hard word";
        return [
          {
            block: first.block,
            hit: {
              offset: first.sentence.start + (match?.index ?? 0),
              message:
                ruleSet === "leichte-sprache"
                  ? `"${word}" is ${kind}; explain it where it first appears, in this sentence or the next ("${word} bedeutet: …", "Das nennt man: ${word}.")`
                  : `"${word}" is ${kind}; explain it where it first appears, in this sentence or the next ("${word} means …", "This is called: ${word}.")`,
              excerpt: first.sentence.text,
            },
          },
        ];
      });
    },
  },
];

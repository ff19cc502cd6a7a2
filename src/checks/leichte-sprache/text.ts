import type { RuleSet } from "../../lib/data/language-list.ts";
import type { Language } from "../../lib/languages.ts";
import { abbreviations } from "./abbreviations.ts";

/** A word of a text block: a run of letters or digits, hyphenated parts taken together. */
export interface Word {
  text: string;
  /** Offset in the block's text. */
  start: number;
}

/** A sentence of a text block, with its words. */
export interface Sentence {
  text: string;
  /** Offset in the block's text. */
  start: number;
  words: Word[];
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: Language, granularity: "word" | "sentence"): Intl.Segmenter {
  const key = `${language}:${granularity}`;
  let found = segmenters.get(key);
  if (found === undefined) {
    found = new Intl.Segmenter(language, { granularity });
    segmenters.set(key, found);
  }
  return found;
}

/**
 * The words of a text. Intl.Segmenter keeps "Gesundheits·wirtschaft" and "1,1" whole (the
 * Mediopunkt and the decimal comma join word parts in Unicode's word rules) but splits at
 * hyphens; words joined by a hyphen are taken back together, so "Nordrhein-Westfalen" is one word.
 */
export function wordsOf(text: string, language: Language, offset = 0): Word[] {
  const words: Word[] = [];
  for (const segment of segmenter(language, "word").segment(text)) {
    if (segment.isWordLike !== true) continue;
    const previous = words.at(-1);
    const gap =
      previous && text.slice(previous.start - offset + previous.text.length, segment.index);
    if (previous !== undefined && (gap === "-" || gap === "\u2011")) {
      previous.text += gap + segment.segment;
    } else {
      words.push({ text: segment.segment, start: offset + segment.index });
    }
  }
  return words;
}

/**
 * The sentences of a text, each with its words. Line breaks count as spaces, so a sentence
 * written over two lines is one sentence (whether each line holds one is a rule of its own).
 * The dots of abbreviations ("z. B.") do not end a sentence: Node's ICU has no list of them.
 */
export function sentencesOf(text: string, language: Language, ruleSet: RuleSet): Sentence[] {
  const flat = text
    .replaceAll("\n", " ")
    .replace(abbreviations[ruleSet], (match) => match.replaceAll(".", "_"));
  const sentences: Sentence[] = [];
  for (const segment of segmenter(language, "sentence").segment(flat)) {
    const leading = segment.segment.length - segment.segment.trimStart().length;
    const start = segment.index + leading;
    const sentenceText = text.slice(start, start + segment.segment.trim().length);
    if (sentenceText === "") continue;
    sentences.push({ text: sentenceText, start, words: wordsOf(sentenceText, language, start) });
  }
  return sentences;
}

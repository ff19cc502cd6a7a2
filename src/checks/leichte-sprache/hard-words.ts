import type { RuleSet } from "../../lib/data/language-list.ts";

/** A word readers of easy language need explained, with the forms it takes on a page. */
export interface HardWord {
  /** The forms to look for, as written (a Mediopunkt counts as no character). */
  forms: readonly string[];
  /** Foreign words are named as such in the message. */
  foreign: boolean;
}

const foreign = (...forms: string[]): HardWord => ({ forms, foreign: true });
const hard = (...forms: string[]): HardWord => ({ forms, foreign: false });

/**
 * Foreign words and hard words that a page in Leichte Sprache or easy read must explain where
 * it first uses them (rule `unexplained-word`). The list is the check's knowledge, not the
 * editor's: a word missing here is not checked, so add words as pages use them.
 */
export const hardWords: Record<RuleSet, readonly HardWord[]> = {
  "leichte-sprache": [
    foreign("Cluster", "Clusters"),
    foreign("moderiert", "moderieren", "moderiere", "Moderation"),
    foreign("Website", "Websites"),
    foreign("Link", "Links"),
    foreign("Menü", "Menüs"),
    foreign("Start-up", "Start-ups"),
    foreign("Masterplan", "Masterplans"),
    foreign("Clustermanagement"),
    hard("Gesundheitswirtschaft"),
    hard("Quelle", "Quellen"),
    hard("Regierung", "Regierungen", "Landesregierung", "Landesregierungen"),
    hard("Barriere", "Barrieren"),
    hard("Barrierefreiheit", "barrierefrei"),
    hard("Schlichtungsstelle", "Schlichtungsstellen"),
    hard("Gebärdensprache"),
    hard("Beschäftigte", "Beschäftigten"),
    hard("Branche", "Branchen"),
    hard("Herausgeber"),
    hard("Land"),
    hard("Landeszentrum Gesundheit"),
    hard("Umsatz"),
    hard("Hilfsmittel", "Hilfsmitteln"),
    hard("Medizintechnik"),
    hard("Zahntechniklabor", "Zahntechniklabore", "Zahntechniklaboren"),
  ],
  "easy-read": [
    foreign("cluster", "clusters"),
    foreign("Landeszentrum Gesundheit"),
    hard("website", "websites"),
    hard("link", "links"),
    hard("menu", "menus"),
    hard("health economy"),
    hard("source", "sources"),
    hard("government", "governments"),
    hard("barrier", "barriers"),
    hard("accessibility", "accessible"),
    hard("arbitration body", "arbitration bodies"),
    hard("sign language"),
    hard("employees", "employee"),
    hard("publisher"),
    hard("state", "states"),
    hard("revenue"),
    hard("screen reader", "screen readers"),
    hard("medical technology"),
    hard("dental laboratory", "dental laboratories"),
  ],
};

/**
 * How a sentence explains a word, by language. `{w}` stands for the word's forms. A word is
 * explained where it first appears when the sentence holding it, or the sentence right after it,
 * matches one of these, or the sentence after it begins "Das bedeutet" / "Es bedeutet" / "This
 * means" (`explainsPrevious`):
 * - a definition, which says what the word is: "Ein Menü ist eine Liste …", "Links sind Wörter
 *   …", "Cluster bedeutet: …", "Das Wort X heißt: …"; "A menu is a list …", "Links are words you
 *   can click on", "An arbitration body is there to help …", "X means: …";
 * - a naming: "Das nennt man: Barriere.", "Diese 2 Texte nennen wir: Quellen."; "This is
 *   called: a barrier.", "We call these 2 texts: sources."
 * A sentence that only says something about the thing is no definition: "Das Cluster ist groß.",
 * "Der Masterplan ist von 2020.", "The cluster is big." German tells a noun after "ist" / "sind"
 * by its capital ("sind Wörter"; "ist ein …"); English, whose nouns have none, needs "a" / "an"
 * after "is", and after "are" a noun followed by what describes it ("are words you …", "are
 * people with …"). German patterns are case-sensitive for that reason; the word's first letter
 * may be either case.
 */
export const explanationPatterns: Record<RuleSet, readonly string[]> = {
  "leichte-sprache": [
    "^(?:(?:[Ee]ine?|[Dd]er|[Dd]ie|[Dd]as|[Dd]as Wort)\\s+)?{w}\\s+(?:ist|sind)\\s+(?:(?:hier|auch)\\s*)?(?:eine?[mnrs]?\\b|zum Beispiel\\b|\\p{Lu}|:)",
    "^(?:(?:[Ee]ine?|[Dd]er|[Dd]ie|[Dd]as|[Dd]as Wort)\\s+)?{w}\\s+(?:bedeutet|bedeuten|heißt|heißen)\\b",
    "\\b(?:nennt man|nennen wir|heißt|heißen)\\s*:?\\s*(?:[Ee]ine?n?\\s+)?{w}(?![\\p{L}\\p{N}])",
  ],
  "easy-read": [
    "^(?:(?:a|an|the|the word|the words)\\s+)?{w}\\s+is\\s+(?:a|an|there to|someone|something)\\b",
    "^(?:(?:the|the word|the words)\\s+)?{w}\\s+are\\s+(?:[\\p{L}-]+\\s+){1,2}?(?:who|that|which|with|you|we|for|of|in|on|at|from)\\b",
    "^(?:(?:a|an|the|the word|the words)\\s+)?{w}\\s+(?:means|mean)\\b",
    "\\b(?:is called|are called|we call (?:this|that|it|them|these(?:\\s+\\d+)?\\s+\\p{L}+))\\s*:?\\s*(?:(?:a|an|the)\\s+)?{w}\\b",
  ],
};

/** Sentences that explain the word of the sentence before them. */
export const explainsPrevious: Record<RuleSet, RegExp> = {
  "leichte-sprache": /^(?:das|es|dieses wort|das wort)\s+(?:bedeutet|heißt)\b/iu,
  "easy-read": /^(?:this|that|it|this word|that word)\s+means\b/iu,
};

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
  ],
};

/**
 * How a sentence explains a word, by language. `{w}` stands for the word's forms. A word is
 * explained where it first appears when the sentence holding it, or the sentence right after it,
 * matches one of these: a definition ("Ein Cluster ist …", "Cluster bedeutet …", "A website
 * is …"), a naming ("Das nennt man: Barriere.", "This is called a barrier."), or a sentence
 * after it that begins "Das bedeutet" / "Das Wort bedeutet" / "This means" / "That word means".
 */
export const explanationPatterns: Record<RuleSet, readonly string[]> = {
  "leichte-sprache": [
    "^(?:ein|eine|der|die|das|das wort)?\\s*{w}\\s+(?:ist|sind|bedeutet|bedeuten|heißt|heißen)\\b",
    "\\b(?:nennt man|nennen wir|heißt|heißen)\\s*:?\\s*(?:ein|eine|einen)?\\s*{w}\\b",
  ],
  "easy-read": [
    "^(?:a|an|the|the word)?\\s*{w}\\s+(?:is|are|means|mean)\\b",
    "\\b(?:is called|are called|we call this|we call them)\\s*:?\\s*(?:a|an|the)?\\s*{w}\\b",
  ],
};

/** Sentences that explain the word of the sentence before them. */
export const explainsPrevious: Record<RuleSet, RegExp> = {
  "leichte-sprache": /^(?:das|es|dieses wort|das wort)\s+(?:bedeutet|heißt)\b/iu,
  "easy-read": /^(?:this|that|it|this word|that word)\s+means\b/iu,
};

import type { RuleSet } from "../../lib/data/language-list.ts";

/**
 * Abbreviations with a dot, by language, as they appear on pages ("z. B.", "z.B."). The rule
 * `abbreviation` reports them; sentence splitting reads over their dots.
 */
export const abbreviations: Record<RuleSet, RegExp> = {
  "leichte-sprache":
    /(?<![\p{L}\p{N}])(?:z\. ?B\.|u\. ?a\.|d\. ?h\.|e\. ?V\.|s\. ?o\.|s\. ?u\.|u\. ?ä\.|o\. ?ä\.|usw\.|bzw\.|ca\.|evtl\.|ggf\.|inkl\.|vgl\.|Nr\.|Tel\.|Str\.|etc\.)/gu,
  "easy-read":
    /(?<![\p{L}\p{N}])(?:e\. ?g\.|i\. ?e\.|etc\.|approx\.|incl\.|vs\.|no\.(?= ?\d)|tel\.)/giu,
};

import type { Finding } from "../gate.ts";
import type { RuleSet } from "../../lib/data/language-list.ts";
import type { Language } from "../../lib/languages.ts";
import type { Allowed } from "./allow-list.ts";
import { pageTextBlocks } from "../../lib/page-text.ts";
import { pageRules, rules, type Hit, type PageSentence } from "./rules.ts";
import { sentencesOf } from "./text.ts";

/** A page in Leichte Sprache or easy read, as the check reads it. */
export interface EasyLanguagePage {
  /** Relative to the project, e.g. `src/site/de/leichte-sprache.md`. */
  file: string;
  language: Language;
  /** The easy-language rules the page is checked against (`easyLanguage` in `data/languages.ts`). */
  ruleSet: RuleSet;
  /** The Markdown after the front matter. */
  body: string;
  /** The 1-based line of the file on which the body starts. */
  bodyLine: number;
}

/** What checking a page found, and how many sentences it read. */
export interface PageResult {
  findings: Finding[];
  sentences: number;
}

/**
 * Checks every heading, paragraph and list item of a page against its language's rule set
 * (Leichte Sprache, easy read), then the page as a whole against the rules that
 * read across blocks (a hard word explained where it first appears). Findings are in the order
 * of the page.
 */
export function checkEasyLanguagePage(page: EasyLanguagePage, allowed: Allowed): PageResult {
  const applicable = rules.filter((rule) => rule.ruleSets.includes(page.ruleSet));
  const findings: Finding[] = [];
  const pageSentences: PageSentence[] = [];
  const add = (
    rule: { id: string; severity: Finding["severity"] },
    block: PageSentence["block"],
    hit: Hit,
  ) => {
    const { line, column } = block.position(hit.offset);
    findings.push({
      rule: rule.id,
      severity: rule.severity,
      message: hit.message,
      location: { file: page.file, line, column },
      excerpt: hit.excerpt,
    });
  };
  for (const block of pageTextBlocks(page.body, page.bodyLine)) {
    const input = {
      language: page.language,
      ruleSet: page.ruleSet,
      block,
      sentences: sentencesOf(block.text, page.language, page.ruleSet),
      allowed,
    };
    pageSentences.push(...input.sentences.map((sentence) => ({ block, sentence })));
    for (const rule of applicable) {
      for (const hit of rule.check(input)) add(rule, block, hit);
    }
  }
  for (const rule of pageRules.filter((each) => each.ruleSets.includes(page.ruleSet))) {
    for (const { block, hit } of rule.check(pageSentences, page.ruleSet)) add(rule, block, hit);
  }
  findings.sort(
    (a, b) =>
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      (a.location?.column ?? 0) - (b.location?.column ?? 0),
  );
  return { findings, sentences: pageSentences.length };
}

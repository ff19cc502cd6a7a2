/**
 * The Leichte Sprache check: every page whose front matter says `easyLanguage: true` is held to
 * the rule set its language names in `data/languages.ts` (`easyLanguage`): the rules of the
 * Netzwerk Leichte Sprache and DIN SPEC 33429 that a program can decide, or the easy-read
 * rules. Errors fail the check; warnings
 * (negation, Konjunktiv, Genitiv, subordinate clauses, passive voice) point to sentences worth
 * a second look.
 */
import { CouldNotCheckError, type Finding, type Gate } from "../gate.ts";
import { readPages } from "../../lib/page-sources.ts";
import { easyLanguageRuleSets } from "../../lib/data/language-list.ts";
import { languageInfo, languageName } from "../../lib/languages.ts";
import { projectFiles, projectFolders } from "../../lib/project.ts";
import { untranslatedMark } from "../../lib/translation-version.ts";
import { ALLOW_LIST_FILE, readAllowList } from "./allow-list.ts";
import { checkEasyLanguagePage } from "./check.ts";

/** The check as a gate for the shared runner; it takes no options. */
export const leichteSpracheGate: Gate<Record<string, never>> = {
  name: "leichte-sprache",
  summary:
    "Checks the pages marked `easyLanguage: true` against their language's easy-language rules (Leichte Sprache, easy read).",
  usage: `Usage: npm run check:leichte-sprache [-- --json]

Checks every page under ${projectFolders.site}/<language>/ whose front matter says
easyLanguage: true. Proper names that must break a rule go in ${ALLOW_LIST_FILE}, each with
a reason.

Options:`,
  options: {},
  parse: () => ({}),
  async run(_options, context) {
    const allowed = await readAllowList(context.projectRoot);
    const { pages, findings: unreadable } = await readPages(context.projectRoot);
    const marked = pages.filter((page) => page.data.easyLanguage === true);
    if (marked.length === 0) {
      throw new CouldNotCheckError(
        "no page says `easyLanguage: true` in its front matter, so there is nothing to check",
      );
    }
    const notes: string[] = [];
    const withoutRules: Finding[] = [];
    const checkable = marked.flatMap((page) => {
      // A copy of the source page not translated yet is the source's text: checked there.
      if (page.data.translatedFrom === untranslatedMark) {
        notes.push(
          `${page.file} is not translated yet (translatedFrom: ${untranslatedMark}): not checked`,
        );
        return [];
      }
      const ruleSet = languageInfo(page.language).easyLanguage;
      if (ruleSet !== undefined) return [{ ...page, ruleSet }];
      withoutRules.push({
        rule: "no-rule-set",
        severity: "warning",
        location: { file: page.file, key: "easyLanguage" },
        message: `${languageName(page.language)} has no easy-language rules, so this page cannot be checked: name its rule set as "easyLanguage" in ${projectFiles.dataModule("languages")} (known: ${easyLanguageRuleSets.join(", ")}), or have people of the target group review it`,
      });
      return [];
    });
    const results = checkable.map((page) => checkEasyLanguagePage(page, allowed));
    return {
      findings: [
        // A page whose front matter cannot be read may be one marked as Leichte Sprache.
        ...unreadable,
        ...withoutRules,
        ...results.flatMap((result) => result.findings),
      ],
      notes,
      checked: {
        pages: checkable.length,
        sentences: results.reduce((sum, result) => sum + result.sentences, 0),
      },
    };
  },
};

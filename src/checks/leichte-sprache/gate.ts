/**
 * The Leichte Sprache check: every page whose front matter says `easyLanguage: true` is held to
 * the rules of the Netzwerk Leichte Sprache and DIN SPEC 33429 that a program can decide
 * (German pages) or to the easy-read rules (English pages). Errors fail the check; warnings
 * (negation, Konjunktiv, Genitiv, subordinate clauses, passive voice) point to sentences worth
 * a second look.
 */
import { CouldNotCheckError, type Gate } from "../gate.ts";
import { readPages } from "../../lib/page-sources.ts";
import { projectFolders } from "../../lib/project.ts";
import { ALLOW_LIST_FILE, readAllowList } from "./allow-list.ts";
import { checkEasyLanguagePage } from "./check.ts";

/** The check as a gate for the shared runner; it takes no options. */
export const leichteSpracheGate: Gate<Record<string, never>> = {
  name: "leichte-sprache",
  summary:
    "Checks the pages marked `easyLanguage: true` against the rules of Leichte Sprache (German) and easy read (English).",
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
    const results = marked.map((page) => checkEasyLanguagePage(page, allowed));
    return {
      findings: [
        // A page whose front matter cannot be read may be one marked as Leichte Sprache.
        ...unreadable,
        ...results.flatMap((result) => result.findings),
      ],
      checked: {
        pages: marked.length,
        sentences: results.reduce((sum, result) => sum + result.sentences, 0),
      },
    };
  },
};

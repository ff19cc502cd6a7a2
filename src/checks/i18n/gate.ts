import { CouldNotCheckError, type Gate } from "../gate.ts";
import { projectFolders } from "../../lib/project.ts";
import { inspectTranslations } from "./check.ts";
import { summaryNotes } from "./messages.ts";

/** Options of `npm run check:i18n`. */
export interface TranslationCheckOptions {
  /** Warnings fail the check too. */
  strict: boolean;
}

/**
 * The translation check as a gate (`npm run check:i18n`): locale files, the texts templates and
 * code use, page pairs and outdated translations, always of the whole project.
 */
export const translationGate: Gate<TranslationCheckOptions> = {
  name: "i18n",
  title: "Translation check",
  summary:
    "Checks the translations: locale texts, the texts templates use, page pairs, outdated translations.",
  usage: `Usage: npm run check:i18n [-- OPTIONS]

It always checks the whole project; it takes no file names.

Options:
  --strict        fail on warnings too`,
  options: { strict: { type: "boolean" } },
  parse: (args) => ({ strict: args.values.strict === true }),
  async run(options, context) {
    const inspection = await inspectTranslations({ projectRoot: context.projectRoot });
    const localeFiles = new Set([
      ...inspection.locales.files.map((file) => file.file),
      ...inspection.locales.findings.map((finding) => finding.location.file),
    ]).size;
    const pages = new Set([
      ...inspection.pages.map((page) => page.file),
      ...inspection.findings
        .filter((finding) => finding.rule === "front-matter")
        .map((finding) => finding.location.file),
    ]).size;
    if (localeFiles === 0) {
      throw new CouldNotCheckError(
        `no locale file was found in ${projectFolders.locales}/: run the check in the project folder`,
      );
    }
    if (pages === 0) {
      throw new CouldNotCheckError(
        `no page was found in ${projectFolders.site}/<language>/: run the check in the project folder`,
      );
    }
    return {
      findings: inspection.findings,
      checked: { "locale files": localeFiles, pages },
      notes: summaryNotes(inspection.findings, options.strict),
    };
  },
  fails: (finding, options) => finding.severity === "error" || options.strict,
};

import type { Finding, FindingCode } from "../../lib/translation-findings.ts";
import { projectFiles, projectFolders } from "../../lib/project.ts";

/** What each kind of finding is, in a few words, for the summary. */
const kindLabels: Record<FindingCode, string> = {
  "invalid-json": "Locale files that are not valid JSON",
  "duplicate-key": "Texts written twice in one file",
  "reserved-key": "Texts named __proto__, constructor or prototype",
  "locale-file-missing": "Locale files missing in a language",
  "missing-key": "Texts missing in a language",
  "extra-key": "Texts found only in a translation",
  "not-text": "Values that are not text",
  "empty-value": "Empty texts",
  "placeholders-differ": "Texts whose {{placeholders}} differ between languages",
  "plural-incomplete": "Texts with incomplete plural forms",
  "markup-not-allowed": "Texts with HTML where none is allowed",
  "unknown-key": "Uses of texts that do not exist",
  "unused-key": "Texts that nothing uses",
  "front-matter": "Pages whose front matter cannot be read",
  page: "Pages with a front matter or pairing problem",
  "headings-differ": "Page pairs whose headings differ",
  "facts-differ": "Facts given differently in a translation",
  "page-outdated": "Outdated translated pages",
  "page-not-marked": "Translated pages not yet marked",
  "page-untranslated": "Pages not translated yet",
  "key-outdated": "Outdated translated texts",
  "key-not-marked": "Translated texts not yet marked",
  "key-untranslated": "Texts not translated yet",
  "data-untranslated": `Texts of ${projectFolders.data}/ not translated yet`,
  "record-invalid": `Problems in ${projectFiles.translationRecord}`,
  "record-stale": `Entries in ${projectFiles.translationRecord} for texts that are gone`,
};

/**
 * The lines after the findings: how many of each kind, and what to do next. Errors always fail
 * the check; warnings only with `strict`.
 */
export function summaryNotes(findings: readonly Finding[], strict: boolean): string[] {
  const kinds = new Map<FindingCode, number>();
  for (const finding of findings) kinds.set(finding.rule, (kinds.get(finding.rule) ?? 0) + 1);
  const notes = [...kinds].map(([code, amount]) => `  ${kindLabels[code]}: ${amount}`);
  const hasErrors = findings.some((finding) => finding.severity === "error");
  if (hasErrors) {
    notes.push(
      "Fix the errors listed above (each line names the file, line and text), then run the check again.",
    );
  } else if (findings.length > 0) {
    notes.push(
      strict
        ? "With --strict, warnings count as errors."
        : "The warnings do not stop the site from being published, but please deal with them.",
    );
  }
  notes.push('For an overview per language, run "npm run i18n:status".');
  return notes;
}

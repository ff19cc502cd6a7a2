import { formatLocation } from "../../lib/errors.ts";
import type { Finding, FindingCode } from "./types.ts";

/** What each kind of finding is, in a few words, for the summary. */
const kindLabels: Record<FindingCode, string> = {
  "invalid-json": "Locale files that are not valid JSON",
  "duplicate-key": "Texts written twice in one file",
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
  "facts-differ": "Facts given differently in the two languages",
  "page-outdated": "Outdated translated pages",
  "page-not-marked": "Translated pages not yet marked",
  "key-outdated": "Outdated translated texts",
  "key-not-marked": "Translated texts not yet marked",
  "record-invalid": "Problems in locales/translated-from.json",
  "record-stale": "Entries in locales/translated-from.json for texts that are gone",
};

/** Whether the findings fail the check: errors always, warnings with `strict`. */
export function failsCheck(findings: readonly Finding[], strict: boolean): boolean {
  return findings.some((finding) => finding.severity === "error" || strict);
}

/** One line per finding: `file:line:col (key): error: message`. */
export function formatFinding(finding: Finding): string {
  return `${formatLocation(finding.location)}: ${finding.severity}: ${finding.message}`;
}

function count(findings: readonly Finding[], severity: Finding["severity"]): number {
  return findings.filter((finding) => finding.severity === severity).length;
}

function plural(amount: number, word: string): string {
  return `${amount === 0 ? "no" : amount} ${word}${amount === 1 ? "" : "s"}`;
}

/** The findings for people: one line each, then what they add up to and what to do. */
export function formatReport(findings: readonly Finding[], strict: boolean): string {
  const lines = findings.map(formatFinding);
  if (lines.length > 0) lines.push("");
  const errors = count(findings, "error");
  const warnings = count(findings, "warning");
  lines.push(`Translation check: ${plural(errors, "error")}, ${plural(warnings, "warning")}.`);
  const kinds = new Map<FindingCode, number>();
  for (const finding of findings) kinds.set(finding.code, (kinds.get(finding.code) ?? 0) + 1);
  for (const [code, amount] of kinds) lines.push(`  ${kindLabels[code]}: ${amount}`);
  if (errors > 0) {
    lines.push(
      "Failed: fix the errors listed above (each line names the file, line and text), then run the check again.",
    );
  } else if (failsCheck(findings, strict)) {
    lines.push("Failed: with --strict, warnings count as errors.");
  } else {
    lines.push(
      warnings > 0
        ? "Passed. The warnings do not stop the site from being published, but please deal with them."
        : "Passed: all texts and pages are complete and up to date.",
    );
  }
  lines.push('For an overview per language, run "npm run i18n:status".');
  return `${lines.join("\n")}\n`;
}

/** The findings for machines. */
export function reportAsJson(findings: readonly Finding[], strict: boolean): string {
  return `${JSON.stringify(
    {
      passed: !failsCheck(findings, strict),
      errors: count(findings, "error"),
      warnings: count(findings, "warning"),
      findings: findings.map(({ severity, code, location, message, related }) => ({
        severity,
        code,
        ...location,
        message,
        ...(related === undefined ? {} : { related }),
      })),
    },
    null,
    2,
  )}\n`;
}

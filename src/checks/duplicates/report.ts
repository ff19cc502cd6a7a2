import type { AllowEntry, BlockKind, DuplicateReport, Finding, Occurrence } from "./types.ts";

const LANGUAGE_NAMES: Partial<Record<string, string>> = { de: "German", en: "English" };

const BLOCK_NAMES: Record<BlockKind, string> = {
  paragraph: "paragraph",
  "list item": "list item",
  heading: "heading",
  "table cell": "table cell",
  blockquote: "quotation",
  section: "heading with its text",
};

/** The report as editors read it: one finding per repeated text, then a summary line. */
export function formatReport(report: DuplicateReport): string {
  const lines: string[] = [];
  for (const finding of report.findings) {
    lines.push(headline(finding));
    for (const occurrence of finding.occurrences) {
      const language = finding.kind === "untranslated" ? ` (${languageName(occurrence.lang)})` : "";
      lines.push(`  ${location(occurrence)}${language}`);
    }
    lines.push(`  “${finding.excerpt}”`, `  id: ${finding.hash}`, "");
  }
  for (const warning of report.warnings) lines.push(`Note: ${warning}`);
  if (report.warnings.length > 0) lines.push("");
  lines.push(summary(report));
  if (report.findings.length > 0) {
    lines.push(
      "Remove or rewrite the repeated text. If a repeat is intended, add its id and a reason to duplicates-allow.json.",
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The report as JSON for other tools. */
export function reportAsJson(report: DuplicateReport): object {
  return {
    summary: {
      files: report.fileCount,
      blocks: report.blockCount,
      findings: report.findings.length,
      accepted: report.accepted.length,
    },
    findings: report.findings,
    accepted: report.accepted.map(({ finding, reason }) => ({ ...finding, reason })),
    warnings: report.warnings,
  };
}

/** Notes for allow-list entries that no longer match anything. */
export function unusedEntryWarnings(entries: AllowEntry[], fileName: string): string[] {
  return entries.map(
    (entry) =>
      `${fileName}: entry ${entry.position} (id ${entry.hash}) no longer matches any text. ` +
      "If that text was changed or removed on purpose, delete the entry.",
  );
}

/** path:line for a block, path:first-last for text spanning several blocks. */
function location(occurrence: Occurrence): string {
  const spansBlocks = occurrence.blockKind === undefined || occurrence.blockKind === "section";
  return spansBlocks && occurrence.endLine > occurrence.startLine
    ? `${occurrence.path}:${occurrence.startLine}-${occurrence.endLine}`
    : `${occurrence.path}:${occurrence.startLine}`;
}

function headline(finding: Finding): string {
  const count = finding.occurrences.length;
  const what = BLOCK_NAMES[finding.occurrences[0]?.blockKind ?? "paragraph"];
  switch (finding.kind) {
    case "repeated-run":
      return `Repeated passage: the same ${finding.blockCount ?? 0} blocks in a row stand ${times(count)} in this file (pasted twice?).`;
    case "exact-repeat":
      return `Exact repeat: the same ${what} stands ${times(count)}.`;
    case "near-repeat":
      return `Near repeat: ${count} blocks say almost the same (${Math.round((finding.similarity ?? 1) * 100)}% of the wording is shared).`;
    case "untranslated": {
      const languages = [...new Set(finding.occurrences.map((o) => languageName(o.lang)))];
      return `Untranslated: the same ${what} stands on pages in ${languages.join(" and ")}.`;
    }
  }
}

function summary(report: DuplicateReport): string {
  const checked = `${plural(report.fileCount, "file")} (${plural(report.blockCount, "block")})`;
  const accepted =
    report.accepted.length > 0
      ? ` ${plural(report.accepted.length, "repeat")} accepted by the allow-list.`
      : "";
  if (report.findings.length === 0) return `No repeated text found in ${checked}.${accepted}`;
  return `Checked ${checked}: ${plural(report.findings.length, "finding")}.${accepted}`;
}

function times(count: number): string {
  return count === 2 ? "twice" : `${count} times`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function languageName(lang: string): string {
  return LANGUAGE_NAMES[lang] ?? `language "${lang}"`;
}

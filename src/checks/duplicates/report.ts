import { languageName } from "../../lib/languages.ts";
import type { Finding } from "../gate.ts";
import type { AllowEntry, BlockKind, DuplicateReport, Occurrence, Repeat } from "./types.ts";

const BLOCK_NAMES: Record<BlockKind, string> = {
  paragraph: "paragraph",
  "list item": "list item",
  heading: "heading",
  "table cell": "table cell",
  blockquote: "quotation",
  section: "heading with its text",
};

/** The hint shown after the findings when there are any. */
export const FIX_HINT =
  "Remove or rewrite the repeated text. If a repeat is intended, add its id and a reason to duplicates-allow.json.";

/**
 * A repeat as a finding of the gate: located at its first place, the other places related and
 * named in the message (with their line ranges), the id for the allow-list at the end.
 */
export function repeatFinding(repeat: Repeat): Finding {
  const [first, ...others] = repeat.occurrences;
  const places = repeat.occurrences.map((occurrence) =>
    repeat.kind === "untranslated"
      ? `${place(occurrence)} (${languageName(occurrence.lang)})`
      : place(occurrence),
  );
  return {
    rule: repeat.kind,
    severity: "error",
    message: `${headline(repeat)} It stands at ${places.join(", ")}: “${repeat.excerpt}” (id ${repeat.hash})`,
    ...(first === undefined ? {} : { location: { file: first.path, line: first.startLine } }),
    related: others.map((occurrence) => ({ file: occurrence.path, line: occurrence.startLine })),
    excerpt: repeat.excerpt,
  };
}

/** What the human output shows after the findings: page warnings, the allow-list's work. */
export function reportNotes(report: DuplicateReport): string[] {
  const notes = report.warnings.map((warning) => `Note: ${warning}`);
  if (report.accepted.length > 0) {
    notes.push(`${plural(report.accepted.length, "repeat")} accepted by the allow-list.`);
  }
  if (report.findings.length > 0) notes.push(FIX_HINT);
  return notes;
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
function place(occurrence: Occurrence): string {
  const spansBlocks = occurrence.blockKind === undefined || occurrence.blockKind === "section";
  return spansBlocks && occurrence.endLine > occurrence.startLine
    ? `${occurrence.path}:${occurrence.startLine}-${occurrence.endLine}`
    : `${occurrence.path}:${occurrence.startLine}`;
}

function headline(repeat: Repeat): string {
  const count = repeat.occurrences.length;
  const what = BLOCK_NAMES[repeat.occurrences[0]?.blockKind ?? "paragraph"];
  switch (repeat.kind) {
    case "repeated-run":
      return `Repeated passage: the same ${repeat.blockCount ?? 0} blocks in a row stand ${times(count)} in this file (pasted twice?).`;
    case "exact-repeat":
      return `Exact repeat: the same ${what} stands ${times(count)}.`;
    case "near-repeat":
      return `Near repeat: ${count} blocks say almost the same (${Math.round((repeat.similarity ?? 1) * 100)}% of the wording is shared).`;
    case "untranslated": {
      const languages = [...new Set(repeat.occurrences.map((o) => languageName(o.lang)))];
      return `Untranslated: the same ${what} stands on pages in ${languages.join(" and ")}.`;
    }
  }
}

function times(count: number): string {
  return count === 2 ? "twice" : `${count} times`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

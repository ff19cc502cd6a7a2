import type { ContentLocation } from "./errors.ts";

/** What kind of problem a translation finding is, for machines (`--json`) and tests. */
export type FindingCode =
  | "invalid-json"
  | "duplicate-key"
  | "reserved-key"
  | "locale-file-missing"
  | "missing-key"
  | "extra-key"
  | "not-text"
  | "empty-value"
  | "placeholders-differ"
  | "plural-incomplete"
  | "markup-not-allowed"
  | "unknown-key"
  | "unused-key"
  | "front-matter"
  | "page"
  | "headings-differ"
  | "facts-differ"
  | "page-outdated"
  | "page-not-marked"
  | "page-untranslated"
  | "key-outdated"
  | "key-not-marked"
  | "key-untranslated"
  | "data-untranslated"
  | "record-invalid"
  | "record-stale";

/**
 * One problem found in the translations, always located in a project file: the shape of the
 * gate contract's finding (`src/checks/gate.ts`), which the translation check reports as it is.
 */
export interface Finding {
  rule: FindingCode;
  severity: "error" | "warning";
  /** What is wrong and what to do, in words for translators. */
  message: string;
  location: ContentLocation;
  /** Other places the finding speaks of (the source, the other copy of a key). */
  related?: ContentLocation[];
}

/** Paths in messages are relative to the project and use `/` on every system. */
export function portablePath(relativePath: string): string {
  return relativePath.split("\\").join("/");
}

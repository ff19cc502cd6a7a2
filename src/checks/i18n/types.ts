import type { ContentLocation } from "../../lib/errors.ts";
import type { Language } from "../../lib/languages.ts";

/** Errors fail the check; warnings fail it only with `--strict`. */
export type Severity = "error" | "warning";

/** What kind of problem a finding is, for machines (`--json`) and tests. */
export type FindingCode =
  | "invalid-json"
  | "duplicate-key"
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
  | "key-outdated"
  | "key-not-marked"
  | "record-invalid"
  | "record-stale";

/** One problem, located as precisely as it is known. */
export interface Finding {
  severity: Severity;
  code: FindingCode;
  location: ContentLocation;
  /** What is wrong and what to do, in words for translators. */
  message: string;
  /** The other file the message speaks of, e.g. the German source of an English text. */
  related?: ContentLocation;
}

/** A wrong command line or a folder that is not a project: the command cannot run (exit 2). */
export class I18nUsageError extends Error {
  override name = "I18nUsageError";
}

const displayNames = new Intl.DisplayNames("en", { type: "language" });

/** A language's English name ("German"), for messages. */
export function languageName(language: Language): string {
  return displayNames.of(language) ?? language;
}

/** Paths in messages are relative to the project and use `/` on every system. */
export function projectPath(relativePath: string): string {
  return relativePath.split("\\").join("/");
}

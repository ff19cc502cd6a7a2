import type { ContentLocation } from "../../lib/errors.ts";
import type { Finding as GateFinding } from "../gate.ts";

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

/**
 * One problem the translation check found: the gate contract's finding, its rule one of the
 * codes above and always located in a project file.
 */
export interface Finding extends GateFinding {
  rule: FindingCode;
  location: ContentLocation;
}

/** Paths in messages are relative to the project and use `/` on every system. */
export function projectPath(relativePath: string): string {
  return relativePath.split("\\").join("/");
}

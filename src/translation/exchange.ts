import { createHash } from "node:crypto";
import type { CodeKind, Inline } from "./inline.ts";
import type { Segment } from "./segments.ts";

/**
 * Where a segment's translation stands:
 * - `new`: there is no translation yet (or none that follows the source page's structure);
 * - `changed`: the source changed since the translation was made;
 * - `unconfirmed`: translated, but nobody has recorded which source version it was made from;
 * - `current`: translated from the source as it is now.
 */
export type UnitState = "new" | "changed" | "unconfirmed" | "current";

/** A segment as exchanged: the German, the current translation and what a translator needs to know. */
export interface ExchangeUnit {
  segment: Segment;
  target?: Inline[];
  state: UnitState;
  /** Context for the translator: where it is, the heading above, the German it was made from. */
  notes: string[];
}

/** The segments of one German file (a page or a locale file). */
export interface ExchangeFile {
  /** The German file, relative to the project. */
  original: string;
  units: ExchangeUnit[];
}

/**
 * What a unit's source is, as a value CAT tools keep: `sha256:` and the first 12 hex digits of
 * the hash of the segment's text and of what each of its codes stands for in the page (which
 * fact, which link address), not of how the file shows them. The export writes it on the unit
 * (XLIFF 1.2 `resname`, 2.0 `name`): tools that write the translation back into the file they
 * were given keep a unit's attributes, even those that rebuild its tags without `equiv-text`.
 */
export function sourceIdentity(content: readonly Inline[]): string {
  const meaning = JSON.stringify(content, [
    "type",
    "id",
    "kind",
    "markdown",
    "open",
    "close",
    "content",
  ]);
  return `sha256:${createHash("sha256").update(meaning).digest("hex").slice(0, 12)}`;
}

/** A segment as read back from an exchange file. */
export interface ReceivedUnit {
  id: string;
  /** The `original` of the file it is in. */
  file: string;
  /** The line of its unit and of its target, for messages. */
  line: number;
  targetLine: number;
  source: Inline[];
  /** The unit's `sourceIdentity` as the file has it; undefined when a tool dropped it. */
  sourceIdentity?: string;
  /** Undefined when the file has no target for it. */
  target?: Inline[];
  /**
   * Whether the translation is done: 1.2 a target translated, signed-off or final, or the unit
   * approved; 2.0 every segment translated, reviewed or final.
   */
  done: boolean;
}

/** A problem of the file itself, found while reading it. */
export interface ReadProblem {
  line: number;
  id?: string;
  message: string;
}

/** An exchange file as read. */
export interface ReceivedDocument {
  /** The languages as the file names them (BCP 47 tags, such as `de-DE` and `en-GB`). */
  sourceLanguage: string;
  targetLanguage: string;
  /** The line on which the languages are given. */
  languageLine: number;
  units: ReceivedUnit[];
  problems: ReadProblem[];
}

/** How each kind of code is named in XLIFF 1.2 (`ctype`) and 2.0 (`type` and `subType`). */
export const codeNames: Record<
  Exclude<CodeKind, "lang">,
  { ctype: string; type: string; subType?: string }
> = {
  template: { ctype: "x-template", type: "other", subType: "gw:template" },
  markup: { ctype: "x-markup", type: "fmt", subType: "gw:markup" },
  code: { ctype: "x-code", type: "fmt", subType: "gw:code" },
  image: { ctype: "image", type: "image" },
  break: { ctype: "lb", type: "fmt", subType: "xlf:lb" },
  link: { ctype: "link", type: "link" },
  emphasis: { ctype: "italic", type: "fmt", subType: "xlf:i" },
  strong: { ctype: "bold", type: "fmt", subType: "xlf:b" },
  strike: { ctype: "x-strike", type: "fmt", subType: "gw:strike" },
};

/** The code kind an XLIFF name stands for; language spans carry their language in the name. */
export function kindOfName(name: string | undefined): { kind?: CodeKind; language?: string } {
  const language = /^(?:x|gw):lang-([A-Za-z0-9-]+)$|^x-lang-([A-Za-z0-9-]+)$/.exec(name ?? "");
  if (language !== null) return { kind: "lang", language: language[1] ?? language[2] ?? "" };
  const entry = Object.entries(codeNames).find(
    ([, names]) => names.ctype === name || names.subType === name,
  );
  return entry === undefined ? {} : { kind: entry[0] as CodeKind };
}

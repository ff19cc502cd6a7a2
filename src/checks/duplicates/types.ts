/** The three kinds of file the duplicate check reads. */
export type SourceFormat = "markdown" | "html" | "text";

/** What a block is in the page, in words an editor recognises. */
export type BlockKind =
  "paragraph" | "list item" | "heading" | "table cell" | "blockquote" | "section";

/** A file handed to the check: its path as it should be shown, its text and how to read it. */
export interface CheckableFile {
  path: string;
  content: string;
  format: SourceFormat;
  /** Language for files that cannot tell their own (plain text); "und" when unknown. */
  lang?: string;
}

/** One unit of text compared by the check, with its place in the source file. */
export interface Block {
  kind: BlockKind;
  /** 1-based first and last line of the block in its source file. */
  startLine: number;
  endLine: number;
  lang: string;
  /** The block's source text, markup included; excerpts are made from it. */
  rawText: string;
  /** The text reduced to what counts for comparison (see normalise.ts). */
  normalised: string;
  /** Whether the text is long enough to be compared (see thresholds.ts). */
  comparable: boolean;
}

/** The blocks found in one file, in reading order. */
export interface ExtractedFile {
  path: string;
  format: SourceFormat;
  blocks: Block[];
  /** Set when a page could not be checked as a whole, e.g. an HTML page without <main>. */
  warning?: string;
}

export type RepeatKind = "repeated-run" | "exact-repeat" | "near-repeat" | "untranslated";

/** Where a finding's text stands. */
export interface Occurrence {
  path: string;
  startLine: number;
  endLine: number;
  lang: string;
  /** What the text is; absent for a repeated run, which spans several blocks. */
  blockKind?: BlockKind;
}

/** One problem to show the editor. */
export interface Repeat {
  kind: RepeatKind;
  /** Identifies the repeated text for the allow-list; changes as soon as the text is edited. */
  hash: string;
  excerpt: string;
  occurrences: Occurrence[];
  /** Repeated runs: how many blocks one copy of the run has. */
  blockCount?: number;
  /** Near repeats: the lowest share of wording two of the blocks have in common (0 to 1). */
  similarity?: number;
}

/** A repeat the editors accepted on purpose, from duplicates-allow.json. */
export interface AllowEntry {
  /** 1-based number of the entry in the file, for messages. */
  position: number;
  hash: string;
  reason: string;
  files?: string[];
}

/** A finding that matched an allow-list entry. */
export interface AcceptedRepeat {
  finding: Repeat;
  reason: string;
}

/** Everything the check found, ready to print or serialise. */
export interface DuplicateReport {
  fileCount: number;
  blockCount: number;
  findings: Repeat[];
  accepted: AcceptedRepeat[];
  /** Allow-list entries that matched no finding (their text was edited or removed). */
  unusedAllowEntries: AllowEntry[];
  warnings: string[];
}

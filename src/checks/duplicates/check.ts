import { applyAllowList } from "./allow-list.ts";
import { extractHtml } from "./extract-html.ts";
import { extractMarkdown } from "./extract-markdown.ts";
import { extractText } from "./extract-text.ts";
import { findExactRepeats } from "./find-exact.ts";
import { findNearRepeats } from "./find-near.ts";
import { findRepeatedRuns, type RepeatedRun } from "./find-runs.ts";
import { findUntranslated } from "./find-untranslated.ts";
import { UNKNOWN_LANGUAGE } from "./language.ts";
import { Coverage, locateBlocks, occurrenceOf, type Located } from "./located.ts";
import { excerptOf, textHash } from "./normalise.ts";
import { headingSections } from "./sections.ts";
import type {
  AllowEntry,
  CheckableFile,
  DuplicateReport,
  ExtractedFile,
  Repeat,
  RepeatKind,
  SourceFormat,
} from "./types.ts";

/** Options of {@link checkDuplicates}. */
export interface CheckOptions {
  /** Repeats accepted on purpose (see allow-list.ts). */
  allowList?: AllowEntry[];
}

const KIND_ORDER: Record<RepeatKind, number> = {
  "repeated-run": 0,
  "exact-repeat": 1,
  "near-repeat": 2,
  untranslated: 3,
};

/**
 * Checks files for repeated text: runs of blocks pasted twice in a file,
 * blocks repeated exactly or nearly within or across pages of one language,
 * and identical blocks on pages of different languages (untranslated).
 * Markdown is compared with Markdown and built HTML with built HTML, since a
 * built page always repeats its own source; a repeat that the Markdown
 * sources show as well is reported on the sources only.
 * Blocks inside a reported run or a reported heading section are not
 * reported again on their own. The work grows linearly with the amount of text.
 */
export function checkDuplicates(
  files: CheckableFile[],
  options: CheckOptions = {},
): DuplicateReport {
  const extracted = files.map(extractFile);
  const contentBlocks = locateBlocks(extracted).filter(
    (located) => located.block.kind !== "heading",
  );
  const coverage = new Coverage();
  const found: { finding: Repeat; format: SourceFormat }[] = [];

  for (const run of findRepeatedRuns(extracted)) {
    for (const start of run.starts) coverage.add(run.file, start, start + run.length - 1);
    found.push({ finding: runFinding(run), format: run.file.format });
  }
  const blockRepeats = findExactRepeats(contentBlocks);
  const repeatedTexts = new Set(blockRepeats.map((group) => group[0]?.block.normalised));
  const sectionRepeats = findExactRepeats(
    headingSections(extracted, (block) => repeatedTexts.has(block.normalised)),
  );
  // Sections first, so that the paragraphs of a repeated section are not
  // reported once more on their own.
  for (const group of [...sectionRepeats, ...blockRepeats]) {
    if (group.every((located) => coverage.includes(located))) continue;
    for (const located of group) coverage.add(located.file, located.first, located.last);
    found.push(groupFinding("exact-repeat", group));
  }
  for (const near of findNearRepeats(contentBlocks)) {
    const { finding, format } = groupFinding("near-repeat", near.blocks);
    found.push({ finding: { ...finding, similarity: near.similarity }, format });
  }
  for (const group of findUntranslated(contentBlocks)) {
    found.push(groupFinding("untranslated", group));
  }

  // A built page repeats what its Markdown source repeats: such a repeat is
  // reported once, on the sources, where an editor fixes it.
  const keyOf = (finding: Repeat): string => `${finding.kind} ${finding.hash}`;
  const inSources = new Set(
    found.filter(({ format }) => format === "markdown").map(({ finding }) => keyOf(finding)),
  );
  const findings = found
    .filter(({ finding, format }) => format !== "html" || !inSources.has(keyOf(finding)))
    .map(({ finding }) => finding);

  const fileOrder = new Map(extracted.map((file, index) => [file.path, index]));
  findings.sort((a, b) => {
    const first = a.occurrences[0];
    const second = b.occurrences[0];
    return (
      (fileOrder.get(first?.path ?? "") ?? 0) - (fileOrder.get(second?.path ?? "") ?? 0) ||
      (first?.startLine ?? 0) - (second?.startLine ?? 0) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind]
    );
  });
  const allowed = applyAllowList(findings, options.allowList ?? []);
  return {
    fileCount: extracted.length,
    blockCount: extracted.reduce((sum, file) => sum + file.blocks.length, 0),
    findings: allowed.findings,
    accepted: allowed.accepted,
    unusedAllowEntries: allowed.unused,
    warnings: extracted.flatMap((file) => (file.warning === undefined ? [] : [file.warning])),
  };
}

/** Reads one file into blocks according to its format. */
export function extractFile(file: CheckableFile): ExtractedFile {
  switch (file.format) {
    case "markdown":
      return extractMarkdown(file.path, file.content);
    case "html":
      return extractHtml(file.path, file.content);
    case "text":
      return extractText(file.path, file.content, file.lang ?? UNKNOWN_LANGUAGE);
  }
}

function runFinding(run: RepeatedRun): Repeat {
  const blocks = run.file.blocks;
  return {
    kind: "repeated-run",
    hash: textHash(run.normalised),
    excerpt: excerptOf(blocks[run.starts[0] ?? 0]?.rawText ?? ""),
    blockCount: run.length,
    occurrences: run.starts.map((start) => {
      const first = blocks[start];
      return {
        path: run.file.path,
        startLine: first?.startLine ?? 0,
        endLine: blocks[start + run.length - 1]?.endLine ?? 0,
        lang: first?.lang ?? UNKNOWN_LANGUAGE,
      };
    }),
  };
}

function groupFinding(
  kind: RepeatKind,
  group: Located[],
): { finding: Repeat; format: SourceFormat } {
  const texts = [...new Set(group.map((located) => located.block.normalised))].sort();
  return {
    finding: {
      kind,
      hash: textHash(texts.join("\n")),
      excerpt: excerptOf(group[0]?.block.rawText ?? ""),
      occurrences: group.map(occurrenceOf),
    },
    format: group[0]?.file.format ?? "markdown",
  };
}

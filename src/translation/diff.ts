import { diffWords } from "diff";
import { serialise, shapeOf } from "./inline.ts";
import type { TranslationProject } from "./project.ts";
import { latestEntry } from "./tmx.ts";

/** A run of words the same in both versions, or only in the old or the new one. */
export interface WordChange {
  kind: "same" | "removed" | "added";
  text: string;
}

/** A German segment that changed since its translation was made. */
export interface SegmentChange {
  id: string;
  /** The German file and line. */
  file: string;
  line: number;
  heading?: string;
  /** The German the translation was made from; undefined for a segment that is new. */
  before?: string;
  /** The German now; undefined for a segment that was removed. */
  after?: string;
  words: WordChange[];
}

/** The changes of one outdated page or locale file. */
export interface ChangedTranslation {
  /** The translation to update. */
  translation: string;
  source: string;
  changes: SegmentChange[];
}

/** The word-level difference between two texts (jsdiff's `diffWords`). */
export function wordDiff(before: string, after: string): WordChange[] {
  return diffWords(before, after).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
}

/** A word diff as one line of text: `[-removed-]{+added+}`, the notation of `wdiff`. */
export function formatWordDiff(words: readonly WordChange[]): string {
  return words
    .map(({ kind, text }) =>
      kind === "same" ? text : kind === "removed" ? `[-${text}-]` : `{+${text}+}`,
    )
    .join("");
}

/**
 * For each outdated page and locale text, the German segments that changed since the
 * translation was made, as the translation memory remembers them: changed, new and removed.
 */
export function changedTranslations(project: TranslationProject): ChangedTranslation[] {
  const pages = project.pages
    .filter((page) => page.state === "outdated")
    .map((page): ChangedTranslation => {
      const segments = [...page.sourceSegments.fields, ...page.sourceSegments.blocks];
      const ids = new Set(segments.map((segment) => segment.id));
      const changes = segments.flatMap((segment): SegmentChange[] => {
        const remembered = latestEntry(project.memory, segment.id);
        if (remembered !== undefined && shapeOf(remembered.source) === shapeOf(segment.content)) {
          return [];
        }
        const after = serialise(segment.content, segment.format);
        const before =
          remembered === undefined ? undefined : serialise(remembered.source, segment.format);
        return [
          {
            id: segment.id,
            file: page.source.file,
            line: segment.line,
            ...(segment.heading === undefined ? {} : { heading: segment.heading }),
            ...(before === undefined ? {} : { before }),
            after,
            words: wordDiff(before ?? "", after),
          },
        ];
      });
      const removed = [...project.memory.keys()]
        .flatMap((id) => latestEntry(project.memory, id) ?? [])
        .filter((entry) => entry.file === page.source.file && !ids.has(entry.id))
        .map((entry): SegmentChange => {
          const before = serialise(entry.source, "markdown");
          return { id: entry.id, file: entry.file, line: 1, before, words: wordDiff(before, "") };
        });
      return {
        translation: page.translation.file,
        source: page.source.file,
        changes: [...changes, ...removed],
      };
    });
  const texts = project.texts
    .filter(({ unit }) => unit.state === "changed")
    .map(({ source, translation, unit }): ChangedTranslation => {
      const remembered = latestEntry(project.memory, source.key);
      const after = serialise(unit.segment.content, "text");
      const before = remembered === undefined ? undefined : serialise(remembered.source, "text");
      return {
        translation: translation?.file ?? source.file,
        source: source.file,
        changes: [
          {
            id: source.key,
            file: source.file,
            line: source.line,
            ...(before === undefined ? {} : { before }),
            after,
            words: wordDiff(before ?? "", after),
          },
        ],
      };
    });
  return [...pages, ...texts];
}

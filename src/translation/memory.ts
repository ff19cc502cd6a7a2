import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { TranslationProject } from "./project.ts";
import {
  memoryFile,
  remember,
  writeMemory,
  type Memories,
  type Memory,
  type MemoryEntry,
} from "./tmx.ts";
import type { ExchangeUnit } from "./exchange.ts";

/** Which current translations to record in the memory. */
export interface MemorySelection {
  /** Every page and text translated from the source as it is now. */
  allCurrent?: boolean;
  /** Pages by the path of their source or translated file. */
  pages?: readonly string[];
  /** Locale texts by key. */
  keys?: readonly string[];
}

function entryOf(file: string, unit: ExchangeUnit): MemoryEntry[] {
  return unit.target === undefined
    ? []
    : [{ id: unit.segment.id, file, source: unit.segment.content, target: unit.target }];
}

/**
 * Every language pair's memory, with the selected translations of the project's target
 * language as they are now, dated `date`: for a page, every segment of a translation that
 * follows the source page's structure; for a text, its translation. A pair the memory has not
 * seen is added beside the earlier ones, so the memory still knows the source an outdated
 * translation was made from, and every earlier wording.
 */
export function refreshedMemory(
  project: TranslationProject,
  selection: MemorySelection,
  date: Date = new Date(),
): Memories {
  const memory: Memory = new Map(project.memory);
  const pages = new Set(selection.pages ?? []);
  const keys = new Set(selection.keys ?? []);
  const add = (entries: MemoryEntry[]) => {
    for (const entry of entries) remember(memory, entry, date);
  };
  for (const page of project.pages) {
    const chosen =
      pages.has(page.source.file) ||
      pages.has(page.translation.file) ||
      (selection.allCurrent === true && page.state === "current");
    if (!chosen) continue;
    add(page.units.flatMap((unit) => entryOf(page.source.file, unit)));
  }
  for (const text of project.texts) {
    const chosen =
      keys.has(text.source.key) || (selection.allCurrent === true && text.unit.state === "current");
    if (chosen) add(entryOf(text.source.file, text.unit));
  }
  return new Map(project.memories).set(project.targetLanguage, memory);
}

/** Writes the project's memory file, `locales/translation-memory.tmx`, with every language pair. */
export async function saveMemory(projectRoot: string, memories: Memories): Promise<void> {
  await writeFile(path.join(projectRoot, memoryFile), writeMemory(memories));
}

import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { CouldNotCheckError } from "../gate.ts";

/** Name of the allow-list file at the project root. */
export const ALLOW_LIST_FILE = "leichte-sprache-allow.json";

const allowListSchema = z.strictObject({
  $comment: z.string().optional(),
  entries: z.array(
    z.strictObject({
      /** The word as it stands on the page, e.g. a proper name such as "HealthCapital". */
      word: z.string().trim().min(1, 'its "word" is empty'),
      reason: z
        .string({ error: 'it has no "reason": write down why this word may stand' })
        .trim()
        .min(1, 'its "reason" is empty: write down why this word may stand'),
    }),
    { error: 'it needs a list called "entries"' },
  ),
});

/** The words the allow-list accepts, as a test. */
export type Allowed = (word: string) => boolean;

/**
 * Parses the allow-list: proper names that break a rule of Leichte Sprache (a long name, an
 * acronym) but must stand as they are. Each entry names one word and gives a reason.
 * Throws `CouldNotCheckError` naming the file and entry when it is malformed.
 */
export function parseAllowList(fileName: string, content: string): Allowed {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw new CouldNotCheckError(`${fileName} is not valid JSON (${(error as Error).message})`);
  }
  const result = allowListSchema.safeParse(data);
  if (!result.success) {
    const [issue] = result.error.issues;
    const where = issue?.path.length ? ` (${issue.path.join(".")})` : "";
    throw new CouldNotCheckError(`${fileName}${where}: ${issue?.message ?? "unreadable"}`);
  }
  const words = new Set(result.data.entries.map((entry) => entry.word));
  return (word) => words.has(word);
}

/** Reads the allow-list at the project root; a project without one allows no word. */
export async function readAllowList(projectRoot: string): Promise<Allowed> {
  let content: string;
  try {
    content = await readFile(path.join(projectRoot, ALLOW_LIST_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return () => false;
    throw error;
  }
  return parseAllowList(ALLOW_LIST_FILE, content);
}

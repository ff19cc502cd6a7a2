import { z } from "zod";
import { normaliseText, textHash } from "./normalise.ts";
import { CouldNotCheckError } from "../gate.ts";
import { type AcceptedRepeat, type AllowEntry, type Repeat } from "./types.ts";

/** Name of the allow-list file at the project root. */
export const ALLOW_LIST_FILE = "duplicates-allow.json";

const entrySchema = z
  .object({
    hash: z
      .string()
      .regex(/^[0-9a-f]{16}$/, 'its "hash" must be the 16-character id printed by the check'),
    text: z.string().trim().min(1, 'its "text" is empty'),
    reason: z
      .string({ error: 'it has no "reason": write down why this repeat is fine' })
      .trim()
      .min(1, 'its "reason" is empty: write down why this repeat is fine'),
    files: z.array(z.string().min(1), { error: '"files" must be a list of file paths' }),
  })
  .partial({ hash: true, text: true, files: true })
  .strict()
  .refine((entry) => (entry.hash === undefined) !== (entry.text === undefined), {
    message: 'it needs either "hash" or "text" (one of them, not both)',
  });

const allowListSchema = z.object({
  $comment: z.string().optional(),
  entries: z.array(z.unknown(), { error: 'it needs a list called "entries"' }),
});

/**
 * Reads the allow-list: repeats the editors accept on purpose. Each entry
 * names the repeated text by the hash the check prints (or by the text
 * itself, for a single block), gives a written reason and may restrict the
 * acceptance to some files. Throws with a message naming the file and entry.
 */
export function parseAllowList(fileName: string, content: string): AllowEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw new CouldNotCheckError(`${fileName} is not valid JSON (${(error as Error).message}).`, {
      cause: error,
    });
  }
  const list = allowListSchema.safeParse(data);
  if (!list.success)
    throw new CouldNotCheckError(`${fileName}: ${list.error.issues[0]?.message ?? "unreadable"}.`);

  return list.data.entries.map((raw, index) => {
    const entry = entrySchema.safeParse(raw);
    if (!entry.success) {
      const message = entry.error.issues[0]?.message ?? "it cannot be read";
      throw new CouldNotCheckError(`${fileName}: entry ${index + 1} cannot be used: ${message}.`);
    }
    const { hash, text, reason, files } = entry.data;
    return {
      position: index + 1,
      hash: hash ?? textHash(normaliseText(text ?? "")),
      reason,
      ...(files === undefined ? {} : { files: files.map(normalisePath) }),
    };
  });
}

/**
 * Splits findings into those still to report and those an entry accepts. An
 * entry accepts a finding whose text has its hash and, if it lists files,
 * whose every occurrence is in one of them.
 */
export function applyAllowList(
  findings: Repeat[],
  entries: AllowEntry[],
): { findings: Repeat[]; accepted: AcceptedRepeat[]; unused: AllowEntry[] } {
  const used = new Set<AllowEntry>();
  const accepted: AcceptedRepeat[] = [];
  const remaining = findings.filter((finding) => {
    const entry = entries.find(
      (candidate) =>
        candidate.hash === finding.hash &&
        (candidate.files === undefined ||
          finding.occurrences.every((occurrence) =>
            candidate.files?.includes(normalisePath(occurrence.path)),
          )),
    );
    if (entry === undefined) return true;
    used.add(entry);
    accepted.push({ finding, reason: entry.reason });
    return false;
  });
  return { findings: remaining, accepted, unused: entries.filter((entry) => !used.has(entry)) };
}

function normalisePath(path: string): string {
  return path.replaceAll("\\", "/").replace(/^(\.\/)+/, "");
}

/**
 * The duplicate-content check: refuses repeated text before the site is
 * published. Its gate is `duplicatesGate`; typical use from a script:
 *
 *   const files = readFiles(await collectFiles(["src"], root), { cwd: root });
 *   const report = checkDuplicates(files, { allowList });
 *
 * Blocks shorter than 8 words or 50 characters are never compared (see
 * thresholds.ts), so headings such as "Kontakt", dates and names never count.
 */
export { ALLOW_LIST_FILE, parseAllowList } from "./allow-list.ts";
export { checkDuplicates, type CheckOptions } from "./check.ts";
export { collectFiles, collectProjectFiles, readFiles } from "./files.ts";
export { duplicatesGate, type DuplicateCheckOptions, type DuplicateDetails } from "./gate.ts";
export type * from "./types.ts";

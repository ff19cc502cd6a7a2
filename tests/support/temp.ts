import { mkdtempSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const created: string[] = [];

/** Makes a temporary folder that is removed after the current test file (see tests/setup.ts). */
export async function makeTempDir(prefix: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), prefix));
  created.push(folder);
  return folder;
}

/** `makeTempDir` for code that cannot wait: the folder is removed the same way. */
export function makeTempDirSync(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(folder);
  return folder;
}

/** Removes every folder `makeTempDir` made so far. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(
    created.splice(0).map((folder) => rm(folder, { recursive: true, force: true })),
  );
}

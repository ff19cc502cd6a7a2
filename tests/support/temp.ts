import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const created: string[] = [];

// Registered when a test file first imports this module, so every folder a test file made is
// removed when that file's tests are done.
afterAll(async () => {
  await Promise.all(
    created.splice(0).map((folder) => rm(folder, { recursive: true, force: true })),
  );
});

/** Makes a temporary folder that is removed after the current test file. */
export async function makeTempDir(prefix: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), prefix));
  created.push(folder);
  return folder;
}

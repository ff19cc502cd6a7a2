import { existsSync } from "node:fs";
import { cp, mkdtemp, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** What a build and the checks read: sources, data, locales, configuration. */
const projectEntries = [
  ".eleventy.ts",
  "package.json",
  "tsconfig.json",
  "duplicates-allow.json",
  "src",
  "data",
  "locales",
  "scripts",
];

/**
 * Copies the project's sources into `root`, sharing `node_modules` by a link, so a benchmark or
 * a test can change pages and build without touching the project itself.
 */
export async function copyProjectInto(projectRoot: string, root: string): Promise<void> {
  await Promise.all(
    projectEntries
      .filter((entry) => existsSync(path.join(projectRoot, entry)))
      .map((entry) =>
        cp(path.join(projectRoot, entry), path.join(root, entry), { recursive: true }),
      ),
  );
  await symlink(path.join(projectRoot, "node_modules"), path.join(root, "node_modules"), "dir");
}

/** Copies the project's sources into a fresh temporary folder (see `copyProjectInto`). */
export async function copyProject(projectRoot: string, prefix: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), prefix));
  await copyProjectInto(projectRoot, root);
  return root;
}

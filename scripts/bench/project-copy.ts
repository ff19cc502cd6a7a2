import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Facts } from "../../src/lib/data/schemas.ts";
import { withPlainFigures, type SyntheticPage } from "./generate.ts";

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

/** Writes pages into a project folder, each at its `file` path. */
export async function writePages(
  root: string,
  pages: readonly SyntheticPage[],
  transform: (text: string) => string = (text) => text,
): Promise<void> {
  const folders = new Set(pages.map((page) => path.dirname(path.join(root, page.file))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all(
    pages.map((page) => writeFile(path.join(root, page.file), transform(page.text))),
  );
}

/**
 * A folder for bare Eleventy: only the synthetic pages, with their front matter and with plain
 * numbers for the fact shortcodes it does not know; no configuration, data, layouts or locales.
 */
export async function createBaselineCopy(
  pages: readonly SyntheticPage[],
  facts: Facts,
): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "gw-bench-bare-"));
  await writePages(root, pages, (text) => withPlainFigures(text, facts));
  return root;
}

import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Facts } from "../../src/lib/data/schemas.ts";
import { withPlainFigures, type SyntheticPage } from "./generate.ts";

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

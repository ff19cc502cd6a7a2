import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, rename, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import type { TestProject } from "vitest/node";
import { buildSite, describeBuildError } from "../../src/build.ts";
import { projectFolders, projectPath } from "../../src/lib/project.ts";
import "./node-typescript.ts";
import { projectRoot } from "./project.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The real site, built once for the whole run: its folder, or why it could not be built. */
    realSite: { outputDir: string } | { error: string };
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Everything a build of the project reads: its code, pages, data, text, pinned packages and the
 * patches applied to them.
 */
const buildInputs = [
  ".eleventy.ts",
  "package-lock.json",
  "scripts/patches/**",
  `${path.dirname(projectFolders.site)}/**`,
  `${projectFolders.data}/**`,
  `${projectFolders.locales}/**`,
];

/** A fingerprint of the build's inputs: every file's path and bytes, and the site URL it uses. */
async function fingerprint(root: string): Promise<string> {
  const hash = createHash("sha256");
  hash.update(`SITE_URL=${process.env.SITE_URL ?? ""}\0node=${process.version}\0`);
  const files = (await glob(buildInputs, { cwd: root, dot: true })).sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * Builds the real site once per test run and hands its folder to every test file that reads it
 * (each file used to build its own: 2 to 3 processor-seconds each). The build is kept in
 * `.cache/test-site/<fingerprint>/` and reused while no input has changed; the reproducibility
 * test builds again and compares, so a reused build is checked against a fresh one every run.
 */
export default async function setup(project: TestProject): Promise<void> {
  const root = projectRoot;
  const cacheDir = path.join(projectPath(projectFolders.cache, root), "test-site");
  const key = await fingerprint(root);
  const outputDir = path.join(cacheDir, key);
  if (!existsSync(outputDir)) {
    const staging = `${outputDir}.${process.pid}.staging`;
    try {
      await buildSite({ projectRoot: root, outputDir: staging, quiet: true });
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      project.provide("realSite", { error: describeBuildError(error) });
      return;
    }
    await rename(staging, outputDir).catch(async (error: unknown) => {
      // Another test run built the same sources at the same time: its build is as good.
      if (!existsSync(outputDir)) throw error;
      await rm(staging, { recursive: true, force: true });
    });
  }
  // Builds of older sources go once nothing has used them for a day; a build another test run
  // (a watching vitest, say) is reading at this moment must stay.
  const now = new Date();
  await utimes(outputDir, now, now);
  for (const entry of await readdir(cacheDir)) {
    const folder = path.join(cacheDir, entry);
    if (now.getTime() - (await stat(folder)).mtimeMs > DAY_MS) {
      await rm(folder, { recursive: true, force: true });
    }
  }
  project.provide("realSite", { outputDir });
}

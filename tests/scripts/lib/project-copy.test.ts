import { lstat, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyProjectInto, projectEntries } from "../../../scripts/lib/project-copy.ts";
import { projectRoot } from "../../support/project.ts";
import { makeTempDir } from "../../support/temp.ts";

describe("a copy of the project", () => {
  it("takes every file a build or a gate reads, the allow-lists and tools' settings included", async () => {
    const entries = await projectEntries(projectRoot);
    for (const entry of [
      ".eleventy.ts",
      "package.json",
      "src",
      "data",
      "locales",
      "scripts",
      "duplicates-allow.json",
      "leichte-sprache-allow.json",
      ".pa11yci.cjs",
      ".htmlvalidate.cjs",
    ]) {
      expect(entries, entry).toContain(entry);
    }
  });

  it("leaves out what the tools generate, and shares the installed packages by a link", async () => {
    const project = await makeTempDir("gw-copy-source-");
    for (const folder of ["src", "node_modules", "_site", "_site.staging", "reports", ".cache"]) {
      await mkdir(path.join(project, folder));
    }
    await writeFile(path.join(project, "package.json"), "{}\n");
    await writeFile(path.join(project, "_site.lock"), "1\n");
    const copy = await makeTempDir("gw-copy-");
    await copyProjectInto(project, copy);
    expect((await readdir(copy)).sort()).toEqual(["node_modules", "package.json", "src"]);
    expect((await lstat(path.join(copy, "node_modules"))).isSymbolicLink()).toBe(true);
  });
});

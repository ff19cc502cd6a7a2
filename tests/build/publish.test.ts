import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildInProcess, copyProject, editFile, runScript } from "../support/project.ts";
import { copyOfCopy, expectEditorFailure, hashFiles } from "./support.ts";

const page = "src/site/de/nordrhein-westfalen.md";
const builtPage = "de/nordrhein-westfalen/index.html";

describe("publishing a build", () => {
  it("keeps the last good site byte for byte when a build fails, and replaces it when the next one succeeds", async () => {
    const root = await copyProject();
    const site = path.join(root, "_site");
    const leftovers = (output: string) =>
      [`${output}.staging`, `${output}.previous`].filter((folder) => existsSync(folder));

    // The first build runs the script's code in this process, the refused one the script itself,
    // as an editor runs it. Eleventy keeps each page it read in its process, so the fixed build
    // runs in this process on a copy of the project as it then is, published site and all.
    const good = await buildInProcess(root);
    expect(good.status, good.output).toBe(0);
    const published = await hashFiles(site);
    expect(published.size).toBeGreaterThan(10);

    // A broken link fails the build at its very end, after Eleventy has written every page.
    await editFile(root, page, (text) => `${text}\nSiehe [Standorte](/de/standorte/).\n`);
    expectEditorFailure(runScript(root, "scripts/build.ts"), page, "/de/standorte/");
    expect(await hashFiles(site)).toEqual(published);
    expect(leftovers(site)).toEqual([]);

    const fixedRoot = await copyOfCopy(root);
    const fixedSite = path.join(fixedRoot, "_site");
    await editFile(fixedRoot, page, (text) =>
      text.replace("[Standorte](/de/standorte/)", "[Quellen](/de/quellen/)"),
    );
    const fixed = await buildInProcess(fixedRoot);
    expect(fixed.status, fixed.output).toBe(0);
    const republished = await hashFiles(fixedSite);
    expect(republished.get(builtPage)).not.toBe(published.get(builtPage));
    expect([...republished.keys()]).toEqual([...published.keys()]);
    expect(leftovers(fixedSite)).toEqual([]);
  });
});

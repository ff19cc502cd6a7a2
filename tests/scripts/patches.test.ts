import { readFile } from "node:fs/promises";
import path from "node:path";
import { applyPatch, parsePatch, reversePatch, type StructuredPatch } from "diff";
import { glob } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/project.ts";

const patchFolder = path.join(projectRoot, "scripts/patches");

/** Every file diff of the patches `npm ci` applies (patch-package, see package.json). */
async function filePatches(): Promise<StructuredPatch[]> {
  const files = await glob("*.patch", { cwd: patchFolder });
  const patches = await Promise.all(
    files.map(async (file) => parsePatch(await readFile(path.join(patchFolder, file), "utf8"))),
  );
  return patches.flat();
}

/** The installed file a file diff changes (its `b/` path, relative to the project). */
const installedFile = (patch: StructuredPatch) =>
  path.join(projectRoot, (patch.newFileName ?? "").replace(/^b\//, ""));

describe("the patches to installed packages", () => {
  it("are applied to node_modules: each patched file is the patch's result", async () => {
    const patches = await filePatches();
    expect(patches.length).toBeGreaterThan(0);
    for (const patch of patches) {
      const installed = await readFile(installedFile(patch), "utf8");
      expect(applyPatch(installed, reversePatch(patch)), installedFile(patch)).not.toBe(false);
    }
  });

  it("are told apart from the package as published, which the reversed patch cannot undo", async () => {
    for (const patch of await filePatches()) {
      const published = applyPatch(
        await readFile(installedFile(patch), "utf8"),
        reversePatch(patch),
      );
      if (published === false) throw new Error(`${installedFile(patch)} is not patched`);
      expect(applyPatch(published, reversePatch(patch)), installedFile(patch)).toBe(false);
      expect(applyPatch(published, patch)).toBe(await readFile(installedFile(patch), "utf8"));
    }
  });
});

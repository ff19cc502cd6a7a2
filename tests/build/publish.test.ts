import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildInProcess, copyProject, editFile, runScript } from "../support/project.ts";
import { makeTempDirSync } from "../support/temp.ts";
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
    const published = hashFiles(site);
    expect(published.size).toBeGreaterThan(10);

    // A broken link fails the build at its very end, after Eleventy has written every page.
    await editFile(root, page, (text) => `${text}\nSiehe [Standorte](/de/standorte/).\n`);
    expectEditorFailure(runScript(root, "scripts/build.ts"), page, "/de/standorte/");
    expect(hashFiles(site)).toEqual(published);
    expect(leftovers(site)).toEqual([]);

    const fixedRoot = await copyOfCopy(root);
    const fixedSite = path.join(fixedRoot, "_site");
    await editFile(fixedRoot, page, (text) =>
      text.replace("[Standorte](/de/standorte/)", "[Quellen](/de/quellen/)"),
    );
    const fixed = await buildInProcess(fixedRoot);
    expect(fixed.status, fixed.output).toBe(0);
    const republished = hashFiles(fixedSite);
    expect(republished.get(builtPage)).not.toBe(published.get(builtPage));
    expect([...republished.keys()]).toEqual([...published.keys()]);
    expect(leftovers(fixedSite)).toEqual([]);
  });
});

/**
 * Makes a file or folder refuse changes for the rest of a test, the way that holds for the user
 * running it: the immutable attribute for root (root ignores file permissions), else a folder
 * without write permission (its entries cannot be removed, and it cannot be renamed, as that
 * rewrites its `..`). Returns how to undo it, given where the file or folder is by then.
 */
function refuseChanges(target: string): (movedTo?: string) => void {
  if (process.getuid?.() === 0) {
    const chattr = (flag: string, file: string) => {
      const result = spawnSync("chattr", [flag, file], { encoding: "utf8" });
      if (result.status !== 0) throw new Error(`chattr ${flag} ${file}: ${result.stderr}`);
    };
    chattr("+i", target);
    return (movedTo = target) => {
      chattr("-i", movedTo);
    };
  }
  const folder = statSync(target).isDirectory() ? target : path.dirname(target);
  chmodSync(folder, 0o555);
  return (movedTo = target) => {
    chmodSync(statSync(movedTo).isDirectory() ? movedTo : path.dirname(movedTo), 0o755);
  };
}

/**
 * Whether `refuseChanges` works here: root needs a file system that keeps the immutable
 * attribute (ext4, XFS, Btrfs, recent tmpfs; not a container's overlay), found out on a file of the
 * temporary folder the tests' copies live in.
 */
function canRefuseChanges(): boolean {
  if (process.getuid?.() !== 0) return true;
  const probe = path.join(makeTempDirSync("gw-chattr-"), "probe");
  writeFileSync(probe, "");
  const set = spawnSync("chattr", ["+i", probe]);
  spawnSync("chattr", ["-i", probe]);
  return set.status === 0;
}

describe.skipIf(!canRefuseChanges())("the swap of a new site for the last good one", () => {
  let root: string;

  beforeAll(async () => {
    root = await copyProject();
    const good = await buildInProcess(root);
    expect(good.status, good.output).toBe(0);
  });

  it("succeeds once the new site is in place, and only warns when the old one cannot be cleared", async () => {
    const copy = await copyOfCopy(root);
    const site = path.join(copy, "_site");
    await editFile(copy, page, (text) => `${text}\nEin neuer Absatz.\n`);
    const undo = refuseChanges(path.join(site, builtPage));
    let result;
    let next;
    try {
      result = await buildInProcess(copy);
      // The next build publishes too, beside the folder it could not clear.
      next = await buildInProcess(copy);
    } finally {
      undo(path.join(`${site}.previous`, builtPage));
    }
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain("Built the site into _site/");
    expect(result.stderr).toMatch(
      /^Warning: the previous site was replaced, but .*_site\.previous\/ could not be removed \(.*\): remove it by hand$/m,
    );
    expect(next.status, next.output).toBe(0);
    expect(next.stderr).toMatch(/^Warning: .*_site\.previous\/ could not be removed/m);
    expect(await readFile(path.join(site, builtPage), "utf8")).toContain("Ein neuer Absatz.");
    expect(existsSync(`${site}.staging`) || existsSync(`${site}.lock`)).toBe(false);
  });

  it("leaves the last good site byte for byte in place when the swap itself fails, and says so", async () => {
    const copy = await copyOfCopy(root);
    const site = path.join(copy, "_site");
    await editFile(copy, page, (text) => `${text}\nEin neuer Absatz.\n`);
    const before = hashFiles(copy);
    const undo = refuseChanges(site);
    let result;
    try {
      result = await buildInProcess(copy);
    } finally {
      undo();
    }
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain(
      "The site was built but could not be published; the last good build in _site/ is unchanged.",
    );
    expect(result.output).toMatch(/the last good site in _site\/ could not be moved aside/);
    expect(hashFiles(copy)).toEqual(before);
  });
});

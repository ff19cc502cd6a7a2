import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectFolders } from "../../src/lib/project.ts";
import { projectRoot } from "../support/project.ts";

describe("npm start", () => {
  it("builds into a git-ignored folder of its own, never where the published site belongs", async () => {
    const manifest = JSON.parse(await readFile(path.join(projectRoot, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    const start = manifest.scripts.start ?? "";
    expect(start).toContain("--serve");
    const output = /--output=(\S+)/.exec(start)?.[1];
    expect(output).toBeDefined();
    const folder = path.resolve(projectRoot, output ?? "");
    const published = path.resolve(projectRoot, projectFolders.output);
    expect(path.relative(published, folder).startsWith("..")).toBe(true);
    expect(path.relative(path.resolve(projectRoot, projectFolders.cache), folder)).not.toMatch(
      /^\.\./,
    );
    const ignored = spawnSync("git", ["check-ignore", "--quiet", `${output ?? ""}/index.html`], {
      cwd: projectRoot,
    });
    expect(ignored.status).toBe(0);
  });
});

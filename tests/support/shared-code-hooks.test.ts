import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { initialize, resolve } from "./shared-code-hooks.ts";
import { makeTempDir } from "./temp.ts";

/** A project and a copy of it, each with `files`; the copy's `changed` files hold other bytes. */
async function projectAndCopy(files: string[], changed: string[] = []) {
  const base = await makeTempDir("gw-hooks-");
  const projectRoot = path.join(base, "project");
  const copyRoot = path.join(base, "gw-copy-1");
  for (const file of files) {
    for (const root of [projectRoot, copyRoot]) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      const edited = root === copyRoot && changed.includes(file);
      await writeFile(
        path.join(root, file),
        edited ? "export const x = 2;\n" : "export const x = 1;\n",
      );
    }
  }
  await initialize({ projectRoot, copyPrefix: "gw-copy-" });
  /** Where the hook sends an import of the copy's `file`, relative to the base folder. */
  const resolved = async (file: string) => {
    const url = pathToFileURL(path.join(copyRoot, file)).href;
    const context = {
      conditions: [],
      importAttributes: {},
      importAssertions: {},
      parentURL: undefined,
    };
    const result = await resolve(url, context, () => Promise.resolve({ url }));
    return path.relative(base, new URL(result.url).pathname);
  };
  return resolved;
}

describe("the tests' module hooks for project copies", () => {
  it("load a copy's unchanged code module from the project", async () => {
    const resolved = await projectAndCopy(["src/lib/a.ts"]);
    expect(await resolved("src/lib/a.ts")).toBe("project/src/lib/a.ts");
  });

  it("keep a code module the test changed in the copy", async () => {
    const resolved = await projectAndCopy(["src/lib/a.ts"], ["src/lib/a.ts"]);
    expect(await resolved("src/lib/a.ts")).toBe("gw-copy-1/src/lib/a.ts");
  });

  it("keep the copy's pages, data and locales even when they equal the project's", async () => {
    const resolved = await projectAndCopy(["src/site/de/_data.ts", "data/facts.ts"]);
    expect(await resolved("src/site/de/_data.ts")).toBe("gw-copy-1/src/site/de/_data.ts");
    expect(await resolved("data/facts.ts")).toBe("gw-copy-1/data/facts.ts");
  });
});

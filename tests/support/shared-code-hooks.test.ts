import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { copyProject, editFile } from "./project.ts";
import { initialize, resolve } from "./shared-code-hooks.ts";
import { makeTempDir } from "./temp.ts";

/**
 * A project with `files` (path → text) and a copy of it whose files `edits` replaces. Returns
 * where the hook sends an import of one of the copy's files, relative to the folder holding both.
 */
async function projectAndCopy(files: Record<string, string>, edits: Record<string, string> = {}) {
  const base = await makeTempDir("gw-hooks-");
  const projectRoot = path.join(base, "project");
  const copyRoot = path.join(base, "gw-copy-1");
  for (const [root, contents] of [
    [projectRoot, files],
    [copyRoot, { ...files, ...edits }],
  ] as const) {
    for (const [file, text] of Object.entries(contents)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
  }
  await initialize({ projectRoot, copyPrefix: "gw-copy-" });
  return async (file: string) => {
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
}

const module = (text: string) => `${text}\nexport const x = 1;\n`;

describe("the tests' module hooks for project copies", () => {
  it("load a copy's unchanged code module from the project", async () => {
    const resolved = await projectAndCopy({ "src/lib/a.ts": module("") });
    expect(await resolved("src/lib/a.ts")).toBe("project/src/lib/a.ts");
  });

  it("keep a code module the test changed in the copy", async () => {
    const resolved = await projectAndCopy(
      { "src/lib/a.ts": module("") },
      { "src/lib/a.ts": module("// edited") },
    );
    expect(await resolved("src/lib/a.ts")).toBe("gw-copy-1/src/lib/a.ts");
  });

  it("keep an unchanged module in the copy when a module it imports was changed", async () => {
    const resolved = await projectAndCopy(
      {
        "src/lib/languages.ts": module(""),
        "src/lib/format.ts": module('import { x as y } from "./languages.ts";'),
        "src/lib/slug.ts": module(""),
      },
      { "src/lib/languages.ts": module("// edited") },
    );
    expect(await resolved("src/lib/format.ts")).toBe("gw-copy-1/src/lib/format.ts");
    // A module that does not import the changed one is still the project's.
    expect(await resolved("src/lib/slug.ts")).toBe("project/src/lib/slug.ts");
  });

  it("follow imports through any number of modules, exports and dynamic imports included", async () => {
    const files = {
      "src/build.ts": module('const plugins = await import("./plugins/a.ts");'),
      "src/plugins/a.ts": module('export { x as z } from "../lib/b.ts";'),
      "src/lib/b.ts": module('import {\n  x as y,\n} from "./data/c.ts";'),
      "src/lib/data/c.ts": module(""),
    };
    const unchanged = await projectAndCopy(files);
    expect(await unchanged("src/build.ts")).toBe("project/src/build.ts");
    const edited = await projectAndCopy(files, { "src/lib/data/c.ts": module("// edited") });
    expect(await edited("src/build.ts")).toBe("gw-copy-1/src/build.ts");
    expect(await edited("src/plugins/a.ts")).toBe("gw-copy-1/src/plugins/a.ts");
  });

  it("end at modules that import each other", async () => {
    const resolved = await projectAndCopy({
      "src/lib/a.ts": module('import "./b.ts";'),
      "src/lib/b.ts": module('import "./a.ts";'),
    });
    expect(await resolved("src/lib/a.ts")).toBe("project/src/lib/a.ts");
  });

  it("keep a module in the copy when a data module it imports was changed", async () => {
    const resolved = await projectAndCopy(
      {
        "src/lib/site.ts": module('import site from "../../data/site.ts";'),
        "data/site.ts": module(""),
      },
      { "data/site.ts": module("// edited") },
    );
    expect(await resolved("src/lib/site.ts")).toBe("gw-copy-1/src/lib/site.ts");
  });

  it("keep the copy's pages, data and locales even when they equal the project's", async () => {
    const resolved = await projectAndCopy({
      "src/site/de/_data.ts": module(""),
      "data/facts.ts": module(""),
    });
    expect(await resolved("src/site/de/_data.ts")).toBe("gw-copy-1/src/site/de/_data.ts");
    expect(await resolved("data/facts.ts")).toBe("gw-copy-1/data/facts.ts");
  });
});

describe("a project copy loaded in the tests' process", () => {
  const marker = "__projectCopyLanguagesModule";
  const globals = globalThis as Record<string, unknown>;
  afterEach(() => {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a marker of this test only
    delete globals[marker];
  });

  it("runs the copy's edited languages module under the copy's unchanged format module", async () => {
    const root = await copyProject();
    await editFile(
      root,
      "src/lib/languages.ts",
      (text) => `${text}\n(globalThis as Record<string, unknown>).${marker} = import.meta.url;\n`,
    );
    await import(pathToFileURL(path.join(root, "src/lib/format.ts")).href);
    expect(globals[marker]).toBe(pathToFileURL(path.join(root, "src/lib/languages.ts")).href);
  });
});

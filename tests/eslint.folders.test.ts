import { ESLint, Linter } from "eslint";
import { describe, expect, it } from "vitest";
import folders from "../eslint.folders.js";

const linter = new Linter({ configType: "flat" });
/** Every file is linted; the folder rule's own blocks say where it applies. */
const config: Linter.Config[] = [{ files: ["**/*.ts", "**/*.js"] }, ...folders];

/** The folder rule's messages for `code` written in a file at `file`. */
function folderMessages(code: string, file = "src/plugins/example.ts"): string[] {
  return linter
    .verify(`${code}\n`, config, file)
    .map((message) => `${message.ruleId ?? "parse"}: ${message.message}`);
}

describe("the lint rule against folder names outside src/lib/project.ts", () => {
  it("refuses the output folder in a path, and allows the path from projectFolders", () => {
    expect(folderMessages('const site = path.join(root, "_site");')).toEqual([
      expect.stringContaining("no-restricted-syntax: a folder of the project") as unknown,
    ]);
    expect(folderMessages("const site = projectPath(projectFolders.output, root);")).toEqual([]);
  });

  it("refuses a folder in a message or a template literal, and allows the same words as prose", () => {
    expect(
      folderMessages('throw new Error("the last build in _site/ is unchanged");'),
    ).toHaveLength(1);
    expect(folderMessages("const file = `locales/${language}/common.json`;")).toHaveLength(1);
    expect(folderMessages('const file = "reports/i18n/status.html";')).toHaveLength(1);
    expect(folderMessages('const cache = join(root, ".cache", "a11y");')).toHaveLength(1);
    expect(folderMessages('const page = "src/site/de/index.md";')).toHaveLength(1);
    expect(folderMessages('log("the gate reports each page and its data");')).toEqual([]);
    expect(
      folderMessages("const file = `${projectFolders.locales}/${language}/common.json`;"),
    ).toEqual([]);
  });

  it("refuses the data folder in a path, and allows a stream's data event and the open data's address", () => {
    expect(folderMessages('loadSiteData(path.join(projectRoot, "data"));')).toHaveLength(1);
    expect(folderMessages('const file = "data/site.ts";')).toHaveLength(1);
    expect(folderMessages('child.stdout.on("data", (chunk) => chunk);')).toEqual([]);
    expect(folderMessages('const openData = "/data/";')).toEqual([]);
  });

  it("refuses a folder in a regular expression", () => {
    expect(
      folderMessages("const page = /(?:^|[/\\\\])src[/\\\\]site[/\\\\]([a-z]{2})/;"),
    ).toHaveLength(1);
    expect(folderMessages("const page = /^[a-z]{2}$/;")).toEqual([]);
  });

  it("allows module paths that pass through a folder of the same name", () => {
    expect(folderMessages('import { load } from "../lib/data/load.ts";')).toEqual([]);
    expect(folderMessages('const facts = await import("../../data/facts.ts");')).toEqual([]);
  });

  it("leaves src/lib/project.ts, the content and the tests free to name folders", () => {
    const code = 'const output = "_site";';
    expect(folderMessages(code, "src/lib/project.ts")).toEqual([]);
    expect(folderMessages(code, "src/site/_includes/layouts/site-map.11ty.js")).toEqual([]);
    expect(folderMessages(code, "data/site.ts")).toEqual([]);
    expect(folderMessages(code, "tests/build/publish.test.ts")).toEqual([]);
    expect(folderMessages(code, "scripts/bench/run.ts")).toHaveLength(1);
    expect(folderMessages(code, ".eleventy.ts")).toHaveLength(1);
  });

  it("is part of the project's ESLint configuration", async () => {
    const eslint = new ESLint();
    const config = (await eslint.calculateConfigForFile("src/lib/format.ts")) as Linter.Config;
    const [, ...selectors] = folders[0]?.rules?.["no-restricted-syntax"] as [string, ...unknown[]];
    expect(config.rules?.["no-restricted-syntax"]).toEqual([2, ...selectors]);
  });
});

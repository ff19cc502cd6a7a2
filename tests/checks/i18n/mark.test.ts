import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkTranslations } from "../../../src/checks/i18n/check.ts";
import { markCommand } from "../../../src/checks/i18n/cli.ts";
import { runCommandCli } from "../../../src/checks/runner.ts";
import { editFile, projectRoot, runCaptured, runScript } from "../../support/project.ts";
import { baseFiles, createFixture, problems } from "./fixture.ts";

const markScript = path.join(projectRoot, "scripts/i18n-mark.ts");
const english = baseFiles["src/site/en/home.md"] ?? "";

/** `npm run i18n:mark -- ARGS` in `root`, run in this process as its script runs it. */
const mark = (root: string, args: string[]) =>
  runCaptured((output) => runCommandCli(markCommand, args, { projectRoot: root, ...output }));

describe("npm run i18n:mark", () => {
  it("marks a page given by its German path, after which the check is clean until the German page changes", async () => {
    const root = await createFixture();
    // The script itself, once; the other cases run its code in this process.
    const result = runScript(root, markScript, ["src/site/de/start.md"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "src/site/en/home.md: marked as translated from src/site/de/start.md",
    );

    const marked = await readFile(path.join(root, "src/site/en/home.md"), "utf8");
    expect(marked.replace(/^translatedFrom: "[0-9a-f]{12}"\n/m, "")).toBe(english);
    const pageFindings = async () =>
      (await checkTranslations({ projectRoot: root })).filter((finding) =>
        finding.location.file.startsWith("src/"),
      );
    expect(await pageFindings()).toEqual([]);

    await editFile(root, "src/site/de/start.md", (text) =>
      text.replace("Mehr Text.", "Mehr\n   Text."),
    );
    expect(await pageFindings()).toEqual([]);

    await editFile(root, "src/site/de/start.md", (text) => text.replace("Mehr", "Weniger"));
    expect((await pageFindings()).map((finding) => [finding.rule, finding.location.file])).toEqual([
      ["page-outdated", "src/site/en/home.md"],
    ]);

    expect((await mark(root, ["src/site/en/home.md"])).status).toBe(0);
    expect(await pageFindings()).toEqual([]);
  });

  it("marks all locale texts, after which only a changed German text is outdated", async () => {
    const root = await createFixture();
    const result = await mark(root, ["--keys"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("5 English texts marked");
    expect(await checkTranslations({ projectRoot: root })).toEqual([
      expect.objectContaining({ rule: "page-not-marked" }),
    ]);

    await editFile(root, "locales/de/common.json", (text) => text.replace("Hallo", "Guten Tag"));
    expect(
      problems(await checkTranslations({ projectRoot: root })).map((finding) => finding.location),
    ).toEqual([{ file: "locales/en/common.json", line: 2, column: 3, key: "common.greeting" }]);

    expect((await mark(root, ["--keys", "common.greeting"])).status).toBe(0);
    expect(problems(await checkTranslations({ projectRoot: root }))).toEqual([]);
  });

  it("marks the texts of one locale file given by its path, keeping the other entries", async () => {
    const root = await createFixture({
      "locales/de/extra.json": '{ "a": "A" }\n',
      "locales/en/extra.json": '{ "a": "A" }\n',
    });
    expect((await mark(root, ["locales/en/extra.json"])).status).toBe(0);
    expect((await mark(root, ["--keys", "common.greeting"])).status).toBe(0);
    const record = JSON.parse(
      await readFile(path.join(root, "locales/translated-from.json"), "utf8"),
    ) as {
      en: Record<string, string>;
    };
    expect(Object.keys(record.en)).toEqual(["common.greeting", "extra.a"]);
  });

  it("fails with status 1 when a page or text has nothing to be marked against", async () => {
    const root = await createFixture({ "src/site/en/home.md": null });
    const page = await mark(root, ["src/site/de/start.md"]);
    expect(page.status).toBe(1);
    expect(page.stderr).toContain("has no English twin");
    const key = await mark(root, ["--keys", "common.nothing"]);
    expect(key.status).toBe(1);
    expect(key.stderr).toContain("common.nothing: there is no such text in German");
  });

  it("fails with status 2 on a wrong command line", async () => {
    const root = await createFixture();
    const before = await readFile(path.join(root, "src/site/en/home.md"), "utf8");
    for (const args of [[], ["src/site/en/nothing.md"], ["common.greeting"], ["--everything"]]) {
      const result = await mark(root, args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(/^Marking translations: /);
    }
    expect(await readFile(path.join(root, "src/site/en/home.md"), "utf8")).toBe(before);
  });

  it("leaves a page it cannot read unchanged", async () => {
    const root = await createFixture();
    const broken = english.replace("title: Home", 'title: "Home');
    await writeFile(path.join(root, "src/site/en/home.md"), broken);
    const result = await mark(root, ["src/site/en/home.md"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("src/site/en/home.md: not marked, the front matter");
    expect(await readFile(path.join(root, "src/site/en/home.md"), "utf8")).toBe(broken);
  });
});

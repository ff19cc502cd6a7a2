import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkTranslations } from "../../src/checks/i18n/check.ts";
import { markCommand, statusCommand } from "../../src/checks/i18n/cli.ts";
import { runCommandCaptured } from "../../src/checks/runner.ts";
import { copyProject } from "../support/project.ts";
import { createExchangeFixture, exported, runExport, writeFiles } from "./fixture.ts";

/** A Leichte Sprache page and its easy-read twin, written for its readers with its own structure. */
const easyPages = {
  "src/site/de/leicht.md": `---
title: Leichte Sprache
description: Die Website in Leichter Sprache.
translationKey: easy
---
## Was ist das?

Das ist eine Website.

Sie ist über Gesundheit.
`,
  "src/site/en/easy.md": `---
title: Easy read
description: The website in easy-read English.
translationKey: easy
adaptation: true
---
## What is this?

This is a website. It is about health.
`,
};

describe("a page that is an adaptation of its twin", () => {
  it("is left out of the exchange, the outdated logic and marking", async () => {
    const root = await createExchangeFixture(easyPages);
    expect((await runExport(["--out", "out"], root)).stdout).toMatch(
      /^English \(en\): nothing to translate/,
    );
    expect(await exported(root)).not.toContain("src/site/de/leicht.md");
    const german = path.join(root, "src/site/de/leicht.md");
    await writeFiles(root, {
      "src/site/de/leicht.md": (await readFile(german, "utf8")).replace("Gesundheit", "Pflege"),
    });
    expect((await runExport(["--out", "out"], root)).stdout).toMatch(
      /^English \(en\): nothing to translate/,
    );
    const findings = await checkTranslations({ projectRoot: root });
    expect(findings.filter((finding) => finding.location.file.includes("easy"))).toEqual([]);
    const status = await runCommandCaptured(statusCommand, [], root);
    expect(status.stdout).toMatch(/English \(en\)\n.*\n.*\n\s+Pages \(src\/\)\s+2\s+1\s/);
    const mark = await runCommandCaptured(markCommand, ["src/site/en/easy.md"], root);
    expect(mark.stdout).toBe(
      "src/site/en/easy.md: the pair is an adaptation (adaptation: true), not a translation, so there is nothing to mark\n",
    );
  });

  it("without the field, is a translation whose every segment is offered", async () => {
    const root = await createExchangeFixture({
      ...easyPages,
      "src/site/en/easy.md": easyPages["src/site/en/easy.md"].replace("adaptation: true\n", ""),
    });
    expect((await runExport(["--out", "out"], root)).stdout).toMatch(
      /^English \(en\): 5 segments: 3 to translate, 2 to review/,
    );
  });

  it("leaves a clean clone of the project with nothing to translate", async () => {
    const root = await copyProject();
    const result = await runExport(["--out", "out"], root);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      "English (en): nothing to translate, every text and page is translated from the German as it is now (--all exports everything).\n",
    );
  });
});

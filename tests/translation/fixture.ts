import { createHash } from "node:crypto";
import { readFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { expect } from "vitest";
import { exportCommand, importCommand } from "../../src/checks/i18n/cli.ts";
import { markKeys, markPages } from "../../src/checks/i18n/mark.ts";
import { runCommandCaptured, type CapturedRun } from "../../src/checks/runner.ts";
import { exchangeFileName } from "../../src/translation/export.ts";
import { makeTempDir } from "../support/temp.ts";

/**
 * A small project whose English follows its German page for page and text for text, with every
 * kind of inline code: a fact, a link, emphasis, a phrase in another language, inline code, a
 * table and a quote.
 */
export const exchangeFiles: Readonly<Record<string, string>> = {
  "locales/de/common.json": `{
  "greeting": "Hallo {{name}}",
  "region": {
    "north": "Norden",
    "south": "Süden"
  }
}
`,
  "locales/en/common.json": `{
  "greeting": "Hello {{name}}",
  "region": {
    "north": "North",
    "south": "South"
  }
}
`,
  "src/site/de/start.md": `---
title: Start
description: Die Startseite.
translationKey: home
---
Es gibt {% fact "a.count" %} Dinge, siehe [die Quellen](/de/quellen/).

## Erster Abschnitt

- Ein **wichtiger** Punkt mit \`code\`.
- Das Cluster [HealthCapital]{lang=en} in Berlin.

| Region | Zahl |
| --- | --- |
| Norden | {% fact "a.count" %} |

> Ein Zitat
> über zwei Zeilen.
`,
  "src/site/en/home.md": `---
title: Home
description: The home page.
translationKey: home
---
There are {% fact "a.count" %} things, see [the sources](/en/sources/).

## First section

- An **important** point with \`code\`.
- The HealthCapital cluster in Berlin.

| Region | Number |
| --- | --- |
| North | {% fact "a.count" %} |

> A quotation
> over two lines.
`,
  "src/site/de/quellen.md": `---
title: Quellen
description: Woher die Zahlen stammen.
translationKey: sources
---
Alle Quellen dieser Website.
`,
  "src/site/en/sources.md": `---
title: Sources
description: Where the figures come from.
translationKey: sources
---
Every source of this website.
`,
};

/** Writes the project (with some files replaced) into a new temporary folder, marked as translated. */
export async function createExchangeFixture(
  changes: Readonly<Record<string, string>> = {},
): Promise<string> {
  const root = await makeTempDir("gw-exchange-");
  await writeFiles(root, { ...exchangeFiles, ...changes });
  await markPages(root, ["src/site/de/start.md", "src/site/de/quellen.md"]);
  await markKeys(root, { all: true, files: [], keys: [] });
  return root;
}

/** Writes files into a project, creating folders as needed. */
export async function writeFiles(
  root: string,
  files: Readonly<Record<string, string>>,
): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
}

/**
 * The SHA-256 of every file of a project except reports and exchange files, by path: to see
 * that nothing changed, byte for byte.
 */
export async function projectSnapshot(root: string): Promise<Map<string, string>> {
  const files = await glob(["**/*"], {
    cwd: root,
    ignore: ["reports/**", "node_modules/**", "**/*.xlf", "_site/**", ".cache/**"],
  });
  return new Map(
    await Promise.all(
      files.sort().map(async (file): Promise<[string, string]> => [
        file,
        createHash("sha256")
          .update(await readFile(path.join(root, file)))
          .digest("hex"),
      ]),
    ),
  );
}

/** `npm run i18n:export -- ARGS` in `root`, run in this process as its script runs it. */
export function runExport(args: string[], root: string): Promise<CapturedRun> {
  return runCommandCaptured(exportCommand, args, root);
}

/** `npm run i18n:import -- ARGS` in `root`, run in this process as its script runs it. */
export function runImport(args: string[], root: string): Promise<CapturedRun> {
  return runCommandCaptured(importCommand, args, root);
}

/** Where the tests export to, relative to the fixture. */
export const exchange = `out/${exchangeFileName("en")}`;

/** Exports with `args` (everything by default) and returns the exchange file's text. */
export async function exported(root: string, args: string[] = ["--all"]): Promise<string> {
  const result = await runExport(["--out", "out", ...args], root);
  expect(result.stderr).toBe("");
  expect(result.exitCode).toBe(0);
  return readFile(path.join(root, exchange), "utf8");
}

/** Replaces the one place `search` stands in the exchange file; fails if it is not there once. */
export async function editExchange(
  root: string,
  search: string,
  replacement: string,
): Promise<string> {
  const text = await readFile(path.join(root, exchange), "utf8");
  expect(text.split(search)).toHaveLength(2);
  const edited = text.replace(search, () => replacement);
  await writeFile(path.join(root, exchange), edited);
  return edited;
}

/** The 1-based line of a file on which `text` stands. */
export function lineOf(file: string, text: string): number {
  return file.slice(0, file.indexOf(text)).split("\n").length;
}

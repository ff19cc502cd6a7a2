import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem, importTranslations } from "../../src/translation/import.ts";
import { readMemory } from "../../src/translation/tmx.ts";
import { makeTempDir } from "../support/temp.ts";
import {
  createExchangeFixture,
  editExchange,
  exchangeFiles,
  exchange,
  exported,
  lineOf,
  projectSnapshot,
  runExport,
  runImport,
  writeFiles,
} from "./fixture.ts";

describe("i18n:import", () => {
  it.each([["xliff12"], ["xliff20"]])(
    "changes no byte when the untouched %s export of everything comes back",
    async (format) => {
      const root = await createExchangeFixture();
      const before = await projectSnapshot(root);
      await exported(root, ["--all", "--format", format]);
      const result = await runImport([exchange], root);
      expect(result.stderr).toBe("");
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain("No file needed to change.");
      expect(await projectSnapshot(root)).toEqual(before);
    },
  );

  it("writes a changed translation into the page and the locale file, marks them and remembers them", async () => {
    const root = await createExchangeFixture();
    await writeFiles(root, {
      "src/site/de/start.md": (
        await readFile(path.join(root, "src/site/de/start.md"), "utf8")
      ).replace("Ein Zitat", "Ein kurzes Zitat"),
    });
    await exported(root, []);
    await editExchange(
      root,
      '<target state="needs-review-translation">A quotation over two lines.</target>',
      '<target state="final">A short quotation over *two* lines.</target>',
    );
    const result = await runImport([exchange], root);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Written: locales/translation-memory.tmx, src/site/en/home.md");
    const english = await readFile(path.join(root, "src/site/en/home.md"), "utf8");
    // Markdown typed by the translator stays plain text; the quote keeps its marker.
    expect(english).toContain("\n> A short quotation over \\*two\\* lines.\n");
    expect(english).toContain(
      'There are {% fact "a.count" %} things, see [the sources](/en/sources/).',
    );
    const status = await runExport(["--out", "out"], root);
    expect(status.stdout).toMatch(/^English \(en\): nothing to translate/);
    const memory = await readFile(path.join(root, "locales/translation-memory.tmx"), "utf8");
    expect(memory).toContain("<seg>Ein kurzes Zitat über zwei Zeilen.</seg>");
  });

  it("writes a changed locale text with the keys in the German order, as Prettier writes JSON", async () => {
    const root = await createExchangeFixture({
      "locales/en/common.json": `{
  "region": { "south": "South", "north": "North" },
  "greeting": "Hello {{name}}"
}
`,
    });
    await exported(root);
    await editExchange(
      root,
      '<target state="final">Hello <x id="1" ctype="x-template" equiv-text="{{name}}"/></target>',
      '<target state="final">Welcome, <x id="1" ctype="x-template" equiv-text="{{name}}"/></target>',
    );
    const result = await importTranslations(root, [exchange]);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(await readFile(path.join(root, "locales/en/common.json"), "utf8")).toBe(`{
  "greeting": "Welcome, {{name}}",
  "region": {
    "north": "North",
    "south": "South"
  }
}
`);
  });

  it("rebuilds an English page on the German page's structure, links pointing to the English pages", async () => {
    const root = await createExchangeFixture({
      "src/site/en/sources.md": `---
title: Sources
description: Where the figures come from.
translationKey: sources
---
Every source.

Of this website.
`,
      "src/site/de/quellen.md": `---
title: Quellen
description: Woher die Zahlen stammen.
translationKey: sources
---
Alle Quellen, siehe [Start](/de/start/).
`,
    });
    const text = await exported(root, []);
    expect(text).toMatch(
      /<trans-unit id="sources:top:p1" resname="sha256:[0-9a-f]{12}" xml:space="preserve">/,
    );
    await editExchange(
      root,
      '<source>Alle Quellen, siehe <g id="1" ctype="link">Start</g>.</source>',
      '<source>Alle Quellen, siehe <g id="1" ctype="link">Start</g>.</source>\n        <target state="final">All sources, see <g id="1" ctype="link">Home</g>.</target>',
    );
    const result = await importTranslations(root, [exchange]);
    expect(result.problems.map(formatProblem)).toEqual([]);
    const english = await readFile(path.join(root, "src/site/en/sources.md"), "utf8");
    expect(english).toMatch(/\n---\nAll sources, see \[Home\]\(\/en\/home\/\)\.\n$/);
    expect(english).toMatch(/translatedFrom: "[0-9a-f]{12}"/);
  });

  const refusals: {
    what: string;
    id: string;
    search: string;
    replacement: string;
    message: RegExp;
    atUnit?: boolean;
  }[] = [
    {
      what: "a removed inline code",
      id: "home:top:p1",
      search:
        'There are <x id="1" ctype="x-template" equiv-text="{% fact &quot;a.count&quot; %}"/> things',
      replacement: "There are many things",
      message: /the tag 1 \(\{% fact "a\.count" %\}\) from the German is missing/,
    },
    {
      what: "a broken inline code",
      id: "home:top:p1",
      search: '<g id="2" ctype="link">the sources</g>',
      replacement: '<g id="2" ctype="bold">the sources</g>',
      message: /the tag 2 has been changed/,
    },
    {
      what: "an added link",
      id: "home:top:p1",
      search: '<g id="2" ctype="link">the sources</g>.</target>',
      replacement:
        '<g id="2" ctype="link">the sources</g> and <g id="3" ctype="link">more</g>.</target>',
      message: /the tag 3 is not in the German text/,
    },
    {
      what: "a link typed as Markdown",
      id: "home:top:p1",
      search: '<g id="2" ctype="link">the sources</g>.</target>',
      replacement:
        '<g id="2" ctype="link">the sources</g> and [more](https://example.org).</target>',
      message: /a new link or web address typed as text/,
    },
    {
      what: "raw markup",
      id: "home:erster-abschnitt:h1",
      search: '<target state="final">First section</target>',
      replacement: '<target state="final">&lt;b&gt;First&lt;/b&gt; section</target>',
      message: /HTML markup/,
    },
    {
      what: "template code typed into the text",
      id: "common.greeting",
      search:
        '<target state="final">Hello <x id="1" ctype="x-template" equiv-text="{{name}}"/></target>',
      replacement:
        '<target state="final">Hello <x id="1" ctype="x-template" equiv-text="{{name}}"/> {{ secret }}</target>',
      message: /template code/,
    },
    {
      what: "an empty translation marked as translated",
      id: "common.region.south",
      search: '<target state="final">South</target>',
      replacement: '<target state="final"></target>',
      message: /marked as translated but its translation is empty/,
    },
    {
      what: "an unknown segment id",
      id: "common.region.west",
      search: '<trans-unit id="common.region.south"',
      replacement: '<trans-unit id="common.region.west"',
      message: /this segment is not in the project/,
      atUnit: true,
    },
  ];

  it.each(refusals)(
    "refuses $what, naming file, line and segment, and changes no file",
    async ({ id, search, replacement, message, atUnit }) => {
      const root = await createExchangeFixture();
      await exported(root);
      const before = await projectSnapshot(root);
      const edited = await editExchange(root, search, replacement);
      const line = lineOf(edited, atUnit === true ? replacement : replacement.slice(0, 40));
      const result = await runImport([exchange], root);
      expect(result.exitCode).toBe(1);
      const [first] = result.stderr.split("\n");
      expect(first).toContain(`${exchange}:${line}: segment ${id}: `);
      expect(first).toMatch(message);
      expect(result.stderr).toContain("Nothing was imported");
      expect(await projectSnapshot(root)).toEqual(before);
    },
  );

  it("refuses a removed <ph/> in XLIFF 2.0 as well, naming file, line and segment", async () => {
    const root = await createExchangeFixture();
    const text = await exported(root, ["--all", "--format", "xliff20"]);
    const before = await projectSnapshot(root);
    const target = text
      .split("\n")
      .find((line) => line.includes("<target") && line.includes("There are"));
    expect(target).toBeDefined();
    await editExchange(root, target ?? "", (target ?? "").replace(/<ph [^>]*\/>/, "many"));
    const result = await runImport([exchange], root);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      `${exchange}:${lineOf(text, target ?? "")}: segment home:top:p1: the tag 1 ({% fact "a.count" %}) from the German is missing`,
    );
    expect(await projectSnapshot(root)).toEqual(before);
  });

  it("refuses a segment whose German changed since the export, and changes no file", async () => {
    const root = await createExchangeFixture();
    const text = await exported(root);
    await writeFiles(root, {
      "locales/de/common.json": (
        await readFile(path.join(root, "locales/de/common.json"), "utf8")
      ).replace('"Norden"', '"Der Norden"'),
    });
    const before = await projectSnapshot(root);
    const result = await runImport([exchange], root);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      `${exchange}:${lineOf(text, '<trans-unit id="common.region.north"')}: segment common.region.north: the German text of this segment has changed since the file was exported. It now reads: "Der Norden". Export again`,
    );
    expect(await projectSnapshot(root)).toEqual(before);
  });

  it("refuses a file in other languages, naming file and line, and changes no file", async () => {
    const root = await createExchangeFixture();
    const text = await exported(root);
    const before = await projectSnapshot(root);
    const file = '<file original="src/site/de/start.md" source-language="de" target-language="en"';
    await editExchange(root, file, file.replace('"en"', '"fr"'));
    const result = await runImport([exchange], root);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      `${exchange}:${lineOf(text, file)}: the file translates from "de" into "fr", but this project takes translations from German (de) into English (en)`,
    );
    expect(await projectSnapshot(root)).toEqual(before);
  });

  it("refuses a file that is not well-formed XML, naming file and line, and changes no file", async () => {
    const root = await createExchangeFixture();
    const text = await exported(root);
    const before = await projectSnapshot(root);
    await editExchange(
      root,
      '<target state="final">South</target>',
      '<target state="final">South</tar>',
    );
    const result = await runImport([exchange], root);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^${exchange.replace(/\./g, "\\.")}:${lineOf(text, '<target state="final">South</target>')}: the file is not well-formed XML`,
      ),
    );
    expect(await projectSnapshot(root)).toEqual(before);
  });
});

describe("i18n:import of approvals and the memory's history", () => {
  it("reports a file whose translator only approved segments as confirmed, and records them as up to date", async () => {
    // Translated, but nobody has recorded from which German: every unit is to be reviewed.
    const root = await makeTempDir("gw-approve-");
    await writeFiles(root, exchangeFiles);
    const text = await exported(root, []);
    expect(text).not.toContain('approved="yes"');
    const approved = text.replace(
      /<trans-unit id="([^"]+)"/g,
      '<trans-unit id="$1" approved="yes"',
    );
    await writeFile(path.join(root, exchange), approved);
    const english = await readFile(path.join(root, "src/site/en/home.md"), "utf8");
    const result = await runImport([exchange], root);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^16 segments confirmed, nothing to change\.\n/);
    // Only the records change: the page gains its translatedFrom, its text stays as it was.
    const marked = await readFile(path.join(root, "src/site/en/home.md"), "utf8");
    expect(marked).toMatch(/\ntranslatedFrom: "[0-9a-f]{12}"\n---\n/);
    expect(marked.replace(/translatedFrom: "[0-9a-f]{12}"\n/, "")).toBe(english);
    expect((await runExport(["--out", "out"], root)).stdout).toMatch(
      /^English \(en\): nothing to translate/,
    );
  });

  it("adds a new translation to the memory beside the earlier one, dated", async () => {
    const root = await createExchangeFixture();
    await exported(root);
    await editExchange(root, ">South<", ">The south<");
    expect((await runImport([exchange], root)).exitCode).toBe(0);
    await exported(root);
    await editExchange(root, ">The south<", ">Southern Germany<");
    expect((await runImport([exchange], root)).exitCode).toBe(0);
    const pairs = (await readMemory(root, "en")).get("common.region.south") ?? [];
    expect(pairs.map((pair) => pair.target)).toEqual([
      ["South"],
      ["The south"],
      ["Southern Germany"],
    ]);
    expect(pairs.slice(1).map((pair) => pair.changed)).toEqual([
      expect.stringMatching(/^\d{8}T\d{6}Z$/),
      expect.stringMatching(/^\d{8}T\d{6}Z$/),
    ]);
    const tmx = await readFile(path.join(root, "locales/translation-memory.tmx"), "utf8");
    expect(tmx.match(/<tu tuid="common\.region\.south"/g)).toHaveLength(3);
  });
});

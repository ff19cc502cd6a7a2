import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { xliff12ToJs, xliff2js, type XliffJs } from "xliff";
import { exchangeFileName, memoryExportName } from "../../src/translation/export.ts";
import {
  createExchangeFixture,
  exchangeFiles as exchangeFilesText,
  projectSnapshot,
  runExport,
  runImport,
  writeFiles,
} from "./fixture.ts";
import { runTool } from "../support/tools.ts";

async function exportFile(root: string, args: string[]): Promise<string> {
  const result = await runExport(["--out", "out", ...args], root);
  expect(result.stderr).toBe("");
  expect(result.exitCode).toBe(0);
  return readFile(path.join(root, "out", exchangeFileName("en")), "utf8");
}

/**
 * Well-formed, by libxml2's xmllint. The OASIS XSDs are in no npm or Debian package reachable
 * here, so the structure is checked by a reader nobody on the project wrote (`xliff`).
 */
function wellFormed(file: string): void {
  const lint = runTool("xmllint", "libxml2-utils", ["--noout", file]);
  expect(lint.stderr).toBe("");
  expect(lint.status).toBe(0);
}

const pageIds = [
  "home:title",
  "home:description",
  "home:top:p1",
  "home:erster-abschnitt:h1",
  "home:erster-abschnitt:li1",
  "home:erster-abschnitt:li2",
  "home:erster-abschnitt:cell1",
  "home:erster-abschnitt:cell2",
  "home:erster-abschnitt:cell3",
  "home:erster-abschnitt:q1",
];

/** The reader names 1.2 files by their `original`, 2.0 files by their id. */
const originals = ["locales/de/common.json", "src/site/de/quellen.md", "src/site/de/start.md"];

function expectSegments(parsed: XliffJs, [texts, , page] = originals): void {
  expect(parsed.sourceLanguage).toBe("de");
  expect(parsed.targetLanguage).toBe("en");
  expect(Object.keys(parsed.resources)).toHaveLength(3);
  expect(Object.keys(parsed.resources[texts ?? ""] ?? {})).toEqual([
    "common.greeting",
    "common.region.north",
    "common.region.south",
  ]);
  const units = parsed.resources[page ?? ""] ?? {};
  expect(Object.keys(units)).toEqual(pageIds);
  expect(units["home:erster-abschnitt:q1"]?.source).toBe("Ein Zitat über zwei Zeilen.");
  expect(units["home:erster-abschnitt:h1"]?.target).toBe("First section");
}

describe("i18n:export", () => {
  it("writes XLIFF 1.2 that a real XLIFF reader takes apart into the expected segments and codes", async () => {
    const root = await createExchangeFixture();
    const text = await exportFile(root, ["--all"]);
    wellFormed(path.join(root, "out", exchangeFileName("en")));
    const parsed = await xliff12ToJs(text);
    expectSegments(parsed);
    const page = parsed.resources["src/site/de/start.md"] ?? {};
    expect(page["home:top:p1"]?.source).toEqual([
      "Es gibt ",
      { Standalone: { id: "1", ctype: "x-template", "equiv-text": '{% fact "a.count" %}' } },
      " Dinge, siehe ",
      { GenericSpan: { id: "2", ctype: "link", contents: "die Quellen" } },
      ".",
    ]);
    expect(page["home:erster-abschnitt:li1"]?.source).toEqual([
      "Ein ",
      { GenericSpan: { id: "1", ctype: "bold", contents: "wichtiger" } },
      " Punkt mit ",
      { Standalone: { id: "2", ctype: "x-code", "equiv-text": "code" } },
      ".",
    ]);
    expect(page["home:erster-abschnitt:li2"]?.source).toEqual([
      "Das Cluster ",
      { GenericSpan: { id: "1", ctype: "x-lang-en", contents: "HealthCapital" } },
      " in Berlin.",
    ]);
    expect(parsed.resources["locales/de/common.json"]?.["common.greeting"]?.source).toEqual([
      "Hallo ",
      { Standalone: { id: "1", ctype: "x-template", "equiv-text": "{{name}}" } },
    ]);
    // The link's address is a code, never text a translator could change.
    expect(text).not.toContain("/de/quellen/");
    expect(text).toContain('<target state="final">First section</target>');
  });

  it("writes XLIFF 2.0 with <ph/> and <pc> that a real XLIFF reader takes apart", async () => {
    const root = await createExchangeFixture();
    const text = await exportFile(root, ["--all", "--format", "xliff20"]);
    wellFormed(path.join(root, "out", exchangeFileName("en")));
    expect(text).toContain('<segment state="final">');
    expect(text).toContain(
      '<pc id="2" canCopy="no" canDelete="no" type="link" dispStart="[" dispEnd="](/de/quellen/)">die Quellen</pc>',
    );
    expect(text).toContain('<file id="f3" original="src/site/de/start.md">');
    expectSegments(await xliff2js(text), ["f1", "f2", "f3"]);
  });

  it("exports by default only what changed, with the German the translation was made from", async () => {
    const root = await createExchangeFixture();
    await writeFiles(root, {
      "src/site/de/start.md": (
        await readFile(path.join(root, "src/site/de/start.md"), "utf8")
      ).replace("Ein Zitat", "Ein kurzes Zitat"),
    });
    const text = await exportFile(root, []);
    const parsed = await xliff12ToJs(text);
    expect(Object.keys(parsed.resources)).toEqual(["src/site/de/start.md"]);
    expect(Object.keys(parsed.resources["src/site/de/start.md"] ?? {})).toEqual([
      "home:erster-abschnitt:q1",
    ]);
    expect(text).toContain('<target state="needs-review-translation">A quotation over two lines.');
    expect(text).toContain(
      "<note>The current translation was made from this German: Ein Zitat über zwei Zeilen.</note>",
    );
    expect(text).toContain(
      '<note>src/site/de/start.md:17 (under the heading "Erster Abschnitt")</note>',
    );
  });

  it("keeps every id when a block is added in another section", async () => {
    const root = await createExchangeFixture();
    const before = Object.keys(
      (await xliff12ToJs(await exportFile(root, ["--all"]))).resources["src/site/de/start.md"] ??
        {},
    );
    const german = await readFile(path.join(root, "src/site/de/start.md"), "utf8");
    await writeFiles(root, {
      "src/site/de/start.md": `${german}\n## Neuer Abschnitt\n\nNeuer Text.\n`,
    });
    const after = Object.keys(
      (await xliff12ToJs(await exportFile(root, ["--all"]))).resources["src/site/de/start.md"] ??
        {},
    );
    expect(after).toEqual([...before, "home:neuer-abschnitt:h1", "home:neuer-abschnitt:p1"]);
  });

  it("writes the translation memory as well-formed TMX 1.4b with --tmx, and no XLIFF with nothing to translate", async () => {
    const root = await createExchangeFixture();
    const result = await runExport(["--out", "out", "--tmx"], root);
    expect(result.stdout).toBe(
      `English (en): nothing to translate, every text and page is translated from the German as it is now (--all exports everything).\nWritten: out/${memoryExportName}\n`,
    );
    expect(existsSync(path.join(root, "out", exchangeFileName("en")))).toBe(false);
    const file = path.join(root, "out", memoryExportName);
    wellFormed(file);
    const tmx = await readFile(file, "utf8");
    expect(tmx).toContain('<tmx version="1.4">');
    expect(tmx).toMatch(
      /<tu tuid="home:top:p1" changedate="\d{8}T\d{6}Z">[\s\S]*?<tuv xml:lang="de"><seg>Es gibt <ph x="1" type="x-template">\{% fact "a.count" %\}<\/ph>/,
    );
    expect(tmx).toContain(
      '<bpt i="1" x="2" type="link">[</bpt>the sources<ept i="1">](/en/sources/)</ept>',
    );
  });

  it("refuses an unknown format with exit status 2", async () => {
    const root = await createExchangeFixture();
    const result = await runExport(["--format", "xliff3"], root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('unknown format "xliff3"');
  });
});

/** Each unit of an XLIFF 1.2 file: its attributes, its target's state and the code ids of source and target. */
function units12(text: string) {
  return [...text.matchAll(/<trans-unit ([^>]*)>([\s\S]*?)<\/trans-unit>/g)].map(
    ([, attrs = "", body = ""]) => {
      const part = (name: string) =>
        new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(body)?.[1];
      const ids = (xml: string | undefined) =>
        [...(xml ?? "").matchAll(/<(?:x|g|ph|pc)\b[^>]*\bid="([^"]+)"/g)].map((match) => match[1]);
      return {
        id: /id="([^"]+)"/.exec(attrs)?.[1],
        approved: /approved="yes"/.test(attrs),
        state: /<target state="([^"]+)"/.exec(body)?.[1],
        sourceIds: ids(part("source")),
        targetIds: ids(part("target")),
        target: part("target"),
      };
    },
  );
}

describe("the conventions CAT tools read", () => {
  /** The fixture with one new German text and one changed German paragraph. */
  async function partlyTranslated(): Promise<string> {
    const root = await createExchangeFixture();
    const german = await readFile(path.join(root, "src/site/de/start.md"), "utf8");
    await writeFiles(root, {
      "src/site/de/start.md": german.replace("Ein Zitat", "Ein kurzes Zitat"),
      "locales/de/common.json": (
        await readFile(path.join(root, "locales/de/common.json"), "utf8")
      ).replace('"south": "Süden"', '"south": "Süden",\n    "west": "Westen"'),
    });
    return root;
  }

  it("marks up-to-date units approved and final in XLIFF 1.2, final in 2.0, the others to do", async () => {
    const root = await partlyTranslated();
    const units = units12(await exportFile(root, ["--all"]));
    expect(units.filter((unit) => unit.approved).map((unit) => unit.state)).toEqual(
      Array(units.length - 2).fill("final"),
    );
    expect(units.filter((unit) => !unit.approved).map((unit) => [unit.id, unit.state])).toEqual([
      ["common.region.west", undefined],
      ["home:erster-abschnitt:q1", "needs-review-translation"],
    ]);
    const text20 = await exportFile(root, ["--all", "--format", "xliff20"]);
    expect(text20.match(/<segment state="final">/g)).toHaveLength(units.length - 2);
    expect(text20.match(/<segment state="initial">/g)).toHaveLength(2);
  });

  it("counts the segments by state in its summary", async () => {
    const root = await partlyTranslated();
    const all = await runExport(["--out", "out", "--all"], root);
    expect(all.stdout).toMatch(
      /^English \(en\): 17 segments: 15 up to date, 1 to translate, 1 to review \(the source changed, or nobody confirmed the translation\)\.\n/,
    );
    const changed = await runExport(["--out", "out"], root);
    expect(changed.stdout).toMatch(/^English \(en\): 2 segments: 1 to translate, 1 to review/);
  });

  it.each([["en"], ["EN"], ["en-GB"]])(
    "writes the English file for --lang %s, a tag read as BCP 47",
    async (tag) => {
      const root = await createExchangeFixture();
      const result = await runExport(["--all", "--lang", tag, "--out", "out"], root);
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain(`Written: out/${exchangeFileName("en")}`);
    },
  );

  it("refuses --lang for a language translations are not made into, exit 2", async () => {
    const root = await createExchangeFixture();
    for (const tag of ["fr", "de", "english"]) {
      const result = await runExport(["--lang", tag, "--out", "out"], root);
      expect(result.exitCode, tag).toBe(2);
      expect(result.stderr).toContain(`"${tag}" is not a language translations are made into`);
    }
  });

  it("is read by translate-toolkit's pocount with up-to-date units translated, changed ones fuzzy, new ones untranslated", async () => {
    const root = await partlyTranslated();
    await exportFile(root, ["--all"]);
    const pocount = runTool("pocount", "translate-toolkit", [
      "--csv",
      path.join(root, "out", exchangeFileName("en")),
    ]);
    expect(pocount.status, pocount.stderr).toBe(0);
    const [, row = ""] = pocount.stdout.trim().split("\n");
    const [, translated, , , fuzzy, , untranslated, , total] = row
      .split(",")
      .map((cell) => cell.trim());
    expect({ translated, fuzzy, untranslated, total }).toEqual({
      translated: "15",
      fuzzy: "1",
      untranslated: "1",
      total: "17",
    });
  });

  it("gives targets only the codes of their source: a phrase marked as German is a marker, kept on the way back", async () => {
    const root = await createExchangeFixture({
      "src/site/en/home.md": (exchangeFilesText["src/site/en/home.md"] ?? "").replace(
        "- The HealthCapital cluster in Berlin.",
        "- The [Cluster]{lang=de} HealthCapital in Berlin.",
      ),
    });
    const before = await projectSnapshot(root);
    for (const format of ["xliff12", "xliff20"]) {
      const text = await exportFile(root, ["--all", "--format", format]);
      wellFormed(path.join(root, "out", exchangeFileName("en")));
      expect(text).toContain(
        format === "xliff12"
          ? 'The <mrk mtype="x-lang-de">Cluster</mrk> HealthCapital in Berlin.'
          : 'The <mrk id="de1" type="gw:lang-de">Cluster</mrk> HealthCapital in Berlin.',
      );
      for (const unit of units12(
        text.replace(/<unit /g, "<trans-unit ").replace(/<\/unit>/g, "</trans-unit>"),
      )) {
        expect(
          unit.targetIds.every((id) => unit.sourceIds.includes(id)),
          unit.id,
        ).toBe(true);
      }
      const result = await runImport([`out/${exchangeFileName("en")}`], root);
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain("No file needed to change.");
      expect(await projectSnapshot(root)).toEqual(before);
    }
  });
});

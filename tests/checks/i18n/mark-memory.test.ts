import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { markKeys, markPages } from "../../../src/checks/i18n/mark.ts";
import { readMemory } from "../../../src/translation/tmx.ts";
import { exchangeFiles, writeFiles } from "../../translation/fixture.ts";
import { makeTempDir } from "../../support/temp.ts";

describe("i18n:mark and the translation memory", () => {
  it("records the marked page's and texts' German and English segment pairs, and nothing else", async () => {
    const root = await makeTempDir("gw-mark-memory-");
    await writeFiles(root, exchangeFiles);
    await markPages(root, ["src/site/en/home.md"]);
    await markKeys(root, { all: false, files: [], keys: ["common.greeting"] });
    const memory = await readMemory(root, "en");
    expect([...memory.keys()].sort()).toEqual([
      "common.greeting",
      "home:description",
      "home:erster-abschnitt:cell1",
      "home:erster-abschnitt:cell2",
      "home:erster-abschnitt:cell3",
      "home:erster-abschnitt:h1",
      "home:erster-abschnitt:li1",
      "home:erster-abschnitt:li2",
      "home:erster-abschnitt:q1",
      "home:title",
      "home:top:p1",
    ]);
    const tmx = await readFile(path.join(root, "locales/translation-memory.tmx"), "utf8");
    expect(tmx).toMatch(
      /<tu tuid="home:erster-abschnitt:h1" changedate="\d{8}T\d{6}Z">\n {6}<prop type="x-file">src\/site\/de\/start\.md<\/prop>\n {6}<tuv xml:lang="de"><seg>Erster Abschnitt<\/seg><\/tuv>\n {6}<tuv xml:lang="en"><seg>First section<\/seg><\/tuv>/,
    );
  });
});

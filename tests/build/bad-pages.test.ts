import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "vitest";
import { frontMatterLine } from "../../src/lib/pages.ts";
import { editFile } from "../support/project.ts";
import { buildCopy, expectEditorFailure, replaceOnce } from "./support.ts";

const germanPage = "src/site/de/nordrhein-westfalen.md";
const englishPage = "src/site/en/north-rhine-westphalia.md";

/** The 1-based line of the first line of a file that contains `needle`. */
async function lineOf(root: string, file: string, needle: string): Promise<number> {
  const lines = (await readFile(path.join(root, file), "utf8")).split("\n");
  return lines.findIndex((line) => line.includes(needle)) + 1;
}

function appendParagraph(root: string, file: string, paragraph: string): Promise<void> {
  return editFile(root, file, (text) => `${text.trimEnd()}\n\n${paragraph}\n`);
}

describe("a build with a mistake in a page", () => {
  it("stops at front matter that is not valid YAML, naming the file and line", async () => {
    let line = 0;
    const result = await buildCopy(async (root) => {
      // An unquoted colon inside a value, the most common YAML mistake.
      await editFile(root, germanPage, (text) =>
        replaceOnce(text, /^navTitle: .*$/m, "navTitle: Nordrhein-Westfalen: ein Überblick"),
      );
      line = frontMatterLine(await readFile(path.join(root, germanPage), "utf8"), "navTitle") ?? 0;
    });
    expectEditorFailure(result, `${germanPage}:${line}:`, "is not valid YAML");
  });

  it.each(["title", "description", "translationKey"])(
    "stops at a page without %s in its front matter, naming the file and field",
    async (field) => {
      const result = await buildCopy((root) =>
        editFile(root, englishPage, (text) =>
          replaceOnce(text, new RegExp(`^${field}: .*\\n`, "m"), ""),
        ),
      );
      expectEditorFailure(
        result,
        `${englishPage} (${field})`,
        `the front matter lacks the field "${field}"`,
      );
    },
  );

  it("stops at a shortcode naming an unknown fact, naming the file and fact", async () => {
    const result = await buildCopy((root) =>
      editFile(root, germanPage, (text) =>
        replaceOnce(text, '{% fact "nrw.revenue" %}', '{% fact "nrw.turnover" %}'),
      ),
    );
    expectEditorFailure(result, `${germanPage} (nrw.turnover)`, "does not define");
  });

  it("stops at an unknown fact in a page without other template code, naming the file and fact", async () => {
    const result = await buildCopy((root) =>
      editFile(root, "src/site/de/index.md", (text) =>
        replaceOnce(text, '{% fact "nrw.revenue" %}', '{% fact "nrw.turnover" %}'),
      ),
    );
    expectEditorFailure(result, "src/site/de/index.md (nrw.turnover)", "does not define");
  });

  it("stops at a link to a page that does not exist, naming the file and line", async () => {
    let line = 0;
    const result = await buildCopy(async (root) => {
      await appendParagraph(root, germanPage, "Mehr auf der Seite [Standorte](/de/standorte/).");
      line = await lineOf(root, germanPage, "/de/standorte/");
    });
    expectEditorFailure(
      result,
      `${germanPage}:${line}: the link "/de/standorte/" leads to a page that does not exist`,
    );
  });

  it("stops at a link to a #fragment the target page lacks, naming the file and line", async () => {
    let line = 0;
    const result = await buildCopy(async (root) => {
      await appendParagraph(root, germanPage, "Siehe [Quellen](/de/quellen/#gibt-es-nicht).");
      line = await lineOf(root, germanPage, "#gibt-es-nicht");
    });
    expectEditorFailure(
      result,
      `${germanPage}:${line}: the link "/de/quellen/#gibt-es-nicht" leads to "#gibt-es-nicht"`,
    );
  });

  it("stops at a page without its twin in the other language, naming the page", async () => {
    const result = await buildCopy((root) => rm(path.join(root, englishPage)));
    expectEditorFailure(result, germanPage, "(translationKey)", "has no English twin");
  });

  it("stops at two pages claiming the same address, naming both files", async () => {
    const intruder = "src/site/en/north-rhine-westphalia-copy.md";
    const result = await buildCopy((root) =>
      writeFile(
        path.join(root, intruder),
        [
          "---",
          "title: A second page about North Rhine-Westphalia",
          "description: Claims the address of the existing page.",
          "translationKey: nrw-copy",
          "onlyInThisLanguage: checks that two pages cannot share an address",
          "permalink: /en/north-rhine-westphalia/",
          "---",
          "Text.",
          "",
        ].join("\n"),
      ),
    );
    expectEditorFailure(result, englishPage, intruder, "same address", "permalink");
  });
});

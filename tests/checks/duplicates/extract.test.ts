import { describe, expect, it } from "vitest";
import { extractHtml } from "../../../src/checks/duplicates/extract-html.ts";
import { extractMarkdown } from "../../../src/checks/duplicates/extract-markdown.ts";
import { extractText } from "../../../src/checks/duplicates/extract-text.ts";

const place = (file: {
  blocks: { kind: string; startLine: number; endLine: number; lang: string }[];
}) => file.blocks.map((block) => `${block.kind} ${block.startLine}-${block.endLine} ${block.lang}`);

describe("extractMarkdown", () => {
  it("counts the front matter in the line numbers", () => {
    const content = [
      "---", // 1
      "title: Titel", // 2
      "translationKey: titel", // 3
      "---", // 4
      "", // 5
      "# Überschrift", // 6
      "", // 7
      "Erster Absatz,", // 8
      "über zwei Zeilen.", // 9
    ].join("\n");
    expect(place(extractMarkdown("src/site/de/titel.md", content))).toEqual([
      "heading 6-6 de",
      "paragraph 8-9 de",
    ]);
  });

  it("reads list items, quotations and table cells as blocks of their own", () => {
    const content = [
      "- erster Punkt", // 1
      "- zweiter Punkt", // 2
      "", // 3
      "> Ein Zitat", // 4
      "", // 5
      "| Land | Zahl |", // 6
      "| ---- | ---- |", // 7
      "| Berlin | 12 |", // 8
    ].join("\n");
    expect(place(extractMarkdown("seite.md", content))).toEqual([
      "list item 1-1 und",
      "list item 2-2 und",
      "blockquote 4-4 und",
      "table cell 6-6 und",
      "table cell 6-6 und",
      "table cell 8-8 und",
      "table cell 8-8 und",
    ]);
  });

  it("takes the language from the front matter before the folder", () => {
    const content = "---\nlang: en\n---\n\nAn English paragraph.\n";
    expect(extractMarkdown("src/site/de/page.md", content).blocks[0]?.lang).toBe("en");
    expect(extractMarkdown("src/site/de/page.md", "Ein Absatz.\n").blocks[0]?.lang).toBe("de");
  });

  it("takes the nearest folder named after a language, not any two-letter folder", () => {
    expect(extractMarkdown("src/site/en/js/page.md", "A paragraph.\n").blocks[0]?.lang).toBe("en");
    expect(extractMarkdown("notes/js/page.md", "Notizen.\n").blocks[0]?.lang).toBe("und");
  });

  it("names a page whose front matter is not valid YAML and checks none of its text", () => {
    const broken = "---\ntitle: Start: Seite\n---\n\nEin Absatz über die Gesundheitswirtschaft.\n";
    const skipped = extractMarkdown("src/site/de/start.md", broken);
    expect(skipped.blocks).toEqual([]);
    expect(skipped.warning).toMatch(
      /^src\/site\/de\/start\.md: the front matter is not valid YAML \(.+\), so the page was not checked\.$/,
    );
    const fixed = extractMarkdown(
      "src/site/de/start.md",
      broken.replace("Start: Seite", '"Start: Seite"'),
    );
    expect(fixed.warning).toBeUndefined();
    expect(place(fixed)).toEqual(["paragraph 5-5 de"]);
  });
});

describe("extractHtml", () => {
  const page = [
    '<html lang="de">', // 1
    "<body>", // 2
    "<header><p>Kopfzeile der Website</p></header>", // 3
    '<main id="main">', // 4
    "<h1>Titel</h1>", // 5
    "<p>Ein Absatz mit <em>Betonung</em>", // 6
    "über zwei Zeilen.</p>", // 7
    '<nav aria-label="Inhalt"><a href="#a">Sprungmarke</a></nav>', // 8
    '<ul><li>Punkt <span lang="en">with English</span></li>', // 9
    '<li lang="en">An English item</li></ul>', // 10
    "<p>Preise &amp; Kosten</p>", // 11
    "</main>", // 12
    "<footer><p>Fußzeile</p></footer>", // 13
    "</body></html>", // 14
  ].join("\n");

  it("reads only the main content, with the lines of the .html file", () => {
    const file = extractHtml("de/index.html", page);
    expect(place(file)).toEqual([
      "heading 5-5 de",
      "paragraph 6-7 de",
      "list item 9-9 de",
      "list item 10-10 en",
      "paragraph 11-11 de",
    ]);
    expect(file.blocks.map((block) => block.normalised)).toContain("preise & kosten");
    expect(file.warning).toBeUndefined();
  });

  it("warns about a page without main content instead of passing it silently", () => {
    const file = extractHtml("de/leer.html", '<html lang="de"><body><p>Nur Text</p></body></html>');
    expect(file.blocks).toEqual([]);
    expect(file.warning).toContain("de/leer.html");
  });
});

describe("extractText", () => {
  it("splits plain text at blank lines", () => {
    const file = extractText("quelle.txt", "Erste Zeile\nzweite Zeile\n\n\nDritter Block\n", "de");
    expect(place(file)).toEqual(["paragraph 1-2 de", "paragraph 5-5 de"]);
  });
});

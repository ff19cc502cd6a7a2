import { describe, expect, it } from "vitest";
import matter from "gray-matter";
import { createFrontMatterShare, readFrontMatter, splitPage } from "../../src/lib/front-matter.ts";

describe("readFrontMatter", () => {
  it("reads the fields, the text between the --- lines and the line the body starts on", () => {
    const page = readFrontMatter("---\ntitle: Start\nlang: de\n---\n# Start\n\nText.\n");
    expect(page).toEqual({
      data: { title: "Start", lang: "de" },
      frontMatterText: "title: Start\nlang: de",
      body: "# Start\n\nText.\n",
      bodyLine: 5,
    });
  });

  it("takes a page without front matter as all body, from line 1", () => {
    expect(readFrontMatter("# Start\n")).toEqual({
      data: {},
      frontMatterText: "",
      body: "# Start\n",
      bodyLine: 1,
    });
  });

  it("throws js-yaml's error at the broken line, counted from the opening --- line", () => {
    const broken = "---\ntitle: Start\ndescription: a: b\n---\nText.\n";
    let thrown: unknown;
    try {
      readFrontMatter(broken);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: "YAMLException", mark: { line: 2 } });
    expect(() => readFrontMatter(broken.replace("a: b", '"a: b"'))).not.toThrow();
  });
});

describe("splitPage", () => {
  it("gives the body and the file line it starts on", () => {
    expect(splitPage("---\ntitle: T\n---\nText\n")).toEqual({
      frontMatterText: "title: T",
      body: "Text\n",
      bodyLine: 4,
    });
    expect(splitPage("Text")).toEqual({ frontMatterText: "", body: "Text", bodyLine: 1 });
  });
});

describe("createFrontMatterShare", () => {
  const page = "---\ntitle: Start\ntags: [a, b]\n---\n# Start\n";
  // Eleventy's front matter parser with the shared engine, as `.eleventy.ts` sets it.
  const parseAsEleventy = (text: string, yaml: (block: string) => unknown) =>
    matter(text, { engines: { yaml: (block: string) => yaml(block) as object } }).data;

  it("hands Eleventy the very data the source check parsed, once", () => {
    const share = createFrontMatterShare();
    const checked = share.load(splitPage(page).frontMatterText);
    expect(parseAsEleventy(page, share.yaml)).toBe(checked);
    const again = parseAsEleventy(page, share.yaml);
    expect(again).not.toBe(checked);
    expect(again).toEqual({ title: "Start", tags: ["a", "b"] });
  });

  it("parses front matter the check has not seen, as a page saved since", () => {
    const share = createFrontMatterShare();
    const checked = share.load(splitPage(page).frontMatterText);
    const saved = page.replace("Start", "Neu");
    const data = parseAsEleventy(saved, share.yaml);
    expect(data).not.toBe(checked);
    expect(data).toEqual({ title: "Neu", tags: ["a", "b"] });
  });
});

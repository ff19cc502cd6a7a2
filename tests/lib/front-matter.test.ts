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

  it("throws js-yaml's error at the broken line, counted from 0 on the opening --- line", () => {
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

  it("reads a merge key and a date as they are written, not as YAML 1.1 would expand them", () => {
    const page = readFrontMatter("---\n<<: {layout: x}\ntitle: 2026-11-22\n---\n");
    expect(page.data).toEqual({ "<<": { layout: "x" }, title: "2026-11-22" });
  });
});

describe("splitPage", () => {
  it("gives the body and the file line it starts on", () => {
    expect(splitPage("---\ntitle: T\n---\nText\n")).toEqual({
      frontMatterKind: "",
      block: "\ntitle: T",
      frontMatterText: "title: T",
      body: "Text\n",
      bodyLine: 4,
    });
    expect(splitPage("Text")).toMatchObject({ frontMatterText: "", body: "Text", bodyLine: 1 });
  });

  // Eleventy's own parser, with engines that keep the block instead of reading it.
  const asEleventy = (text: string) => {
    const blocks: string[] = [];
    const keep = (block: string) => {
      blocks.push(block);
      return {};
    };
    const file = matter(text, { engines: { yaml: keep, javascript: keep } });
    const source = text.replace(/^\uFEFF/, "");
    return {
      block: blocks[0] ?? "",
      body: file.content,
      bodyLine: source.slice(0, source.length - file.content.length).split("\n").length,
    };
  };

  it.each([
    ["a plain page", "---\ntitle: T\n---\nText\n"],
    ["a closing line with spaces after it", "---\ntitle: T\n---  \nText\n"],
    ["a closing line with a word after it", "---\ntitle: T\n--- x\nText\n"],
    ["a closing line of four dashes", "---\ntitle: T\n----\nText\n"],
    ["an opening line with spaces after it", "---  \ntitle: T\n---\nText\n"],
    ["Windows line ends", "---\r\ntitle: T\r\n---\r\nText\r\n"],
    ["a byte-order mark", "\uFEFF---\ntitle: T\n---\nText\n"],
    ["no closing line", "---\ntitle: T\n"],
    ["four dashes at the start", "----\ntitle: T\n----\nText\n"],
    ["JavaScript front matter", "---js\n{ title: 'T' }\n---\nText\n"],
    ["an empty front matter", "---\n---\nText\n"],
    ["no front matter", "Text\n---\nMore\n"],
  ])("splits %s where Eleventy's parser splits it", (_case, text) => {
    const split = splitPage(text);
    expect({ block: split.block, body: split.body, bodyLine: split.bodyLine }).toEqual(
      asEleventy(text),
    );
  });

  it("names the kind of front matter the opening line asks for", () => {
    expect(splitPage("---js\n{}\n---\n").frontMatterKind).toBe("js");
    expect(splitPage("--- json\n{}\n---\n").frontMatterKind).toBe("json");
    expect(splitPage("---  \ntitle: T\n---\n").frontMatterKind).toBe("");
  });
});

describe("createFrontMatterShare", () => {
  const page = "---\ntitle: Start\ntags: [a, b]\n---\n# Start\n";
  // Eleventy's front matter parser with the shared engine, as `.eleventy.ts` sets it.
  const parseAsEleventy = (text: string, yaml: (block: string) => unknown) =>
    matter(text, { engines: { yaml: (block: string) => yaml(block) as object } }).data;

  it("hands Eleventy the very data the source check parsed, once", () => {
    const share = createFrontMatterShare();
    const checked = share.load(splitPage(page));
    expect(parseAsEleventy(page, share.yaml)).toBe(checked);
    const again = parseAsEleventy(page, share.yaml);
    expect(again).not.toBe(checked);
    expect(again).toEqual({ title: "Start", tags: ["a", "b"] });
  });

  it("parses front matter the check has not seen, as a page saved since, the same way", () => {
    const share = createFrontMatterShare();
    const checked = share.load(splitPage(page));
    const saved = page.replace("Start", "Neu").replace("tags: [a, b]", "<<: {tags: [a]}");
    const data = parseAsEleventy(saved, share.yaml);
    expect(data).not.toBe(checked);
    expect(data).toEqual({ title: "Neu", "<<": { tags: ["a"] } });
  });
});

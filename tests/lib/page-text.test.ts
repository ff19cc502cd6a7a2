import { describe, expect, it } from "vitest";
import { pageTextBlocks, readableText } from "../../src/lib/page-text.ts";

/** A page body starting on line 5 of its file (four lines of front matter above it). */
const bodyLine = 5;
const body = [
  "# Gesundheit in NRW", // 5
  "", // 6
  "Ein Absatz über", // 7
  "zwei Zeilen mit [Link](/de/quellen/){lang=de}.", // 8
  "", // 9
  "- Ein Punkt", // 10
  "  mit Fortsetzung", // 11
  "", // 12
  "> Ein Zitat.", // 13
  "", // 14
  "| Region | Zahl |", // 15
  "| ------ | ---- |", // 16
  "| NRW    | 1,1  |", // 17
  "", // 18
  "Unterstrichen", // 19
  "-------------", // 20
].join("\n");

describe("the page text every check reads", () => {
  const blocks = pageTextBlocks(body, bodyLine);

  it("gives each block its kind, its Markdown and its lines in the file", () => {
    expect(
      blocks.map(({ kind, source, startLine, endLine, level }) => ({
        kind,
        source,
        startLine,
        endLine,
        level,
      })),
    ).toEqual([
      { kind: "heading", source: "Gesundheit in NRW", startLine: 5, endLine: 5, level: 1 },
      {
        kind: "paragraph",
        source: "Ein Absatz über\nzwei Zeilen mit [Link](/de/quellen/){lang=de}.",
        startLine: 7,
        endLine: 8,
        level: 0,
      },
      {
        kind: "list item",
        source: "Ein Punkt\nmit Fortsetzung",
        startLine: 10,
        endLine: 11,
        level: 0,
      },
      { kind: "blockquote", source: "Ein Zitat.", startLine: 13, endLine: 13, level: 0 },
      { kind: "table cell", source: "Region", startLine: 15, endLine: 15, level: 0 },
      { kind: "table cell", source: "Zahl", startLine: 15, endLine: 15, level: 0 },
      { kind: "table cell", source: "NRW", startLine: 17, endLine: 17, level: 0 },
      { kind: "table cell", source: "1,1", startLine: 17, endLine: 17, level: 0 },
      { kind: "heading", source: "Unterstrichen", startLine: 19, endLine: 19, level: 2 },
    ]);
  });

  it("finds a character of a block at its line and column in the file", () => {
    const at = (index: number, text: string) => {
      const block = blocks[index];
      return block?.position(block.source.indexOf(text));
    };
    expect(at(0, "in NRW")).toEqual({ line: 5, column: 14 });
    expect(at(1, "zwei")).toEqual({ line: 8, column: 1 });
    expect(at(1, "Link")).toEqual({ line: 8, column: 18 });
    // The list marker and the indentation markdown-it removed are counted back in.
    expect(at(2, "Punkt")).toEqual({ line: 10, column: 7 });
    expect(at(2, "Fortsetzung")).toEqual({ line: 11, column: 7 });
    expect(at(3, "Zitat")).toEqual({ line: 13, column: 7 });
    // A table cell is found in its row, after the cells before it.
    expect(at(5, "Zahl")).toEqual({ line: 15, column: 12 });
    expect(at(7, "1,1")).toEqual({ line: 17, column: 12 });
  });

  it("gives the text readers see with inline syntax blanked out, offsets kept", () => {
    const paragraph = blocks[1];
    // "[" and "](/de/quellen/){lang=de}" become as many spaces.
    expect(paragraph?.text).toBe(`Ein Absatz über\nzwei Zeilen mit  Link${" ".repeat(24)}.`);
    expect(paragraph?.text.length).toBe(paragraph?.source.length);
    expect(readableText("**fett** und `Code`")).toBe("  fett   und  Code ");
  });

  it("gives nothing for an empty body", () => {
    expect(pageTextBlocks("", 1)).toEqual([]);
  });
});

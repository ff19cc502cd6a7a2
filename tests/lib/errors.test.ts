import { describe, expect, it } from "vitest";
import {
  ContentError,
  describeContentError,
  findContentError,
  lineAndColumn,
} from "../../src/lib/errors.ts";

describe("content errors", () => {
  it("describe themselves as file, line and key followed by the message", () => {
    const error = new ContentError("is missing", {
      file: "locales/en/common.json",
      line: 3,
      key: "common.x",
    });
    expect(describeContentError(error)).toBe("locales/en/common.json:3 (common.x): is missing");
  });

  it("are found behind the errors Eleventy and Nunjucks wrap them in", () => {
    const original = new ContentError("broken", { file: "data/facts.ts" });
    const wrapped = Object.assign(new Error("Having trouble rendering"), {
      originalError: new Error("Template render error", { cause: original }),
    });
    expect(findContentError(wrapped)).toBe(original);
  });

  it("are not invented when an error has no content error behind it", () => {
    expect(findContentError(new Error("disk full"))).toBeUndefined();
  });

  it("convert a character offset to a 1-based line and column", () => {
    expect(lineAndColumn("ab\ncd\nef", 4)).toEqual({ line: 2, column: 2 });
  });
});

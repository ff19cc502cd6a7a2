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

  it("are made from a Nunjucks render error, its line counted from the top of the file", () => {
    const nunjucks = new Error(
      "(./src/site/_includes/layouts/sources.njk) [Line 3, Column 5]\n  attempted to output null or undefined value",
    );
    const wrapper = Object.assign(new Error("Having trouble writing"), { originalError: nunjucks });
    const error = findContentError(wrapper, (file) =>
      file === "src/site/_includes/layouts/sources.njk" ? 4 : 1,
    );
    expect(error?.location).toEqual({
      file: "src/site/_includes/layouts/sources.njk",
      line: 6,
      column: 5,
    });
    expect(error?.message).toContain("attempted to output null or undefined value");
  });

  it("prefer a content error to the Nunjucks error around it", () => {
    const original = new ContentError("unknown fact", { file: "src/site/de/x.md", key: "a.b" });
    const nunjucks = Object.assign(
      new Error("(./src/site/_includes/x.njk) [Line 1, Column 1]\n  unknown fact"),
      {
        cause: original,
      },
    );
    expect(findContentError(nunjucks)).toBe(original);
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

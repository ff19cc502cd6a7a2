import { describe, expect, it } from "vitest";
import { setFrontMatterField } from "../../src/lib/front-matter-field.ts";

describe("setting a front-matter field", () => {
  it("replaces the line that has the field and leaves every other byte alone", () => {
    const text =
      '---\ntitle: A\ntranslatedFrom: "old"\nlayout: x\n---\nBody\ntranslatedFrom: body\n';
    expect(setFrontMatterField("page.md", text, "translatedFrom", "new")).toBe(
      '---\ntitle: A\ntranslatedFrom: "new"\nlayout: x\n---\nBody\ntranslatedFrom: body\n',
    );
  });

  it("adds the field at the end of the front matter, keeping Windows line endings", () => {
    const text = "---\r\ntitle: A\r\n---\r\nBody\r\n";
    expect(setFrontMatterField("page.md", text, "translatedFrom", "abc")).toBe(
      '---\r\ntitle: A\r\ntranslatedFrom: "abc"\r\n---\r\nBody\r\n',
    );
  });

  it("refuses a page without front matter", () => {
    expect(() => setFrontMatterField("page.md", "Body only\n", "translatedFrom", "abc")).toThrow(
      /no front matter/,
    );
  });
});

import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCopy, replaceOnce } from "../build/support.ts";
import { attribute, parseHtml, tag, text } from "../support/html.ts";
import { editFile } from "../support/project.ts";

const address = "https://example.org/gesundheitswirtschaft";

describe("a source whose web address and retrieval date are filled in", () => {
  it("is shown with a link to the address and the date in each language's form, without placeholders", async () => {
    const result = await buildCopy((root) =>
      editFile(root, "data/sources.ts", (source) => {
        const start = source.indexOf("  lzg: {");
        const lzg = source
          .slice(start)
          .replace(
            /url: \{\n\s*placeholder: true,\n\s*value: \{[^}]*\},\n\s*\}/,
            `url: { placeholder: false, value: "${address}" }`,
          )
          .replace(
            /retrievedOn: \{\n\s*placeholder: true,\n\s*value: \{[^}]*\},\n\s*\}/,
            'retrievedOn: { placeholder: false, value: "2026-11-22" }',
          );
        return replaceOnce(source, source.slice(start), lzg);
      }),
    );
    expect(result.status, result.output).toBe(0);
    for (const [file, date] of [
      ["de/quellen/index.html", "22. November 2026"],
      ["en/sources/index.html", "22 November 2026"],
    ] as const) {
      const doc = parseHtml(await readFile(path.join(result.root, "_site", file), "utf8"));
      const section = text(doc.first(tag("section", { "aria-labelledby": "source-lzg" })));
      expect(section, file).toContain(date);
      expect(section, file).not.toContain("[");
      const link = doc.first(
        (element) => element.name === "a" && attribute(element, "href") === address,
      );
      expect(attribute(link, "rel"), file).toBe("external noreferrer");
    }
  });
});

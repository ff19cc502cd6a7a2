import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildRealSite } from "../support/built-site.ts";
import { attribute, parseHtml, tag, text, within } from "../support/html.ts";
import { editFile } from "../support/project.ts";
import { buildCopy, replaceOnce } from "./support.ts";

describe("outdated translation notice on built pages", () => {
  it("appears at the top of an English page's main content once its German page changed", async () => {
    const result = await buildCopy((root) =>
      editFile(root, "src/site/de/kennzahlen.md", (text) =>
        replaceOnce(text, "Die Zahlen zählen nicht dasselbe", "Die Zahlen messen nicht dasselbe"),
      ),
    );
    expect(result.status, result.output).toBe(0);
    const page = parseHtml(
      await readFile(path.join(result.root, "_site/en/key-figures/index.html"), "utf8"),
    );
    // A KERN alert on the heading's band, before the heading.
    const intro = page.first(tag("div", { class: "page-intro" }));
    const parts = within(intro, (element) => ["p", "h1"].includes(element.name));
    expect(parts.map((part) => attribute(part, "class") ?? part.name)).toEqual([
      "outdated-notice",
      "h1",
    ]);
    const [first] = parts;
    const [link] = within(first ?? null, tag("a", { hreflang: "de", lang: "de" }));
    expect(attribute(link ?? null, "href")).toBe("/de/kennzahlen/");
    expect(text(link ?? null)).toBe("Kennzahlen im Vergleich");
    const german = await readFile(path.join(result.root, "_site/de/kennzahlen/index.html"), "utf8");
    expect(german).not.toContain("outdated-notice");
  });

  it("appears nowhere on the current site, whose translations are up to date", async () => {
    const site = await buildRealSite();
    expect(site.pages.length).toBeGreaterThan(10);
    for (const built of site.pages) expect(built.html, built.url).not.toContain("outdated-notice");
  });
});

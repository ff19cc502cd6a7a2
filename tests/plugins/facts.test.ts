import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCopy } from "../build/support.ts";
import { parseHtml, tag, text, within } from "../support/html.ts";
import type { CommandResult } from "../support/project.ts";

/** A German page that exists in one language only, with `body` as its Markdown. */
function germanPage(key: string, body: string): string {
  return `---
title: Prüfseite ${key}
description: Eine Seite, die nur die Tests bauen.
translationKey: ${key}
onlyInThisLanguage: Nur für die Tests.
sitemap: false${key === "easy" ? "\neasyLanguage: true" : ""}
---
${body}
`;
}

const pages = {
  plain: 'Umsatz: {% fact "nrw.revenue" %}.',
  // `{#` opens nothing in Markdown: the page is Markdown only, never a Nunjucks template.
  comment: 'Umsatz: {% fact "nrw.revenue" %}.{# Kommentar #}',
  code: 'Im Quelltext steht `{% fact "nrw.revenue" %}` für die Zahl, und ``{{ x }}`` für nichts.',
  fenced: '```\n{% fact "nrw.revenue" %} {{ "".constructor }}\n```',
  easy: 'Umsatz: {% fact "nrw.revenue" %}.',
};

describe("facts in Markdown pages", () => {
  let build: CommandResult & { root: string };

  beforeAll(async () => {
    build = await buildCopy(async (root) => {
      for (const [key, body] of Object.entries(pages)) {
        await writeFile(
          path.join(root, "src/site/de", `pruefung-${key}.md`),
          germanPage(key, body),
        );
      }
    });
  });

  /** The text of the first paragraph in the page's main content. */
  async function paragraph(key: string): Promise<string> {
    const file = path.join(build.root, "_site/de", `pruefung-${key}`, "index.html");
    const main = parseHtml(await readFile(file, "utf8")).first(tag("main"));
    return text(within(main, tag("p"))[0] ?? null);
  }

  it("are written in the page's language, and braces that are no shortcode stay text", async () => {
    expect(build.status, build.output).toBe(0);
    expect(await paragraph("plain")).toMatch(/^Umsatz: ca\.\u00a058\u00a0Mrd\.\u00a0€\.$/);
    expect(await paragraph("comment")).toBe(`${await paragraph("plain")}{# Kommentar #}`);
  });

  it("are written without abbreviations on a page in Leichte Sprache, by the same shortcode", async () => {
    expect(await paragraph("easy")).toBe("Umsatz: ungefähr\u00a058\u00a0Milliarden\u00a0Euro.");
  });

  it("stay as written inside code spans and fenced code", async () => {
    expect(await paragraph("code")).toBe(
      'Im Quelltext steht {% fact "nrw.revenue" %} für die Zahl, und {{ x }} für nichts.',
    );
    const file = path.join(build.root, "_site/de/pruefung-fenced/index.html");
    const main = parseHtml(await readFile(file, "utf8")).first(tag("main"));
    expect(text(within(main, tag("code"))[0] ?? null)).toBe(
      '{% fact "nrw.revenue" %} {{ "".constructor }}\n',
    );
  });
});

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
sitemap: false
---
${body}
`;
}

const pages = {
  // Nothing but a fact: written in before rendering, no template engine.
  plain: 'Umsatz: {% fact "nrw.revenue" %}.',
  // The same sentence with other template code: rendered by Nunjucks and its shortcode.
  nunjucks: 'Umsatz: {% fact "nrw.revenue" %}.{# Kommentar #}',
  raw: 'Im Quelltext steht {% raw %}{% fact "nrw.revenue" %}{% endraw %} für die Zahl.',
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

  it("are written the same whether the page has other template code or not", async () => {
    expect(build.status, build.output).toBe(0);
    expect(await paragraph("plain")).toMatch(/^Umsatz: .*\d.*\.$/);
    expect(await paragraph("plain")).toBe(await paragraph("nunjucks"));
  });

  it("stay as written inside a raw block", async () => {
    expect(await paragraph("raw")).toBe(
      'Im Quelltext steht {% fact "nrw.revenue" %} für die Zahl.',
    );
  });
});

import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Element } from "domhandler";
import { glob } from "tinyglobby";
import { beforeAll, describe, expect, it } from "vitest";
import { attribute, parseHtml, tag, text } from "../support/html.ts";
import { editFile } from "../support/project.ts";
import { buildCopy, elementsOf, isJsonLdBlock, replaceOnce, setLocaleString } from "./support.ts";

/** Markup that would run script if it reached a page unescaped, in text or in an attribute. */
const payload = `<script>alert(1)</script><img src=x onerror="alert(1)"> " onmouseover="alert(1)`;
/** Markdown that would make a script link or an event attribute if the Markdown allowed it. */
const markdownPayload = "[x](javascript:alert(1)) [y]{onclick=alert(1)}";
/** How the payloads read where a layout inserts them: as typed, Markdown included. */
const insertedAsText = `${payload} ${markdownPayload}`;

const markdownBody = [
  'Roh: <script>alert(1)</script> <img src=x onerror="alert(1)"> <a href="javascript:alert(1)">a</a> <svg onload=alert(1)>',
  "",
  "[Link](javascript:alert(1)) [Gross](JAVASCRIPT:alert(1)) [Kodiert](java&#115;cript:alert(1)) [Daten](data:text/html,<script>alert(1)</script>) [Alt](vbscript:msgbox(1))",
  "",
  '![Bild](x" onerror="alert(1)) ![Bild2](javascript:alert(1)) ![Titel](/assets/favicon.svg "t\\" onerror=\\"alert(1)")',
  "",
  '[Attribut](/de/){onclick=alert(1) lang=en} [Spanne]{onclick="alert(1)" lang=en} [Zitat]{lang="en\\" onclick=\\"alert(1)"}',
  "",
  "Absatz mit Attribut {onmouseover=alert(1)}",
].join("\n");

const germanPage = "src/site/de/nordrhein-westfalen.md";

/** Writes a string as a quoted YAML (and TypeScript) string: JSON is valid in both. */
const quoted = (value: string) => JSON.stringify(value);

/** Everything in a page that would make a browser run script: elements, handlers, URLs. */
function activeContent(html: string): string[] {
  const problems: string[] = [];
  for (const element of elementsOf(html)) {
    if (element.name === "script" && !isJsonLdBlock(element)) problems.push("a <script> element");
    for (const [name, value] of Object.entries(element.attribs)) {
      if (name.startsWith("on")) problems.push(`<${element.name} ${name}="${value}">`);
      // Browsers ignore spaces and control characters inside a URL's scheme.
      const scheme = /^([a-z][a-z\d+.-]*):/i.exec(value.replace(/[\s\p{Cc}]/gu, ""))?.[1];
      if (scheme !== undefined && /^(?:javascript|vbscript|data)$/i.test(scheme)) {
        problems.push(`<${element.name} ${name}="${value}">`);
      }
    }
  }
  return problems;
}

describe("text from editors on the built pages", () => {
  const pages = new Map<string, string>();

  beforeAll(async () => {
    const result = await buildCopy(async (root) => {
      await setLocaleString(root, "locales/en/common.json", ["skipLink"], `Skip ${payload}`);
      await setLocaleString(root, "locales/en/common.json", ["languageSwitcher"], payload);
      await setLocaleString(
        root,
        "locales/de/publisher.json",
        ["placeholderNotice"],
        `Platzhalter ${payload} ${markdownPayload}`,
      );
      await setLocaleString(
        root,
        "locales/de/openData.json",
        ["dataset", "title"],
        `Kennzahlen ${payload}`,
      );
      await editFile(root, "data/publisher.ts", (source) =>
        replaceOnce(
          source,
          'de: "E-Mail-Adresse"',
          `de: ${quoted(`E-Mail ${payload} ${markdownPayload}`)}`,
        ),
      );
      await editFile(root, "data/sources.ts", (source) =>
        replaceOnce(
          source,
          'onSite: "Vernetzte Versorgung"',
          `onSite: ${quoted(`Vernetzte ${payload} ${markdownPayload}`)}`,
        ),
      );
      await editFile(root, "data/facts.ts", (source) =>
        replaceOnce(
          source,
          'de: "Derzeitiger Umsatz pro Jahr in der Gesundheitswirtschaft"',
          `de: ${quoted(`Umsatz ${payload}`)}`,
        ),
      );
      await editFile(root, germanPage, (source) => {
        let edited = replaceOnce(source, /^title: .*$/m, `title: ${quoted(`Titel ${payload}`)}`);
        edited = replaceOnce(edited, /^navTitle: .*$/m, `navTitle: ${quoted(`Menü ${payload}`)}`);
        edited = replaceOnce(
          edited,
          /^description: .*$/m,
          `description: ${quoted(`Beschreibung ${payload}`)}`,
        );
        return `${edited.trimEnd()}\n\n${markdownBody}\n`;
      });
    });
    expect(result.status, result.output).toBe(0);
    const site = path.join(result.root, "_site");
    for (const file of await glob("**/*.html", { cwd: site })) {
      pages.set(file, await readFile(path.join(site, file), "utf8"));
    }
  });

  const page = (file: string): ReturnType<typeof parseHtml> => {
    const html = pages.get(file);
    if (html === undefined) throw new Error(`${file} was not built`);
    return parseHtml(html);
  };
  const textOf = (file: string, predicate: (element: Element) => boolean) =>
    text(page(file).first(predicate));

  it("contain no script element, event handler or script URL on any page", () => {
    expect(pages.size).toBeGreaterThan(10);
    for (const [file, html] of pages) expect(activeContent(html), file).toEqual([]);
  });

  it("keep locale strings inside the data page's JSON-LD block, as JSON text", () => {
    const blocks = page("de/daten/index.html").all(tag("script"));
    expect(blocks).toHaveLength(1);
    const { name } = JSON.parse(text(blocks[0] ?? null)) as {
      name: { "@value": string; "@language": string }[];
    };
    expect(name.find((each) => each["@language"] === "de")?.["@value"]).toBe(
      `Kennzahlen ${payload}`,
    );
  });

  it("show locale strings as text, in element content and in attributes", () => {
    expect(textOf("en/index.html", tag("a", { class: "skip-link" }))).toBe(`Skip ${payload}`);
    expect(
      attribute(
        page("en/index.html").first(tag("nav", { class: "language-switcher" })),
        "aria-label",
      ),
    ).toBe(payload);
    expect(textOf("de/impressum/index.html", tag("main"))).toContain(
      `Platzhalter ${insertedAsText}`,
    );
  });

  it("show data module texts as text, in the layouts that draw them", () => {
    expect(textOf("de/barrierefreiheit/index.html", tag("main"))).toContain(
      `E-Mail ${insertedAsText}`,
    );
    expect(textOf("de/quellen/index.html", tag("main"))).toContain(
      `Vernetzte ${payload} ${markdownPayload}`,
    );
    expect(textOf("de/quellen/index.html", tag("main"))).toContain(`Umsatz ${payload}`);
  });

  it("show front matter as text in the title, heading, menu and description", () => {
    const file = "de/nordrhein-westfalen/index.html";
    expect(textOf(file, tag("title"))).toContain(`Titel ${payload}`);
    expect(textOf(file, tag("h1"))).toBe(`Titel ${payload}`);
    expect(textOf("de/index.html", tag("nav", { class: "main-menu" }))).toContain(
      `Menü ${payload}`,
    );
    expect(attribute(page(file).first(tag("meta", { name: "description" })), "content")).toBe(
      `Beschreibung ${payload}`,
    );
  });

  it("show raw HTML and script links typed in Markdown as text, and keep only the lang attribute", () => {
    const main = page("de/nordrhein-westfalen/index.html").first(tag("main"));
    const written = text(main);
    expect(written).toContain('<script>alert(1)</script> <img src=x onerror="alert(1)">');
    expect(written).toContain("[Link](javascript:alert(1))");
    const spans = parseHtml(pages.get("de/nordrhein-westfalen/index.html") ?? "").all(
      (element) => element.name === "span" && text(element) === "Spanne",
    );
    expect(spans.map((span) => span.attribs)).toEqual([{ lang: "en" }]);
    const image = page("de/nordrhein-westfalen/index.html").first(tag("img", { alt: "Titel" }));
    expect(image?.attribs).toEqual({
      src: "/assets/favicon.svg",
      alt: "Titel",
      title: 't" onerror="alert(1)',
    });
  });
});

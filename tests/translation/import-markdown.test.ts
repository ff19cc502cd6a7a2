import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Token } from "markdown-it";
import { beforeAll, describe, expect, it } from "vitest";
import { splitPage } from "../../src/lib/front-matter.ts";
import { markdown } from "../../src/translation/inline.ts";
import { escapeXml } from "../../src/translation/xml.ts";
import {
  createExchangeFixture,
  exchange,
  exported,
  projectSnapshot,
  runImport,
} from "./fixture.ts";

/** What a reader gets of an inline token: its text, a line break as a new line. */
function visible(children: readonly Token[] | null): string {
  return (children ?? [])
    .map((token) =>
      token.type === "text" || token.type === "code_inline"
        ? token.content
        : token.type === "softbreak"
          ? " "
          : token.type === "hardbreak"
            ? "\n"
            : "",
    )
    .join("");
}

/**
 * What Markdown makes of a page's body, block by block: each opening block token and each
 * block's text as a reader sees it. Formatting Markdown found in the text (emphasis, a link)
 * leaves its characters out of the text; a list, heading or quotation adds block tokens.
 */
function blocksOf(page: string): string[] {
  return markdown
    .parse(splitPage(page).body, {})
    .flatMap((token) =>
      token.type === "inline"
        ? [`text: ${visible(token.children)}`]
        : token.nesting === 1 || token.type === "hr"
          ? [token.type]
          : [],
    );
}

/** A place in the fixture's English pages that a translator's target is written into. */
interface Place {
  id: string;
  file: string;
  /** The target as exported (XML), and the text a reader sees of it now. */
  target: string;
  shown: string;
}

/** A place whose target is plain text, shown as it is. */
function plain(id: string, file: string, text: string): Place {
  return { id, file, target: text, shown: text };
}

const home = "src/site/en/home.md";
const paragraph = plain(
  "sources:top:p1",
  "src/site/en/sources.md",
  "Every source of this website.",
);
const heading = plain("home:erster-abschnitt:h1", home, "First section");
const listItem = plain("home:erster-abschnitt:li2", home, "The HealthCapital cluster in Berlin.");
const cell = plain("home:erster-abschnitt:cell3", home, "North");
const quotation = plain("home:erster-abschnitt:q1", home, "A quotation over two lines.");

/**
 * Text typed where Markdown would read a construct, by place; each beside a similar text that
 * Markdown reads as text anyway ("C# section", "R&D costs"), which must stay as it is.
 */
const typed: { where: string; place: Place; text: string }[] = [
  // Constructs that begin a line: a list, a quotation, a heading, a setext underline, a break.
  { where: "paragraph", place: paragraph, text: "1. Every source of this website." },
  { where: "paragraph", place: paragraph, text: "2) Every source of this website." },
  { where: "paragraph", place: paragraph, text: "1986. Every source of this website." },
  { where: "paragraph", place: paragraph, text: "Every source, 1. and 2." },
  { where: "paragraph", place: paragraph, text: "- Every source of this website." },
  { where: "paragraph", place: paragraph, text: "+ Every source of this website." },
  { where: "paragraph", place: paragraph, text: "* Every source of this website." },
  { where: "paragraph", place: paragraph, text: "> Every source of this website." },
  { where: "paragraph", place: paragraph, text: "# Every source of this website." },
  { where: "paragraph", place: paragraph, text: "###### Every source of this website." },
  { where: "paragraph", place: paragraph, text: "#hashtag of this website." },
  { where: "paragraph", place: paragraph, text: "=== Every source ===" },
  { where: "paragraph", place: paragraph, text: "---" },
  { where: "paragraph", place: paragraph, text: "- - -" },
  { where: "paragraph", place: paragraph, text: "***" },
  { where: "paragraph", place: paragraph, text: "___" },
  { where: "paragraph", place: paragraph, text: "    Every source of this website, indented." },
  // Constructs anywhere in a line: emphasis, code, links, HTML, entities, escapes, breaks.
  {
    where: "paragraph",
    place: paragraph,
    text: "Every *source* of _this_ ~~website~~, `code`, [here], <3 and a < b > c.",
  },
  { where: "paragraph", place: paragraph, text: "Every source | of this | website." },
  {
    where: "paragraph",
    place: paragraph,
    text: "Every \\*source\\* with a backslash \\ and \\\\ two.",
  },
  { where: "paragraph", place: paragraph, text: "Every source ends with a backslash \\" },
  {
    where: "paragraph",
    place: paragraph,
    text: "Every source  \nof this website, two spaces before the line break.",
  },
  { where: "paragraph", place: paragraph, text: "R&D costs & more; AT & T." },
  { where: "paragraph", place: paragraph, text: "Every source #" },
  { where: "heading", place: heading, text: "More about region #" },
  { where: "heading", place: heading, text: "More about region ##" },
  { where: "heading", place: heading, text: "More about region # " },
  { where: "heading", place: heading, text: "C# section" },
  { where: "heading", place: heading, text: "# Section" },
  { where: "heading", place: heading, text: "Section #1" },
  { where: "list item", place: listItem, text: "1. The HealthCapital cluster in Berlin." },
  { where: "list item", place: listItem, text: "- The HealthCapital cluster in Berlin." },
  { where: "list item", place: listItem, text: "> The HealthCapital cluster in Berlin." },
  { where: "list item", place: listItem, text: "# The HealthCapital cluster in Berlin." },
  { where: "list item", place: listItem, text: "[ ] The HealthCapital cluster in Berlin." },
  { where: "table cell", place: cell, text: "North | South" },
  { where: "table cell", place: cell, text: "- North" },
  { where: "table cell", place: cell, text: "North #" },
  { where: "quotation", place: quotation, text: "> A quotation in a quotation." },
  { where: "quotation", place: quotation, text: "1. A quotation." },
  { where: "quotation", place: quotation, text: "- A quotation." },
];

/** A fixture exported once; each import is undone after it, so the cases share one project. */
function sharedFixture(changes: Readonly<Record<string, string>> = {}) {
  const state = { root: "", exportText: "", originals: new Map<string, string>() };
  const reset = [
    "locales/translation-memory.tmx",
    "locales/translated-from.json",
    "src/site/en/home.md",
    "src/site/en/sources.md",
  ];
  beforeAll(async () => {
    state.root = await createExchangeFixture(changes);
    state.exportText = await exported(state.root);
    for (const file of reset) {
      state.originals.set(
        file,
        await readFile(path.join(state.root, file), "utf8").catch(() => ""),
      );
    }
  });
  /** Imports the export with one target (XML as exported) replaced, then undoes the import. */
  async function importTyped(place: Place, xml: string) {
    const unit = state.exportText.indexOf(`<trans-unit id="${place.id}"`);
    const search = `<target state="final">${place.target}</target>`;
    const at = state.exportText.indexOf(search, unit);
    expect(unit).toBeGreaterThan(-1);
    expect(state.exportText.slice(unit, at)).not.toContain("</trans-unit>");
    await writeFile(
      path.join(state.root, exchange),
      state.exportText.slice(0, at) +
        `<target state="final">${xml}</target>` +
        state.exportText.slice(at + search.length),
    );
    const before = await projectSnapshot(state.root);
    const result = await runImport([exchange], state.root);
    const page = await readFile(path.join(state.root, place.file), "utf8");
    const unchanged =
      (await projectSnapshot(state.root)).size === before.size && result.exitCode !== 0
        ? await projectSnapshot(state.root)
        : undefined;
    for (const [file, text] of state.originals) await writeFile(path.join(state.root, file), text);
    return {
      result,
      page,
      refusedUnchanged: unchanged === undefined ? false : sameMap(unchanged, before),
    };
  }
  return { state, importTyped };
}

function sameMap(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}

describe("i18n:import writes what the translator typed so that the page shows it as typed", () => {
  const { state, importTyped } = sharedFixture();

  it.each(typed)("shows $text typed in a $where as typed", async ({ place, text }) => {
    const before = blocksOf(state.originals.get(place.file) ?? "");
    const shownNow = `text: ${place.shown}`;
    expect(before.filter((block) => block === shownNow)).toHaveLength(1);
    const { result, page } = await importTyped(place, escapeXml(text));
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const typedText = text.replace(/[ \t\r\n]+/g, " ").trim();
    expect(blocksOf(page)).toEqual(
      before.map((block) => (block === shownNow ? `text: ${typedText}` : block)),
    );
  });

  it.each(["&amp;", "&nbsp;", "&#65;", "&#x41;", "&#X41;"])(
    "refuses the character reference %s typed as text, which Markdown would read as the character",
    async (reference) => {
      const { result, refusedUnchanged } = await importTyped(
        paragraph,
        escapeXml(`Every source ${reference} more.`),
      );
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(`segment ${paragraph.id}: the translation contains HTML`);
      expect(refusedUnchanged).toBe(true);
    },
  );

  const boldItem: Place = {
    id: "home:erster-abschnitt:li1",
    file: "src/site/en/home.md",
    target:
      'An <g id="1" ctype="bold">important</g> point with <x id="2" ctype="x-code" equiv-text="code"/>.',
    shown: "An important point with code.",
  };
  const code = '<x id="2" ctype="x-code" equiv-text="code"/>';

  it("writes the spaces a CAT tool left inside a bold tag outside it, where Markdown still reads the tag", async () => {
    const { result, page } = await importTyped(
      boldItem,
      `An<g id="1" ctype="bold"> important </g>point with ${code}.`,
    );
    expect(result.exitCode).toBe(0);
    expect(page).toContain("- An **important** point with `code`.\n");
  });

  it("refuses a bold tag Markdown would not read next to punctuation, naming the segment, and keeps one a space apart", async () => {
    const refused = await importTyped(
      boldItem,
      `An<g id="1" ctype="bold">"important"</g>point with ${code}.`,
    );
    expect(refused.result.exitCode).toBe(1);
    expect(refused.result.stderr).toMatch(
      new RegExp(
        `^${exchange}:\\d+: segment ${boldItem.id}: written into src/site/en/home\\.md, this translation would not show as typed`,
      ),
    );
    expect(refused.refusedUnchanged).toBe(true);
    const accepted = await importTyped(
      boldItem,
      `An <g id="1" ctype="bold">"important"</g> point with ${code}.`,
    );
    expect(accepted.result.stderr).toBe("");
    expect(accepted.page).toContain('- An **"important"** point with `code`.\n');
  });
});

describe("i18n:import writes what follows a line break so that it stays text on the new line", () => {
  const { state, importTyped } = sharedFixture({
    "src/site/de/quellen.md": `---
title: Quellen
description: Woher die Zahlen stammen.
translationKey: sources
---
Alle Quellen\\
dieser Website.
`,
    "src/site/en/sources.md": `---
title: Sources
description: Where the figures come from.
translationKey: sources
---
Every source\\
of this website.
`,
  });
  const broken: Place = {
    id: "sources:top:p1",
    file: "src/site/en/sources.md",
    target: 'Every source<x id="1" ctype="lb" equiv-text=""/>of this website.',
    shown: "Every source\nof this website.",
  };

  it.each([
    "- of this website.",
    "1. of this website.",
    "# Of this website",
    "> of this website.",
    "+ of this website.",
    "---",
    "===",
    "-",
  ])("shows %o after the line break as typed", async (line) => {
    const before = blocksOf(state.originals.get(broken.file) ?? "");
    const shownNow = `text: ${broken.shown}`;
    expect(before.filter((block) => block === shownNow)).toHaveLength(1);
    const { result, page } = await importTyped(
      broken,
      `Every source<x id="1" ctype="lb" equiv-text=""/>${escapeXml(line)}`,
    );
    expect(result.stderr).toBe("");
    expect(blocksOf(page)).toEqual(
      before.map((block) => (block === shownNow ? `text: Every source\n${line}` : block)),
    );
  });
});

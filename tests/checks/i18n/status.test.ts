import { readFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { HtmlValidate, type ConfigData } from "html-validate";
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { inspectTranslations } from "../../../src/checks/i18n/check.ts";
import { countStates, translationStatus } from "../../../src/checks/i18n/status.ts";
import { projectRoot, runScript } from "../../support/project.ts";
import { baseFiles, createFixture } from "./fixture.ts";

const statusScript = path.join(projectRoot, "scripts/i18n-status.ts");
/** The rules the site's own pages are held to. */
const htmlRules = createRequire(import.meta.url)(
  path.join(projectRoot, ".htmlvalidate.cjs"),
) as ConfigData;

/** One outdated, one missing and three not yet marked English texts; one page German only, on purpose. */
const changes = {
  "locales/en/common.json": (baseFiles["locales/en/common.json"] ?? "").replace(
    ',\n    "south": "South"',
    "",
  ),
  "locales/translated-from.json": `{\n  "en": {\n    "common.greeting": "0123456789ab"\n  }\n}\n`,
  "src/site/de/nur-deutsch.md":
    "---\ntitle: Nur Deutsch\ndescription: Gibt es nur auf Deutsch.\ntranslationKey: german-only\nonlyInThisLanguage: Nur für Leser in Deutschland.\n---\nText.\n",
};

describe("translation status", () => {
  it("counts texts and pages per language by state", async () => {
    const root = await createFixture(changes);
    const [german, english] = translationStatus(await inspectTranslations({ projectRoot: root }));
    expect(german?.language).toBe("de");
    expect(countStates(german?.texts ?? [])).toEqual({
      translated: 5,
      adapted: 0,
      "not-marked": 0,
      outdated: 0,
      missing: 0,
      untranslated: 0,
      "by-design": 0,
    });
    expect(countStates(german?.pages ?? [])).toMatchObject({ translated: 2 });
    expect(countStates(english?.texts ?? [])).toEqual({
      translated: 0,
      adapted: 0,
      "not-marked": 3,
      outdated: 1,
      missing: 1,
      untranslated: 0,
      "by-design": 0,
    });
    expect(countStates(english?.pages ?? [])).toEqual({
      translated: 0,
      adapted: 0,
      "not-marked": 1,
      outdated: 0,
      missing: 0,
      untranslated: 0,
      "by-design": 1,
    });
  });

  it("prints a table per language and writes an accessible report page", async () => {
    const root = await createFixture(changes);
    const result = runScript(root, statusScript);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /English \(en\)\n\s+Translated\s+Adapted\s+Not yet marked\s+Outdated\s+Not translated yet\s+Missing\s+Untranslated by design\n\s+Texts \(locales\/\)\s+0\s+0\s+3\s+1\s+0\s+1\s+0\n\s+Pages \(src\/\)\s+0\s+0\s+1\s+0\s+0\s+0\s+1/,
    );
    expect(result.stdout).toContain("missing: text common.region.south (locales/de/common.json:7)");

    const html = await readFile(path.join(root, "reports/i18n/status.html"), "utf8");
    const validation = await new HtmlValidate(htmlRules).validateString(html);
    expect(validation.valid, JSON.stringify(validation.results, null, 2)).toBe(true);
    const document = parseDocument(html);
    const [htmlElement] = DomUtils.getElementsByTagName("html", document);
    expect(htmlElement?.attribs.lang).toBe("en");
    expect(DomUtils.textContent(DomUtils.getElementsByTagName("title", document))).toBe(
      "Translation status",
    );
    const tables = DomUtils.getElementsByTagName("table", document);
    // German needs no work, so it has its summary table only.
    expect(tables.length).toBe(3);
    for (const table of tables) {
      expect(DomUtils.getElementsByTagName("caption", table)).toHaveLength(1);
    }
    const headers = DomUtils.getElementsByTagName("th", document);
    expect(headers.every((header) => ["col", "row"].includes(header.attribs.scope ?? ""))).toBe(
      true,
    );
    expect(html).toContain('<th scope="row">common.region.south</th><td>text</td><td>Missing</td>');
  });
});

import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import coverageModule from "../../data/wcag-coverage.ts";
import { testCoverage } from "../../src/components/test-coverage.ts";
import { parseCoverage } from "../../src/checks/a11y/coverage.ts";
import type { WcagCoverage } from "../../src/lib/data/wcag-coverage.ts";
import { createTranslator, loadLocales, type Translator } from "../../src/lib/i18n.ts";
import { languages } from "../../src/lib/languages.ts";
import { projectRoot } from "../../src/lib/project.ts";
import { parseHtml, tag, text } from "../support/html.ts";

const coverage: WcagCoverage = parseCoverage(coverageModule);
let translator: Translator;

beforeAll(async () => {
  translator = createTranslator(await loadLocales(path.join(projectRoot, "locales"), projectRoot));
});

function render(language: (typeof languages)[number], map: WcagCoverage = coverage) {
  return parseHtml(
    testCoverage({
      coverage: map,
      language,
      t: (key, values) => translator.t(language, key, values),
    }).markup,
  );
}

describe("testCoverage", () => {
  it("lists every criterion of the map once, in the page's language, under how far it is tested", () => {
    const page = render("de");
    const items = page.all(tag("li")).map(text);
    expect(items).toHaveLength(55);
    expect(items).toContain("1.4.10 Umfließen (Stufe AA)");
    expect(items).toContain("2.4.1 Blöcke umgehen (Stufe A)");
    const headings = page.all(tag("h3")).map(text);
    const count = (extent: string) =>
      coverage.criteria.filter((criterion) => criterion.extent === extent).length;
    expect(headings).toEqual([
      `${count("full")} Erfolgskriterien werden vollständig automatisch geprüft`,
      `${count("partial")} Erfolgskriterien werden teilweise automatisch geprüft`,
      `${count("manual")} Erfolgskriterien kann nur eine Person prüfen`,
    ]);
  });

  it("says the same in English, with the criteria's English titles", () => {
    const page = render("en");
    expect(text(page.first(tag("h2")))).toBe("Which criteria are tested automatically");
    expect(page.all(tag("li")).map(text)).toContain("1.4.10 Reflow (Level AA)");
    expect(text(page.first(tag("p")))).toContain("Of the 55 success criteria of WCAG 2.2");
  });

  it("follows the map: a criterion moved to manual is listed as needing a person, and empty groups are left out", () => {
    const allManual: WcagCoverage = {
      ...coverage,
      criteria: coverage.criteria.map((criterion) => ({
        ...criterion,
        extent: "manual",
        checks: [],
      })),
    };
    const headings = render("en", allManual).all(tag("h3")).map(text);
    expect(headings).toEqual(["55 success criteria can only be checked by a person"]);
  });

  it("uses strings that exist alike in both languages", async () => {
    const resources = await loadLocales(path.join(projectRoot, "locales"), projectRoot);
    expect(Object.keys(resources.de?.coverage as object).sort()).toEqual(
      Object.keys(resources.en?.coverage as object).sort(),
    );
  });
});

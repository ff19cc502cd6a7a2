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
    expect(items).toContain(
      "1.4.10 Umfließen (Stufe AA): geprüft mit eigenen Prüfungen (reflow-320, reflow-clipped, content-overflow, text-overlap, rtl-overflow)",
    );
    expect(items).toContain("1.3.2 Bedeutungstragende Reihenfolge (Stufe A)");
    const headings = page.all(tag("h3")).map(text);
    const count = (extent: string) =>
      coverage.criteria.filter((criterion) => criterion.extent === extent).length;
    // No criterion is decided fully, so none is called passed.
    expect(count("full")).toBe(0);
    expect(headings).toEqual([
      `${count("partial")} Erfolgskriterien: die genannten Prüfungen fanden keine Fehler`,
      `${count("manual")} Erfolgskriterien muss eine Person prüfen`,
    ]);
  });

  it("says the site's checks do not test the criteria left to a person, not that no program could", () => {
    const notes = (language: (typeof languages)[number]) =>
      render(language).all(tag("p")).map(text);
    expect(notes("de")).toContain(
      "Die automatischen Prüfungen dieser Website testen diese Kriterien nicht.",
    );
    expect(notes("en")).toContain("This website’s automated checks do not test these criteria.");
  });

  it("lists a criterion the map says is fully decided as passed", () => {
    const decided: WcagCoverage = {
      ...coverage,
      criteria: coverage.criteria.map((criterion) =>
        criterion.id === "3.1.1" ? { ...criterion, extent: "full" } : criterion,
      ),
    };
    expect(render("de", decided).all(tag("h3")).map(text)[0]).toBe(
      "1 Erfolgskriterium ist bestanden: die Prüfungen entscheiden es vollständig",
    );
  });

  it("names the checks of a partly tested criterion by tool, their rule names marked as English", () => {
    const page = render("en");
    const item = page
      .all(tag("li"))
      .map(text)
      .find((line) => line.startsWith("1.4.3 "));
    expect(item).toBe(
      "1.4.3 Contrast (Minimum) (Level AA): checked with axe (color-contrast); the site’s own checks (contrast-background, contrast-states)",
    );
    expect(page.all(tag("span")).every((span) => span.attribs.lang === "en")).toBe(true);
  });

  it("says the same in English, with the criteria's English titles", () => {
    const page = render("en");
    expect(text(page.first(tag("h2")))).toBe("Which criteria are tested automatically");
    expect(page.all(tag("li")).map(text)).toContain("1.3.2 Meaningful Sequence (Level A)");
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
    expect(headings).toEqual(["55 success criteria need a person"]);
  });

  it("uses strings that exist alike in both languages", async () => {
    const resources = await loadLocales(path.join(projectRoot, "locales"), projectRoot);
    expect(Object.keys(resources.de?.coverage as object).sort()).toEqual(
      Object.keys(resources.en?.coverage as object).sort(),
    );
  });
});

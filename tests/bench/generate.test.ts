import path from "node:path";
import { describe, expect, it } from "vitest";
import { generatePages, withPlainFigures } from "../../scripts/bench/generate.ts";
import { checkDuplicates } from "../../src/checks/duplicates/check.ts";
import { loadSiteData } from "../../src/lib/data/load.ts";
import { projectRoot } from "../support/project.ts";

const { facts } = await loadSiteData(`${projectRoot}/data`, projectRoot);
const pages = generatePages(20, facts);

describe("generatePages", () => {
  it("writes a German and an English page for every translation key, in their language folders", () => {
    const keys = new Set(pages.map((page) => page.translationKey));
    expect(keys.size).toBe(20);
    for (const key of keys) {
      const twins = pages.filter((page) => page.translationKey === key);
      expect(twins.map((page) => page.language)).toEqual(["de", "en"]);
      expect(twins.map((page) => path.dirname(page.file))).toEqual(["src/site/de", "src/site/en"]);
      for (const twin of twins) expect(twin.text).toContain(`\ntranslationKey: ${key}\n`);
    }
  });

  it("never writes the same paragraph twice", () => {
    const paragraphs = pages.flatMap((page) => page.paragraphs);
    expect(paragraphs.length).toBeGreaterThanOrEqual(pages.length * 3);
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
  });

  it("gives the duplicate check nothing to report: no exact, near or untranslated repeats", () => {
    const report = checkDuplicates(
      pages.map((page) => ({ path: page.file, content: page.text, format: "markdown" })),
    );
    expect(report.findings).toEqual([]);
    expect(report.blockCount).toBeGreaterThan(pages.length * 5);
  });

  it("inserts only facts that data/facts.ts defines, the same ones in both twins", () => {
    for (const page of pages) {
      const inserted = [...page.text.matchAll(/\{% fact "([^"]+)" %\}/g)].map((match) => match[1]);
      expect(inserted).toEqual(page.factIds);
      expect(inserted.length).toBeGreaterThan(0);
      for (const id of inserted) expect(Object.keys(facts)).toContain(id);
    }
    for (const german of pages.filter((page) => page.language === "de")) {
      const english = pages.find(
        (page) => page.language === "en" && page.translationKey === german.translationKey,
      );
      expect(english?.factIds).toEqual(german.factIds);
    }
  });

  it("makes the same site from the same seed and another from another seed", () => {
    expect(generatePages(3, facts, 7)).toEqual(generatePages(3, facts, 7));
    expect(generatePages(3, facts, 8)[0]?.text).not.toBe(generatePages(3, facts, 7)[0]?.text);
  });

  it("refuses a page count that is not a positive whole number", () => {
    expect(() => generatePages(0, facts)).toThrow(/at least 1/);
  });
});

describe("withPlainFigures", () => {
  it("replaces every fact shortcode with the fact's plain number for bare Eleventy", () => {
    const text =
      'Es sind {% fact "berlinBrandenburg.employees" %} und {% fact "nrw.workforceShare" %}.';
    expect(withPlainFigures(text, facts)).toBe("Es sind 370000 und 1/6.");
    for (const page of pages) expect(withPlainFigures(page.text, facts)).not.toContain("{%");
  });
});

import { describe, expect, it } from "vitest";
import coverageModule from "../../../data/wcag-coverage.ts";
import {
  coverageGaps,
  criterionResults,
  loadCoverage,
  parseCoverage,
} from "../../../src/checks/a11y/coverage.ts";
import { loadPa11yDefaults } from "../../../src/checks/a11y/pa11y.ts";
import { gateChecks } from "../../../src/checks/a11y/rules.ts";
import { projectRoot } from "../../../src/lib/project.ts";

describe("the WCAG coverage map", () => {
  const coverage = loadCoverage();

  it("lists the 55 success criteria of WCAG 2.2 A and AA, 31 of level A, each once", () => {
    expect(coverage.criteria).toHaveLength(55);
    expect(new Set(coverage.criteria.map((criterion) => criterion.id)).size).toBe(55);
    expect(coverage.criteria.filter((criterion) => criterion.level === "A")).toHaveLength(31);
    expect(coverage.criteria.map((criterion) => criterion.id)).not.toContain("4.1.1");
  });

  it("names every check the gate runs, and none it does not", async () => {
    const run = await gateChecks(projectRoot, loadPa11yDefaults(projectRoot));
    expect(run.length).toBeGreaterThan(150);
    expect(coverageGaps(coverage, run)).toEqual({ unmapped: [], unknown: [] });
  });

  it("notices a check the gate runs that the map leaves out, and a check the map names that does not exist", async () => {
    const run = await gateChecks(projectRoot, loadPa11yDefaults(projectRoot));
    const trimmed = {
      ...coverage,
      otherChecks: [
        ...coverage.otherChecks.filter((check) => check !== "probe:print"),
        "probe:invented",
      ],
    };
    expect(coverageGaps(trimmed, run)).toEqual({
      unmapped: ["probe:print"],
      unknown: ["probe:invented"],
    });
  });

  it("is refused by its schema when a criterion is missing or claims manual while naming checks", () => {
    expect(() =>
      parseCoverage({ ...coverageModule, criteria: coverageModule.criteria.slice(1) }),
    ).toThrow(
      expect.objectContaining({
        location: { file: "data/wcag-coverage.ts", key: "criteria" },
      }) as Error,
    );
    const [first, ...rest] = coverageModule.criteria;
    expect(() =>
      parseCoverage({ ...coverageModule, criteria: [{ ...first, extent: "manual" }, ...rest] }),
    ).toThrow(/manual` exactly when no check tests it/);
  });
});

describe("criterionResults", () => {
  const coverage = loadCoverage();
  const result = (id: string, found: string[]) =>
    criterionResults(coverage, found).find((criterion) => criterion.id === id);

  it("fails a criterion one of whose checks found a problem, counting them", () => {
    expect(result("1.4.10", ["probe:reflow-320", "probe:reflow-320"])).toMatchObject({
      result: "failed",
      failures: { "probe:reflow-320": 2 },
    });
  });

  it("passes a checked criterion nothing was found for, and leaves the rest to a person", () => {
    expect(result("1.4.10", ["axe:color-contrast"])?.result).toBe("passed");
    expect(result("2.1.2", [])?.result).toBe("manual");
  });
});

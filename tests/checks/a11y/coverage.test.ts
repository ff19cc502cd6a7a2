import { describe, expect, it } from "vitest";
import coverageModule from "../../../data/wcag-coverage.ts";
import {
  coverageGaps,
  criteriaDisagreements,
  criterionResults,
  loadCoverage,
  parseCoverage,
} from "../../../src/checks/a11y/coverage.ts";
import { loadPa11yDefaults } from "../../../src/checks/a11y/pa11y.ts";
import { probeCriteria } from "../../../src/checks/a11y/probes/index.ts";
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

describe("the coverage map against the probes", () => {
  const coverage = loadCoverage();

  it("maps each probe rule to exactly the criteria the probe says it tests", () => {
    expect(criteriaDisagreements(coverage, probeCriteria())).toEqual([]);
  });

  it("notices a probe rule mapped to a criterion its probe does not test, or left out of one it does", () => {
    const moved = {
      ...coverage,
      criteria: coverage.criteria.map((criterion) =>
        criterion.id === "2.2.2"
          ? { ...criterion, checks: criterion.checks.filter((check) => check !== "probe:motion") }
          : criterion.id === "1.4.3"
            ? { ...criterion, checks: [...criterion.checks, "probe:motion"] }
            : criterion,
      ),
    };
    expect(criteriaDisagreements(moved, probeCriteria())).toEqual([
      { rule: "motion", probe: ["2.2.2"], map: ["1.4.3"] },
    ]);
  });

  it("calls no criterion fully tested, and each kind the gate probes partly tested", () => {
    // Even the page's language is told by a detector that can be unsure or wrong.
    expect(
      coverage.criteria.filter((criterion) => criterion.extent === "full").map((c) => c.id),
    ).toEqual([]);
    for (const id of [
      "1.3.4",
      "1.4.5",
      "1.4.11",
      "1.4.13",
      "2.1.2",
      "2.2.2",
      "2.4.3",
      "2.5.3",
      "3.2.6",
      "3.1.1",
    ]) {
      expect([id, coverage.criteria.find((criterion) => criterion.id === id)?.extent]).toEqual([
        id,
        "partial",
      ]);
    }
  });
});

describe("criterionResults", () => {
  const coverage = loadCoverage();
  const result = (id: string, found: string[], undecided: string[] = []) =>
    criterionResults(coverage, found, undecided).find((criterion) => criterion.id === id);

  it("fails a criterion one of whose checks found a problem, counting them", () => {
    expect(result("1.4.10", ["probe:reflow-320", "probe:reflow-320"])).toMatchObject({
      result: "failed",
      failures: { "probe:reflow-320": 2 },
    });
  });

  it("never passes a partly tested criterion: its checks found no failures, and a person checks the rest", () => {
    expect(result("1.4.10", ["axe:color-contrast"])?.result).toBe("no-failures-found");
    expect(result("2.1.2", [])?.result).toBe("no-failures-found");
    expect(result("2.5.1", [])?.result).toBe("needs-person");
  });

  it("passes only a criterion the map says is fully tested, when nothing was found for it", () => {
    expect(result("3.1.1", [])?.result).toBe("no-failures-found");
    const decided = {
      ...coverage,
      criteria: coverage.criteria.map((criterion) =>
        criterion.id === "3.1.1" ? { ...criterion, extent: "full" as const } : criterion,
      ),
    };
    const verdict = (found: string[], undecided: string[] = []) =>
      criterionResults(decided, found, undecided).find((criterion) => criterion.id === "3.1.1")
        ?.result;
    expect(verdict([])).toBe("passed");
    expect(verdict(["probe:html-lang"])).toBe("failed");
    expect(verdict([], ["probe:html-lang"])).toBe("needs-person");
  });

  it("leaves a criterion to a person when a check met something it could not decide", () => {
    expect(result("1.4.3", [], ["axe:color-contrast"])).toMatchObject({
      result: "needs-person",
      undecided: { "axe:color-contrast": 1 },
    });
    expect(result("1.4.3", ["probe:contrast-states"], ["axe:color-contrast"])?.result).toBe(
      "failed",
    );
  });
});

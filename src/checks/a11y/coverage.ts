import coverageModule from "../../../data/wcag-coverage.ts";
import { validateDataModule } from "../../lib/data/load.ts";
import { projectFiles } from "../../lib/project.ts";
import {
  mappedChecks,
  wcagCoverageModule,
  type CheckId,
  type WcagCoverage,
  type WcagCriterion,
} from "../../lib/data/wcag-coverage.ts";
import type { Problem } from "./types.ts";

/** Validates a coverage map, naming the module and field of the first problem. */
export function parseCoverage(
  value: unknown,
  file = projectFiles.dataModule("wcag-coverage"),
): WcagCoverage {
  return validateDataModule(file, wcagCoverageModule, value);
}

/** The coverage map of data/wcag-coverage.ts, validated. */
export function loadCoverage(): WcagCoverage {
  return parseCoverage(coverageModule);
}

/** The check a problem comes from, as the coverage map names it; null for the gate's own failures. */
export function checkOf(problem: Pick<Problem, "runner" | "rule">): CheckId | null {
  switch (problem.runner) {
    case "axe":
    case "html-validate":
    case "probe":
      return `${problem.runner}:${problem.rule}`;
    default:
      return null;
  }
}

/**
 * A run's verdict on one success criterion:
 * - `failed`: a check found a problem (see `failures`);
 * - `passed`: only for criteria the gate decides fully (`extent: "full"`), when nothing was found;
 * - `no-failures-found`: the checks named found nothing, but they test only part of the
 *   criterion, so a person must check the rest;
 * - `needs-person`: no check tests it, or a check met something it could not decide (see
 *   `undecided`).
 */
export type CriterionVerdict = "failed" | "passed" | "no-failures-found" | "needs-person";

/** What a run found for one success criterion. */
export interface CriterionResult extends Pick<
  WcagCriterion,
  "id" | "level" | "title" | "extent" | "checks"
> {
  result: CriterionVerdict;
  /** The checks that found problems, with how many. */
  failures: Record<string, number>;
  /** The checks that met something they could not decide (axe's "needs review"), with how many. */
  undecided: Record<string, number>;
}

function countsFor(checks: readonly string[], found: Iterable<string>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const check of found) counts.set(check, (counts.get(check) ?? 0) + 1);
  return Object.fromEntries(
    checks.flatMap((check) => {
      const count = counts.get(check);
      return count === undefined ? [] : [[check, count] as const];
    }),
  );
}

/**
 * Per success criterion: what was checked, and whether any of those checks found a problem or
 * met something it could not decide. `found` and `undecided` name the check of each problem
 * (`axe:image-alt`), once per problem. Nothing is `passed` that the gate does not decide fully.
 */
export function criterionResults(
  coverage: WcagCoverage,
  found: Iterable<string>,
  undecided: Iterable<string> = [],
): CriterionResult[] {
  const foundList = [...found];
  const undecidedList = [...undecided];
  return coverage.criteria.map((criterion) => {
    const failures = countsFor(criterion.checks, foundList);
    const open = countsFor(criterion.checks, undecidedList);
    const result: CriterionVerdict =
      Object.keys(failures).length > 0
        ? "failed"
        : criterion.extent === "manual" || Object.keys(open).length > 0
          ? "needs-person"
          : criterion.extent === "full"
            ? "passed"
            : "no-failures-found";
    return {
      id: criterion.id,
      level: criterion.level,
      title: criterion.title,
      extent: criterion.extent,
      checks: criterion.checks,
      result,
      failures,
      undecided: open,
    };
  });
}

/** Checks the gate runs that the map does not name, and checks the map names that the gate does not run. */
export function coverageGaps(
  coverage: WcagCoverage,
  run: Iterable<CheckId>,
): { unmapped: CheckId[]; unknown: CheckId[] } {
  const mapped = mappedChecks(coverage);
  const running = new Set(run);
  return {
    unmapped: [...running].filter((check) => !mapped.has(check)).sort(),
    unknown: [...mapped].filter((check) => !running.has(check)).sort(),
  };
}

/**
 * Probe rules the map gives other criteria than their probe says it tests: each with both
 * lists. `probeCriteria` is the probes' own account (rule → criteria, [] for none).
 */
export function criteriaDisagreements(
  coverage: WcagCoverage,
  probeCriteria: ReadonlyMap<string, readonly string[]>,
): { rule: string; probe: string[]; map: string[] }[] {
  return [...probeCriteria]
    .map(([rule, criteria]) => ({
      rule,
      probe: [...criteria].sort(),
      map: coverage.criteria
        .filter((criterion) => criterion.checks.includes(`probe:${rule}`))
        .map((criterion) => criterion.id)
        .sort(),
    }))
    .filter(({ probe, map }) => JSON.stringify(probe) !== JSON.stringify(map));
}

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

/** What a run found for one success criterion. */
export interface CriterionResult extends Pick<
  WcagCriterion,
  "id" | "level" | "title" | "extent" | "checks"
> {
  /** `manual` when no check tests it: a person must. */
  result: "passed" | "failed" | "manual";
  /** The checks that found problems, with how many. */
  failures: Record<string, number>;
}

/**
 * Per success criterion: what was checked, and whether any of those checks found a problem.
 * `found` names the check of each problem found (`axe:image-alt`), once per problem.
 */
export function criterionResults(
  coverage: WcagCoverage,
  found: Iterable<string>,
): CriterionResult[] {
  const counts = new Map<string, number>();
  for (const check of found) counts.set(check, (counts.get(check) ?? 0) + 1);
  return coverage.criteria.map((criterion) => {
    const failures = Object.fromEntries(
      criterion.checks.flatMap((check) => {
        const count = counts.get(check);
        return count === undefined ? [] : [[check, count] as const];
      }),
    );
    return {
      id: criterion.id,
      level: criterion.level,
      title: criterion.title,
      extent: criterion.extent,
      checks: criterion.checks,
      result:
        criterion.extent === "manual"
          ? "manual"
          : Object.keys(failures).length > 0
            ? "failed"
            : "passed",
      failures,
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

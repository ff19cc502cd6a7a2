import { z } from "zod";
import { localizedText } from "./localized.ts";

/** The tools whose rules the accessibility gate runs; `probe` is one of the gate's own browser checks. */
export const checkTools = ["axe", "html-validate", "probe"] as const;

/** A rule or probe the gate runs, written `tool:rule`, e.g. `axe:image-alt` or `probe:reflow-320`. */
export const checkId = z
  .string()
  .regex(
    /^(?:axe|html-validate|probe):[a-z0-9][a-z0-9/-]*$/,
    "must be `tool:rule` with tool axe, html-validate or probe",
  );
export type CheckId = z.infer<typeof checkId>;

const title = localizedText;

/**
 * How far the gate decides a criterion: `full` (every requirement is checked automatically),
 * `partial` (some failures are found; a person must check the rest) or `manual` (needs a person).
 */
export const coverageExtent = z.enum(["full", "partial", "manual"]);
export type CoverageExtent = z.infer<typeof coverageExtent>;

/** One WCAG 2.2 success criterion of level A or AA and the checks that test it. */
export const wcagCriterion = z
  .strictObject({
    id: z
      .string()
      .regex(/^[1-4]\.\d\.\d{1,2}$/, "must be a success criterion number such as 1.4.10"),
    level: z.enum(["A", "AA"]),
    title,
    extent: coverageExtent,
    checks: z.array(checkId),
  })
  .refine((criterion) => (criterion.extent === "manual") === (criterion.checks.length === 0), {
    message: "a criterion is `manual` exactly when no check tests it",
    path: ["checks"],
  });
export type WcagCriterion = z.infer<typeof wcagCriterion>;

/** Number of success criteria of levels A and AA in WCAG 2.2. */
export const WCAG22_A_AA_COUNT = 55;

/** The coverage map: every WCAG 2.2 A/AA criterion, and the checks that test none of them alone. */
export const wcagCoverageModule = z
  .strictObject({
    criteria: z.array(wcagCriterion).length(WCAG22_A_AA_COUNT),
    /** Rules and probes the gate runs that serve no single criterion (best practices, security). */
    otherChecks: z.array(checkId),
  })
  .superRefine((coverage, context) => {
    const seen = new Set<string>();
    coverage.criteria.forEach((criterion, index) => {
      if (seen.has(criterion.id)) {
        context.addIssue({
          code: "custom",
          message: `success criterion ${criterion.id} is listed twice`,
          path: ["criteria", index, "id"],
        });
      }
      seen.add(criterion.id);
    });
    const mapped = new Set(coverage.criteria.flatMap((criterion) => criterion.checks));
    coverage.otherChecks.forEach((check, index) => {
      if (mapped.has(check)) {
        context.addIssue({
          code: "custom",
          message: `${check} tests a success criterion, so it does not belong in otherChecks`,
          path: ["otherChecks", index],
        });
      }
    });
  });
export type WcagCoverage = z.infer<typeof wcagCoverageModule>;

/** Every check the map names, criteria and other checks together. */
export function mappedChecks(coverage: WcagCoverage): Set<CheckId> {
  return new Set([
    ...coverage.criteria.flatMap((criterion) => criterion.checks),
    ...coverage.otherChecks,
  ]);
}

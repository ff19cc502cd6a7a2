import { createRequire } from "node:module";
import { Severity } from "html-validate";
import { z } from "zod";
import type { CheckId } from "../../lib/data/wcag-coverage.ts";
import { createValidator } from "./markup.ts";
import type { Pa11yDefaults } from "./pa11y.ts";
import { probeRules } from "./probes/index.ts";

const require = createRequire(import.meta.url);

const axeRuleSchema = z.array(z.object({ ruleId: z.string(), tags: z.array(z.string()) }));

/** The axe tags pa11y's axe runner selects for a pa11y standard (pa11y/lib/runners/axe.js). */
export function axeTagsForStandard(standard: string): string[] {
  return [
    "wcag2a",
    "wcag21a",
    ...(standard === "WCAG2A" ? [] : ["wcag2aa", "wcag21aa"]),
    "best-practice",
  ];
}

/**
 * The axe rules pa11y runs with these settings: those of the standard's tags, without axe's
 * experimental rules (off unless named) and the ignored ones, plus any named in `rules`.
 */
export function axeRulesRun(settings: Pa11yDefaults): string[] {
  const axe = require(require.resolve("axe-core", { paths: [require.resolve("pa11y-ci")] })) as {
    getRules(tags?: string[]): unknown;
  };
  const standard = typeof settings.standard === "string" ? settings.standard : "WCAG2AA";
  const ignore = z.array(z.string()).default([]).parse(settings.ignore);
  const extra = z.array(z.string()).default([]).parse(settings.rules);
  const rules = axeRuleSchema
    .parse(axe.getRules(axeTagsForStandard(standard)))
    .filter((rule) => !rule.tags.includes("experimental"))
    .map((rule) => rule.ruleId)
    .filter((id) => !ignore.includes(id));
  return [...new Set([...rules, ...extra])].sort();
}

/** The html-validate rules .htmlvalidate.cjs switches on. */
export async function markupRulesRun(projectRoot: string): Promise<string[]> {
  const config = await createValidator(projectRoot).getConfigFor("page.html");
  return [...config.getRules()]
    .filter(([, [severity]]) => severity !== Severity.DISABLED)
    .map(([rule]) => rule)
    .sort();
}

/** Every check the gate runs, named as the coverage map names them. */
export async function gateChecks(projectRoot: string, settings: Pa11yDefaults): Promise<CheckId[]> {
  return [
    ...axeRulesRun(settings).map((rule) => `axe:${rule}`),
    ...(await markupRulesRun(projectRoot)).map((rule) => `html-validate:${rule}`),
    ...probeRules().map((rule) => `probe:${rule}`),
  ];
}

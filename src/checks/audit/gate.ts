import type { Gate } from "../gate.ts";
import { auditOutcome, runNpmAudit } from "./npm-audit.ts";

/**
 * The dependency audit as a gate (`npm run check:audit`): no production dependency may have a
 * known high or critical vulnerability. It asks the npm registry, so `npm test` runs it where
 * `CI` is set, and counts "could not check" (a registry that refuses the audit) as skipped.
 */
export const auditGate: Gate<Record<string, never>> = {
  name: "audit",
  title: "Dependency audit",
  summary:
    "Asks the npm registry for known vulnerabilities of the production dependencies; high and critical ones fail.",
  usage: `Usage: npm run check:audit [-- --json]

Options:`,
  options: {},
  parse: () => ({}),
  run: (_options, context) => Promise.resolve(auditOutcome(runNpmAudit(context.projectRoot))),
};

/**
 * Production dependencies must have no known high or critical vulnerability. Exit 0: none;
 * 1: some (npm decides, with `--audit-level=high`); 3: the registry could not be asked (the
 * check did not happen, which the test runner reports as skipped, never as passed).
 */
import { spawnSync } from "node:child_process";

interface AuditReport {
  message?: string;
  metadata?: { vulnerabilities?: Record<string, number> };
}

const run = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], {
  encoding: "utf8",
});
let report: AuditReport = {};
try {
  report = JSON.parse(run.stdout) as AuditReport;
} catch {
  // No JSON at all: npm itself failed; the message below shows what it said.
}
const counts = report.metadata?.vulnerabilities;
// A registry that refuses the audit endpoint (some mirrors answer 405) gives no metadata, and
// npm exits 1 just as for a vulnerability: only the missing metadata tells the two apart.
if (counts === undefined) {
  console.error(
    `Could not ask the registry for security advisories: ${report.message ?? run.stderr.trim()}.`,
  );
  console.error(
    "The dependency audit did not run; run `npm audit --omit=dev` where the registry allows it.",
  );
  process.exit(3);
}
const summary = Object.entries(counts)
  .map(([severity, count]) => `${severity} ${count}`)
  .join(", ");
if (run.status === 0) {
  console.log(
    `Dependency audit: no high or critical vulnerability in production dependencies (${summary}).`,
  );
} else {
  console.error(
    `Dependency audit: high or critical vulnerabilities in production dependencies (${summary}); \`npm audit --omit=dev\` lists them.`,
  );
}
process.exit(run.status === 0 ? 0 : 1);

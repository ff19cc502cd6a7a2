/**
 * Production dependencies must have no known high or critical vulnerability. Exit 0: none;
 * 1: some (listed); 3: the registry could not be asked (the check did not happen, which the
 * test runner reports as skipped, never as passed).
 */
import { spawnSync } from "node:child_process";

interface AuditReport {
  statusCode?: number;
  message?: string;
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
}

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
let report: AuditReport;
try {
  report = JSON.parse(run.stdout) as AuditReport;
} catch {
  console.error(`npm audit gave no report:\n${run.stderr}`);
  process.exit(3);
}
const counts = report.metadata?.vulnerabilities;
if (counts === undefined) {
  console.error(
    `Could not ask the registry for security advisories: ${report.message ?? "no answer"}.`,
  );
  console.error(
    "The dependency audit did not run; run `npm audit --omit=dev` where the registry allows it.",
  );
  process.exit(3);
}
const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, entry]) =>
  ["high", "critical"].includes(entry.severity),
);
for (const [name, entry] of serious) console.error(`${entry.severity}: ${name}`);
console.log(
  `Dependency audit: ${serious.length} high or critical vulnerabilities in production dependencies (${Object.entries(
    counts,
  )
    .map(([severity, count]) => `${severity} ${count}`)
    .join(", ")}).`,
);
process.exit(serious.length === 0 ? 0 : 1);

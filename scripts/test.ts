/**
 * `npm test`: every check the project has, in order, each one's output shown as it runs.
 * All steps run even after a failure, so one run reports everything; the run fails if any
 * step fails or reports nothing. The last line counts vitest's tests plus one per other step.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";

interface Step {
  name: string;
  command: string[];
  /** The exit code by which the step says it could not check at all (reported as skipped). */
  couldNotCheckExitCode?: number;
  /** Reads how many tests passed and failed, for steps that run many. */
  count?: () => { passed: number; failed: number };
}

const projectRoot = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);
const tsx = (script: string, ...args: string[]) => [bin("tsx"), script, ...args];
const vitestReport = path.join(projectRoot, "reports", "vitest.json");

function countVitest(): { passed: number; failed: number } {
  try {
    const report = JSON.parse(readFileSync(vitestReport, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    return { passed: report.numPassedTests, failed: report.numFailedTests };
  } catch {
    // No report means vitest did not get to run its tests: that is a failure, not zero tests.
    return { passed: 0, failed: 1 };
  }
}

const steps: Step[] = [
  { name: "types (tsc)", command: [bin("tsc"), "--noEmit"] },
  { name: "lint (eslint)", command: [bin("eslint"), "--max-warnings=0", "."] },
  { name: "formatting (prettier)", command: [bin("prettier"), "--check", "."] },
  { name: "build", command: tsx("scripts/build.ts") },
  {
    name: "tests (vitest)",
    command: [
      bin("vitest"),
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${vitestReport}`,
    ],
    count: countVitest,
  },
  { name: "translations (check:i18n)", command: tsx("scripts/check-i18n.ts") },
  { name: "duplicate content (check:duplicates)", command: tsx("scripts/check-duplicates.ts") },
  { name: "accessibility (check:a11y)", command: tsx("scripts/check-a11y.ts") },
  // The audit asks the npm registry, so it runs where CI is set; see scripts/audit.ts.
  ...(process.env.CI
    ? [
        {
          name: "dependency audit (npm audit)",
          command: tsx("scripts/audit.ts"),
          couldNotCheckExitCode: 3,
        },
      ]
    : []),
];

rmSync(vitestReport, { force: true });
const results = steps.map((step) => {
  console.log(`\n▶ ${step.name}: ${step.command.map((part) => path.basename(part)).join(" ")}`);
  const started = performance.now();
  const run = spawnSync(step.command[0] ?? "", step.command.slice(1), {
    cwd: projectRoot,
    stdio: "inherit",
  });
  const seconds = (performance.now() - started) / 1000;
  if (step.couldNotCheckExitCode !== undefined && run.status === step.couldNotCheckExitCode) {
    return {
      name: step.name,
      status: "skipped" as const,
      seconds,
      passed: 0,
      failed: 0,
      skipped: 1,
    };
  }
  const ok = run.status === 0;
  const counts = step.count?.() ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  // A step that exits non-zero, or passes without running a single test, has not shown
  // anything to be right: it counts as failed even when it reported no failing test.
  const unproven = !ok || counts.passed === 0;
  const failed = counts.failed === 0 && unproven ? 1 : counts.failed;
  const status = !unproven && failed === 0 ? ("ok" as const) : ("FAIL" as const);
  return { name: step.name, status, seconds, passed: counts.passed, failed, skipped: 0 };
});

console.log("\nSummary");
for (const result of results) {
  console.log(
    `  ${result.status.padEnd(7)} ${result.name.padEnd(40)} ${result.seconds.toFixed(1).padStart(6)} s`,
  );
}
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
const skipped = results.reduce((sum, result) => sum + result.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exitCode = results.some((result) => result.status === "FAIL") ? 1 : 0;

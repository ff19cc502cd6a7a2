/**
 * `npm test`: every check the project has. The steps run in two lanes at once, one per core of
 * a small machine: vitest in one, the static checks, the build and the gates (which read the
 * build) one after another in the other. Each step's output is shown when it ends, as one block,
 * with its time. All steps run even after a failure, so one run reports everything; the run
 * fails if any step fails or reports nothing. The summary gives each step's time and the
 * total; its last line counts vitest's tests plus one per other step.
 */
import { spawn } from "node:child_process";
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

interface Result {
  name: string;
  status: "ok" | "FAIL" | "skipped";
  seconds: number;
  passed: number;
  failed: number;
  skipped: number;
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

const vitest: Step = {
  name: "tests (vitest)",
  command: [
    bin("vitest"),
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${vitestReport}`,
  ],
  count: countVitest,
};
// The type check, ESLint and Prettier keep caches under .cache/, so a second run checks only
// what changed.
const checksAndGates: Step[] = [
  // One TypeScript program for both: see scripts/check-code.ts.
  { name: "types and lint (check:code)", command: tsx("scripts/check-code.ts") },
  {
    name: "formatting (prettier)",
    command: [bin("prettier"), "--check", "--cache", "--cache-location", ".cache/prettier", "."],
  },
  { name: "build", command: tsx("scripts/build.ts") },
  { name: "translations (check:i18n)", command: tsx("scripts/check-i18n.ts") },
  { name: "duplicate content (check:duplicates)", command: tsx("scripts/check-duplicates.ts") },
  // No page marked as Leichte Sprache is exit 2, a failure here, never a skip.
  {
    name: "Leichte Sprache (check:leichte-sprache)",
    command: tsx("scripts/check-leichte-sprache.ts"),
  },
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
/** Steps in a lane run in order; the lanes run at the same time. */
const lanes: Step[][] = [[vitest], checksAndGates];

const heading = ({ name, command: [program = "", ...args] }: Step) =>
  `▶ ${name}: ${[path.basename(program), ...args.map((arg) => (path.isAbsolute(arg) ? path.relative(projectRoot, arg) : arg))].join(" ")}`;

/** Runs one step with its output kept, and prints the output as one block when it ends. */
function runStep(step: Step): Promise<Result> {
  const started = performance.now();
  const output: Buffer[] = [];
  // Tools colour their output only for a terminal; the block goes to one when npm test's does.
  const colour = process.stdout.isTTY ? { FORCE_COLOR: "1" } : {};
  const child = spawn(step.command[0] ?? "", step.command.slice(1), {
    cwd: projectRoot,
    env: { ...process.env, ...colour },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) => {
    child.on("error", (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      console.log(`\n${heading(step)} (${seconds.toFixed(1)} s)`);
      process.stdout.write(Buffer.concat(output));
      resolve(resultOf(step, code, seconds));
    });
  });
}

function resultOf(step: Step, code: number | null, seconds: number): Result {
  if (step.couldNotCheckExitCode !== undefined && code === step.couldNotCheckExitCode) {
    return { name: step.name, status: "skipped", seconds, passed: 0, failed: 0, skipped: 1 };
  }
  const ok = code === 0;
  const counts = step.count?.() ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  // A step that exits non-zero, or passes without running a single test, has not shown
  // anything to be right: it counts as failed even when it reported no failing test.
  const unproven = !ok || counts.passed === 0;
  const failed = counts.failed === 0 && unproven ? 1 : counts.failed;
  const status = !unproven && failed === 0 ? "ok" : "FAIL";
  return { name: step.name, status, seconds, passed: counts.passed, failed, skipped: 0 };
}

async function runLane(lane: Step[]): Promise<Result[]> {
  const results: Result[] = [];
  for (const step of lane) results.push(await runStep(step));
  return results;
}

rmSync(vitestReport, { force: true });
const started = performance.now();
const results = (await Promise.all(lanes.map(runLane))).flat();
const totalSeconds = (performance.now() - started) / 1000;

console.log("\nSummary");
for (const result of results) {
  console.log(
    `  ${result.status.padEnd(7)} ${result.name.padEnd(40)} ${result.seconds.toFixed(1).padStart(6)} s`,
  );
}
console.log(
  `  ${"".padEnd(7)} ${"total (lanes at once)".padEnd(40)} ${totalSeconds.toFixed(1).padStart(6)} s`,
);
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
const skipped = results.reduce((sum, result) => sum + result.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exitCode = results.some((result) => result.status === "FAIL") ? 1 : 0;

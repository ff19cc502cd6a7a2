/**
 * The steps of `npm test` and how each one's end is counted. The gates among them come from the
 * gates' one list, src/checks/gates.ts: registering a gate there is all it takes for `npm test`
 * to run it.
 */
import path from "node:path";
import type { RegisteredGate } from "../../src/checks/gates.ts";
import { ExitCode } from "../../src/checks/gate.ts";

/** One command `npm test` runs. */
export interface Step {
  /** What `--only` calls it: `vitest`, `code`, `formatting`, `build` or a gate's name. */
  name: string;
  /** What the output and the summary call it. */
  title: string;
  command: string[];
  /** How a run that could not check (exit 2) counts: as a failure unless it says "skipped". */
  couldNotCheck?: RegisteredGate["couldNotCheck"];
  /** Reads how many tests passed and failed, and which failed, for steps that run many. */
  count?: () => StepCounts;
}

/** What a step that runs many tests reports of them. */
export interface StepCounts {
  passed: number;
  failed: number;
  /** Each failed test's name and the first line of why it failed. */
  failures?: string[];
}

/** How a step ended, as the summary shows it. */
export interface StepResult {
  name: string;
  title: string;
  status: "ok" | "FAIL" | "skipped";
  seconds: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Each failed test's name and the first line of why, for the summary (see `StepCounts`). */
  failures: string[];
}

/**
 * A gate's step: its script on the shared runner, in a Node with tsx's loader (one process,
 * where the `tsx` command would start two).
 */
export function gateStep(gate: RegisteredGate): Step {
  return {
    name: gate.name,
    title: `${gate.description} (check:${gate.name})`,
    command: [process.execPath, "--import", "tsx", "scripts/check.ts", gate.name],
    couldNotCheck: gate.couldNotCheck,
  };
}

/**
 * The registered gates `npm test` runs here: those it always runs, and those for CI where `CI`
 * is set; never those that run alone.
 */
export function gateSteps(gates: readonly RegisteredGate[], inCi: boolean): Step[] {
  return gates
    .filter((gate) => gate.runs === "always" || (gate.runs === "in-ci" && inCi))
    .map(gateStep);
}

/**
 * How a step counts. A step that exits non-zero, or passes without running a single test, has
 * not shown anything to be right: it fails even when it reported no failing test. Exit 2 of a
 * step that counts "could not check" as skipped is skipped, never passed.
 */
export function resultOf(step: Step, code: number | null, seconds: number): StepResult {
  const { name, title } = step;
  if (step.couldNotCheck === "skipped" && code === ExitCode.couldNotCheck) {
    return {
      name,
      title,
      status: "skipped",
      seconds,
      passed: 0,
      failed: 0,
      skipped: 1,
      failures: [],
    };
  }
  const ok = code === 0;
  const counts: StepCounts = step.count?.() ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  const unproven = !ok || counts.passed === 0;
  const failed = counts.failed === 0 && unproven ? 1 : counts.failed;
  const status = !unproven && failed === 0 ? "ok" : "FAIL";
  const failures = counts.failures ?? [];
  return { name, title, status, seconds, passed: counts.passed, failed, skipped: 0, failures };
}

/** Vitest's JSON report, as far as the summary reads it. */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults?: {
    name: string;
    status?: string;
    /** Why a whole file failed: a hook that threw, a module that did not load. */
    message?: string;
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

/** The longest reason the summary gives for a failed test; the step's output has all of it. */
const reasonLength = 240;

/** The first line of a failure's message, cut to `reasonLength`, after ": " when there is one. */
function firstLine(message: string | undefined): string {
  const line = (message ?? "").split("\n", 1)[0]?.trim() ?? "";
  if (line === "") return "";
  return `: ${line.length > reasonLength ? `${line.slice(0, reasonLength)}…` : line}`;
}

/**
 * What vitest's JSON report says of a run: how many tests passed and failed, and for each
 * failed test its file, its name and the first line of its message. A file that failed as a
 * whole (a hook that threw, a module that did not load) counts as one failure, named with its
 * reason: its tests are only skipped. CI logs are often shown from their end only, where the
 * summary is: the first lines of a failure must be there too.
 */
export function vitestCounts(reportText: string, projectRoot: string): StepCounts {
  const report = JSON.parse(reportText) as VitestReport;
  const failures: string[] = [];
  let failedFiles = 0;
  for (const file of report.testResults ?? []) {
    const where = path.relative(projectRoot, file.name);
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of failedTests) {
      failures.push(`${where} › ${test.fullName}${firstLine(test.failureMessages?.[0])}`);
    }
    if (file.status === "failed" && failedTests.length === 0) {
      failedFiles += 1;
      failures.push(`${where}${firstLine(file.message)}`);
    }
  }
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + failedFiles,
    failures,
  };
}

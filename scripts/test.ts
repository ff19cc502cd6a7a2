/**
 * `npm test`: every check the project has. The steps run in two lanes at once, one per core of
 * a small machine: vitest in one, the static checks, the build and the gates (which read the
 * build) one after another in the other. The gates are those registered in src/checks/gates.ts.
 * Each step's output is shown when it ends, as one block, with its time. All steps run even
 * after a failure, so one run reports everything; the run fails if any step fails or reports
 * nothing. The summary gives each step's time, each failed test with the first line of why, and
 * the total; its last line counts vitest's tests plus one per other step.
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { UsageError, type Command } from "../src/checks/gate.ts";
import { gates } from "../src/checks/gates.ts";
import { runCommandCli } from "../src/checks/runner.ts";
import { projectFolders, projectPath } from "../src/lib/project.ts";
import { gateSteps, resultOf, vitestCounts, type Step, type StepResult } from "./lib/test-steps.ts";

/** What `npm test` was asked to do. */
interface TestOptions {
  /** Print the steps instead of running them. */
  list: boolean;
  /** Run only the steps of these names; all when empty. */
  only: string[];
}

const tsx = (script: string, ...args: string[]) => [
  process.execPath,
  "--import",
  "tsx",
  script,
  ...args,
];

/** Steps in a lane run in order; the lanes run at the same time. */
function plan(projectRoot: string): Step[][] {
  const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);
  const vitestReport = path.join(projectPath(projectFolders.reports, projectRoot), "vitest.json");
  const vitest: Step = {
    name: "vitest",
    title: "tests (vitest)",
    command: [
      bin("vitest"),
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${vitestReport}`,
    ],
    count: () => {
      try {
        return vitestCounts(readFileSync(vitestReport, "utf8"), projectRoot);
      } catch {
        // No report means vitest did not get to run its tests: that is a failure, not zero tests.
        return { passed: 0, failed: 1 };
      }
    },
  };
  // The type check, ESLint and Prettier keep caches under the cache folder, so a second run
  // checks only what changed.
  const checksAndGates: Step[] = [
    // One TypeScript program for both: see scripts/check-code.ts.
    { name: "code", title: "types and lint (check:code)", command: tsx("scripts/check-code.ts") },
    {
      name: "formatting",
      title: "formatting (prettier)",
      command: [
        bin("prettier"),
        "--check",
        "--cache",
        "--cache-location",
        path.join(projectFolders.cache, "prettier"),
        ".",
      ],
    },
    { name: "build", title: "build", command: tsx("scripts/build.ts") },
    ...gateSteps(gates, process.env.CI !== undefined && process.env.CI !== ""),
  ];
  return [[vitest], checksAndGates];
}

/** Keeps the steps `--only` names; a name that is no step here is a wrong command line. */
function selectSteps(lanes: Step[][], only: readonly string[]): Step[][] {
  if (only.length === 0) return lanes;
  const known = lanes.flat().map((step) => step.name);
  const unknown = only.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `no step named ${unknown.map((name) => `"${name}"`).join(", ")} runs here; the steps are: ${known.join(", ")}`,
    );
  }
  return lanes.map((lane) => lane.filter((step) => only.includes(step.name)));
}

function headingOf(step: Step, projectRoot: string): string {
  const [program = "", ...args] = step.command;
  const shown = args.map((arg) => (path.isAbsolute(arg) ? path.relative(projectRoot, arg) : arg));
  return `${step.title}: ${[path.basename(program), ...shown].join(" ")}`;
}

/** Runs one step with its output kept, and prints the output as one block when it ends. */
function runStep(step: Step, projectRoot: string, print: (text: string) => void) {
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
  return new Promise<StepResult>((resolve) => {
    child.on("error", (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      print(`\n▶ ${headingOf(step, projectRoot)} (${seconds.toFixed(1)} s)\n`);
      print(Buffer.concat(output).toString());
      resolve(resultOf(step, code, seconds));
    });
  });
}

async function runLane(lane: Step[], projectRoot: string, print: (text: string) => void) {
  const results: StepResult[] = [];
  for (const step of lane) results.push(await runStep(step, projectRoot, print));
  return results;
}

function summary(results: readonly StepResult[], totalSeconds: number): string[] {
  const row = (status: string, title: string, seconds: number) =>
    `  ${status.padEnd(7)} ${title.padEnd(40)} ${seconds.toFixed(1).padStart(6)} s`;
  const sum = (key: "passed" | "failed" | "skipped") =>
    results.reduce((total, result) => total + result[key], 0);
  const skipped = sum("skipped");
  return [
    "",
    "Summary",
    ...results.flatMap((result) => [
      row(result.status, result.title, result.seconds),
      ...result.failures.map((failure) => `          ✗ ${failure}`),
    ]),
    row("", "total (lanes at once)", totalSeconds),
    `${sum("passed")} passed, ${sum("failed")} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`,
  ];
}

/** `npm test` on the harness every command of the project runs on. */
const testCommand: Command<TestOptions> = {
  name: "test",
  title: "npm test",
  summary: "Runs every test and gate of the project and sums them up.",
  usage: `Usage: npm test [-- options]

The gates are those registered in src/checks/gates.ts; the dependency audit runs where CI is set.

Options:
  --list          print the steps and their commands instead of running them
  --only NAME     run only this step (vitest, code, formatting, build or a gate's name);
                  may be given more than once`,
  options: { list: { type: "boolean" }, only: { type: "string", multiple: true } },
  parse: (args) => ({
    list: args.values.list === true,
    only: (Array.isArray(args.values.only) ? args.values.only : []).map(String),
  }),
  async run(options, { projectRoot, print }) {
    const lanes = selectSteps(plan(projectRoot), options.only);
    if (options.list) {
      return {
        exitCode: 0,
        lines: lanes.flatMap((lane, index) => [
          `Lane ${index + 1}:`,
          ...lane.map((step) => `  ${step.name}: ${headingOf(step, projectRoot)}`),
        ]),
      };
    }
    rmSync(path.join(projectPath(projectFolders.reports, projectRoot), "vitest.json"), {
      force: true,
    });
    const started = performance.now();
    const results = (
      await Promise.all(lanes.map((lane) => runLane(lane, projectRoot, print)))
    ).flat();
    const failed = results.some((result) => result.status === "FAIL");
    return {
      exitCode: failed ? 1 : 0,
      lines: summary(results, (performance.now() - started) / 1000),
    };
  },
};

process.exitCode = await runCommandCli(testCommand);

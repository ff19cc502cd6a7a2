import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("the median of no values is undefined");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** Runs `work` and returns its result with the wall-clock seconds it took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { seconds: (performance.now() - started) / 1000, value };
}

/**
 * Runs every variant `runs` times, alternating between them (a, b, a, b, …), so that a
 * machine that gets busier or a warmer disk cache affects all of them alike. Returns each
 * variant's results in run order.
 */
export async function interleave<T, Name extends string>(
  runs: number,
  variants: Record<Name, () => Promise<T>>,
): Promise<Record<Name, T[]>> {
  const names = Object.keys(variants) as Name[];
  const results = Object.fromEntries(names.map((name) => [name, [] as T[]])) as Record<Name, T[]>;
  for (let run = 0; run < runs; run++) {
    for (const name of names) results[name].push(await variants[name]());
  }
  return results;
}

/** The work a child process can be asked to measure (see worker.ts). */
export type WorkerTask = "build-project" | "build-bare" | "duplicates" | "i18n";

/** What a child process reports of one measured task. */
export interface WorkerResult {
  /** Seconds the task took inside the child, without Node's and tsx's start-up. */
  seconds: number;
  /**
   * Processor seconds the task used (all threads): less disturbed than `seconds` by other
   * work on the machine, so it shows whether a change of `seconds` is the task's own.
   */
  cpuSeconds: number;
  /** The child's peak resident memory, start-up included. */
  peakRssMiB: number;
  /** The task's own exit status (0: the build succeeded, the check found nothing). */
  exitCode: number;
  /** What the task printed, for messages when it failed. */
  output: string;
}

/** The line the worker prints its result on, among whatever else the task prints. */
export const RESULT_PREFIX = "BENCH_RESULT ";

const workerFile = fileURLToPath(new URL("worker.ts", import.meta.url));
const tsxLoader = import.meta.resolve("tsx");

/**
 * Runs one task in a fresh Node process in `cwd` (the project folder it works on), so its
 * peak memory is its own and no module cache is shared between runs.
 */
export function runWorker(task: WorkerTask, cwd: string): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", tsxLoader, workerFile, task], {
      cwd,
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => {
      const line = stdout.split("\n").find((candidate) => candidate.startsWith(RESULT_PREFIX));
      if (line === undefined) {
        reject(
          new Error(
            `the ${task} measurement stopped without a result (exit status ${status ?? "none"}):\n${stdout}${stderr}`.trim(),
          ),
        );
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as WorkerResult);
    });
  });
}

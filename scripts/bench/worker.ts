/**
 * A child process of the benchmark: runs one task (see tasks.ts) in the current folder and
 * prints how long it took and its peak memory on one line, for `runWorker` to read.
 */
import { RESULT_PREFIX, type WorkerResult, type WorkerTask } from "./measure.ts";
import { tasks } from "./tasks.ts";

const task = process.argv[2] ?? "";
if (!Object.hasOwn(tasks, task)) {
  process.stderr.write(`Unknown task "${task}"; known: ${Object.keys(tasks).join(", ")}.\n`);
  process.exit(2);
}
const run = tasks[task as WorkerTask];
const started = performance.now();
const cpuBefore = process.cpuUsage();
const outcome = await run(process.cwd());
const cpu = process.cpuUsage(cpuBefore);
const result: WorkerResult = {
  seconds: (performance.now() - started) / 1000,
  // Microseconds of user and system time, all threads of the process.
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  // maxRSS is in kibibytes.
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
  exitCode: outcome.exitCode,
  output: outcome.output.slice(0, 4000),
};
process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`);

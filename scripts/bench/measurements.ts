import { rm } from "node:fs/promises";
import { CouldNotCheckError } from "../../src/checks/gate.ts";
import { projectFolders, projectPath } from "../../src/lib/project.ts";
import { interleave, median, runWorker, type WorkerResult, type WorkerTask } from "./measure.ts";

/** Median figures of several runs of one task. */
export interface TaskFigures {
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  runs: number;
  /** Exit status of the last run: 0 when the build succeeded or the check found nothing. */
  exitCode: number;
  /** The last line the last run printed (the check's summary), for the report. */
  summary: string;
}

function figures(results: readonly WorkerResult[]): TaskFigures {
  const last = results.at(-1);
  return {
    seconds: median(results.map((result) => result.seconds)),
    cpuSeconds: median(results.map((result) => result.cpuSeconds)),
    peakRssMiB: median(results.map((result) => result.peakRssMiB)),
    runs: results.length,
    exitCode: last?.exitCode ?? 0,
    summary: last?.output.trim().split("\n").at(-1) ?? "",
  };
}

/** Removes what a previous build wrote, so every timed build writes into an empty folder. */
async function removeBuild(root: string): Promise<void> {
  await Promise.all(
    ["", ".staging", ".previous"].map((suffix) =>
      rm(`${projectPath(projectFolders.output, root)}${suffix}`, { recursive: true, force: true }),
    ),
  );
}

/** The project's build and bare Eleventy's, each run `runs` times, alternating. */
export interface BuildComparison {
  project: TaskFigures;
  bare: TaskFigures;
}

/**
 * Builds the synthetic site with the project's configuration and its Markdown with bare
 * Eleventy, alternately, each in a fresh process writing into an empty output folder. A
 * failed build stops the benchmark: its time would mean nothing.
 */
export async function compareBuilds(
  siteRoot: string,
  bareRoot: string,
  runs: number,
): Promise<BuildComparison> {
  const build = (task: WorkerTask, root: string) => async () => {
    await removeBuild(root);
    const result = await runWorker(task, root);
    if (result.exitCode !== 0) {
      throw new CouldNotCheckError(`the ${task} build failed:\n${result.output}`);
    }
    return result;
  };
  const results = await interleave(runs, {
    project: build("build-project", siteRoot),
    bare: build("build-bare", bareRoot),
  });
  return { project: figures(results.project), bare: figures(results.bare) };
}

/** Runs a check (`duplicates` or `i18n`) on a built project `runs` times. */
export async function measureCheck(
  task: Extract<WorkerTask, "duplicates" | "i18n">,
  root: string,
  runs: number,
): Promise<TaskFigures> {
  const results: WorkerResult[] = [];
  for (let run = 0; run < runs; run++) results.push(await runWorker(task, root));
  return figures(results);
}

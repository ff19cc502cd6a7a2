import Eleventy from "@11ty/eleventy";
import { publishSite } from "../../src/build.ts";
import { duplicatesGate } from "../../src/checks/duplicates/gate.ts";
import type { Gate } from "../../src/checks/gate.ts";
import { translationGate } from "../../src/checks/i18n/gate.ts";
import { runGateCaptured } from "../../src/checks/runner.ts";
import { projectFolders, projectPath } from "../../src/lib/project.ts";
import type { WorkerTask } from "./measure.ts";

/** How a measured task ended: its exit status and what it printed. */
export interface TaskOutcome {
  exitCode: number;
  output: string;
}

async function buildOutcome(build: () => Promise<void>): Promise<TaskOutcome> {
  try {
    await build();
    return { exitCode: 0, output: "" };
  } catch (error) {
    return { exitCode: 1, output: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs a gate through the shared runner, as its npm script does, keeping what it printed. */
async function gateOutcome<O, D>(gate: Gate<O, D>, root: string): Promise<TaskOutcome> {
  const run = await runGateCaptured(gate, [], root);
  return { exitCode: run.exitCode, output: `${run.stdout}${run.stderr}` };
}

/**
 * The tasks a child process measures, each run in the project folder `root` exactly as its
 * command runs there:
 * - `build-project`: `npm run build` (publishSite with the project's `.eleventy.ts`);
 * - `build-bare`: Eleventy with its default configuration (no config file in `root`);
 * - `duplicates`: `npm run check:duplicates` (Markdown sources and the built `_site/`);
 * - `i18n`: `npm run check:i18n`.
 */
export const tasks: Record<WorkerTask, (root: string) => Promise<TaskOutcome>> = {
  "build-project": (root) =>
    buildOutcome(async () => {
      await publishSite({
        projectRoot: root,
        outputDir: projectPath(projectFolders.output, root),
        quiet: true,
      });
    }),
  "build-bare": (root) =>
    buildOutcome(async () => {
      const eleventy = new Eleventy(
        projectPath(projectFolders.site, root),
        projectPath(projectFolders.output, root),
        { quietMode: true },
      );
      eleventy.disableLogger();
      await eleventy.write();
    }),
  duplicates: (root) => gateOutcome(duplicatesGate, root),
  i18n: (root) => gateOutcome(translationGate, root),
};

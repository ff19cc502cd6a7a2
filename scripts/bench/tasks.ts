import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { publishSite } from "../../src/build.ts";
import { runDuplicateCheck } from "../../src/checks/duplicates/cli.ts";
import { runCheckCli } from "../../src/checks/i18n/cli.ts";
import { projectFolders } from "../../src/lib/project.ts";
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
    buildOutcome(() =>
      publishSite({ projectRoot: root, outputDir: path.join(root, "_site"), quiet: true }),
    ),
  "build-bare": (root) =>
    buildOutcome(async () => {
      const eleventy = new Eleventy(
        path.join(root, projectFolders.site),
        path.join(root, "_site"),
        {
          quietMode: true,
        },
      );
      eleventy.disableLogger();
      await eleventy.write();
    }),
  duplicates: async (root) => {
    const result = await runDuplicateCheck([], root);
    return { exitCode: result.exitCode, output: `${result.stdout}${result.stderr}` };
  },
  i18n: async (root) => {
    const result = await runCheckCli([], root);
    return { exitCode: result.exitCode, output: `${result.stdout}${result.stderr}` };
  },
};
